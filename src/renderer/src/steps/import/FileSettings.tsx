import type { ReactNode } from 'react'
import type { FileInspection, ReadSettings } from '../../../../shared/domain/import'
import { delimiterChoices, encodingChoices, matchChoice, withCurrent } from './importChoices'

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
        <Setting
          id="sheet"
          label="Sheet"
          reason={`The workbook has ${inspection.sheets.length} sheet${inspection.sheets.length === 1 ? '' : 's'}.`}
        >
          <select
            id="sheet"
            aria-describedby="sheet-reason"
            value={inspection.sheet ?? ''}
            disabled={disabled || inspection.sheets.length < 2}
            onChange={(e) => onChange({ sheet: e.target.value })}
          >
            {inspection.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Setting>
      )}
      {inspection.encoding && (
        <Setting id="encoding" label="Text encoding" reason={inspection.encoding.reason}>
          <select
            id="encoding"
            aria-describedby="encoding-reason"
            value={matchChoice(encodings, inspection.encoding.name)}
            disabled={disabled}
            onChange={(e) => onChange({ encoding: e.target.value })}
          >
            {encodings.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Setting>
      )}
      {inspection.delimiter !== null && (
        <Setting id="delimiter" label="Values separated by" reason={inspection.dialectReason}>
          <select
            id="delimiter"
            aria-describedby="delimiter-reason"
            value={matchChoice(delimiters, inspection.delimiter)}
            disabled={disabled}
            onChange={(e) => onChange({ delimiter: e.target.value })}
          >
            {delimiters.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Setting>
      )}
      <Setting id="header" label="First row" reason={inspection.headerReason}>
        <select
          id="header"
          aria-describedby="header-reason"
          value={inspection.hasHeader ? 'yes' : 'no'}
          disabled={disabled}
          onChange={(e) => onChange({ hasHeader: e.target.value === 'yes' })}
        >
          <option value="yes">Holds the column names</option>
          <option value="no">Is data (no column names)</option>
        </select>
      </Setting>
    </div>
  )
}

function Setting({ id, label, reason, children }: { id: string; label: string; reason: string; children: ReactNode }) {
  return (
    <div className="field file-settings__item">
      <label htmlFor={id}>{label}</label>
      {children}
      <p className="help" id={`${id}-reason`}>
        {reason}
      </p>
    </div>
  )
}
