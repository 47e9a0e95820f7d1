import { Field, type ControlProps } from './Field'
import { Options, type Choice } from './Options'

/**
 * A labelled select over a list of choices. `blank` puts a first option with the empty value before them ("None", or
 * "Choose a column…" while nothing is chosen).
 */
export function SelectField<T extends string>({
  label,
  value,
  choices,
  onChange,
  blank,
  help,
  className,
  disabled,
}: Omit<ControlProps<T>, 'value'> & {
  value: T | ''
  choices: readonly (T | Choice<T>)[]
  blank?: string
}) {
  return (
    <Field label={label} help={help} className={className}>
      {(id, helpId) => (
        <select
          id={id}
          value={value}
          aria-describedby={helpId}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {blank !== undefined && <option value="">{blank}</option>}
          <Options choices={choices} />
        </select>
      )}
    </Field>
  )
}
