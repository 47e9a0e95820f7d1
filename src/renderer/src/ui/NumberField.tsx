import { Field, type ControlProps } from './Field'

/**
 * A labelled number box whose value is a number: an empty box reads as NaN and NaN shows as an empty box, so a form
 * can hold "not typed yet" without a string beside every number and say what is missing when it is checked.
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  disabled,
  help,
  className,
}: ControlProps<number> & { min?: number; max?: number; step?: number }) {
  return (
    <Field label={label} help={help} className={className}>
      {(id, helpId) => (
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          step={step}
          value={Number.isFinite(value) ? value : ''}
          disabled={disabled}
          aria-describedby={helpId}
          onChange={(e) => onChange(parseNumber(e.target.value))}
        />
      )}
    </Field>
  )
}

/** What a number box holds: NaN when it is empty (Number('') would be 0, a value nobody typed). */
export function parseNumber(text: string): number {
  return text.trim() === '' ? NaN : Number(text)
}
