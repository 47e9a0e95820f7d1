import type { FileInspection, ReadSettings } from '../../../../shared/domain/import'
import { SelectField } from '../../ui/SelectField'
import { delimiterChoices, encodingChoices, matchChoice, withCurrent } from './importChoices'

const headerChoices = [
  { value: 'yes', label: 'Holds the column names' },
  { value: 'no', label: 'Is data (no column names)' },
] as const

/**
 * What was detected about the file, each with its reason, and a select box to overrule it. Changing one asks for a
 * fresh inspection with that override (the parent does it), so the preview always shows what will be imported.
 */
export function FileSettings({
  inspection,
  disabled,
  onChange,
}: {
  inspection: FileInspection
  disabled: boolean
  onChange: (change: ReadSettings) => void
}) {
  const encodings = withCurrent(encodingChoices, inspection.encoding?.name ?? null)
  const delimiters = withCurrent(delimiterChoices, inspection.delimiter)
  return (
    <div className="file-settings">
      {inspection.format === 'xlsx' && inspection.sheets.length > 0 && (
        <SelectField
          className="file-settings__item"
          label="Sheet"
          help={`The workbook has ${inspection.sheets.length} sheet${inspection.sheets.length === 1 ? '' : 's'}.`}
          value={inspection.sheet ?? ''}
          choices={inspection.sheets}
          disabled={disabled || inspection.sheets.length < 2}
          onChange={(sheet) => onChange({ sheet })}
        />
      )}
      {inspection.encoding && (
        <SelectField
          className="file-settings__item"
          label="Text encoding"
          help={inspection.encoding.reason}
          value={matchChoice(encodings, inspection.encoding.name)}
          choices={encodings}
          disabled={disabled}
          onChange={(encoding) => onChange({ encoding })}
        />
      )}
      {inspection.delimiter !== null && (
        <SelectField
          className="file-settings__item"
          label="Values separated by"
          help={inspection.dialectReason}
          value={matchChoice(delimiters, inspection.delimiter)}
          choices={delimiters}
          disabled={disabled}
          onChange={(delimiter) => onChange({ delimiter })}
        />
      )}
      <SelectField
        className="file-settings__item"
        label="First row"
        help={inspection.headerReason}
        value={inspection.hasHeader ? 'yes' : 'no'}
        choices={headerChoices}
        disabled={disabled}
        onChange={(v) => onChange({ hasHeader: v === 'yes' })}
      />
    </div>
  )
}
