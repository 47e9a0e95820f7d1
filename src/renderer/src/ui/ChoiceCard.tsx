import { useId, type ReactNode } from 'react'

/**
 * One answer of a radio group drawn as a card: a title in bold and a sentence on what it means, the whole card
 * clickable. The radio stays native, so arrow keys move between the cards of a group as in any radio group.
 */
export function ChoiceCard({
  name,
  value,
  checked,
  onSelect,
  title,
  children,
}: {
  name: string
  value?: string
  checked: boolean
  onSelect: () => void
  title: string
  /** What the choice means, in a sentence; also the radio's description. */
  children: ReactNode
}) {
  const helpId = useId()
  return (
    <label className={`kind-choice${checked ? ' kind-choice--selected' : ''}`}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onSelect} aria-describedby={helpId} />
      <span className="kind-choice__text">
        <strong>{title}</strong>
        <span className="muted" id={helpId}>
          {children}
        </span>
      </span>
    </label>
  )
}
