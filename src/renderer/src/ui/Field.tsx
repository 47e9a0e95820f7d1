import { useId, type ReactNode } from 'react'

/** What every labelled control built on Field takes: its words, its value and where changes go. */
export interface ControlProps<V> {
  label: string
  value: V
  onChange: (value: V) => void
  help?: ReactNode
  /** Added to `field`: `field--inline` for a short box in a row of them, say. */
  className?: string
  disabled?: boolean
}

/**
 * A labelled form control with an optional line of help under it. The control comes from `children`, which gets the
 * id the label points at and the help's id for `aria-describedby` (undefined without help), so any input or select
 * can sit in the same frame without repeating the wiring.
 */
export function Field({
  label,
  help,
  className,
  children,
}: {
  label: string
  help?: ReactNode
  /** Added to `field`, for a screen's own layout (`field--inline`, say). */
  className?: string
  children: (id: string, helpId: string | undefined) => ReactNode
}) {
  const id = useId()
  // An empty reason still gets its line (and stays the description), as a detected setting always has one.
  const hasHelp = help !== undefined && help !== null
  const helpId = hasHelp ? `${id}-help` : undefined
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, helpId)}
      {hasHelp && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  )
}
