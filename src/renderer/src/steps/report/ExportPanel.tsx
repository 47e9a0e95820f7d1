import { useState } from 'react'
import type { ExportFormat, ExportTable } from '../../../../shared/domain/report'

const tables: readonly { table: ExportTable; title: string; help: string }[] = [
  {
    table: 'membership',
    title: 'Segment membership',
    help: 'One row per customer: customer id, segment name and number.',
  },
  {
    table: 'profiles',
    title: 'Segment profiles',
    help: 'One row per segment: size, shares, description, action and the average of each feature.',
  },
]

/**
 * The segment tables as CSV or Excel files. Text that a spreadsheet would run as a formula (it starts with =, +, -, @)
 * is written with a leading apostrophe, so opening the file is always safe.
 */
export function ExportPanel({
  busy,
  described,
  onExport,
}: {
  busy: boolean
  /** False until the Understand step has described the segments (profiles need that). */
  described: boolean
  onExport: (table: ExportTable, format: ExportFormat, pseudonymise: boolean) => void
}) {
  const [codes, setCodes] = useState(false)
  return (
    <section className="panel report__exports" aria-labelledby="report-exports-title">
      <h2 id="report-exports-title">Export the segments</h2>
      <p className="muted small report__export-note">
        For a spreadsheet or a CRM. Text a spreadsheet would run as a formula is written with a leading apostrophe.
      </p>
      {tables.map((t) => (
        <div key={t.table} className="report__export" role="group" aria-label={t.title}>
          <div className="report__export-text">
            <strong>{t.title}</strong>
            <p className="muted small report__help">{t.help}</p>
            {t.table === 'membership' && (
              <label className="check small">
                <input type="checkbox" checked={codes} onChange={(e) => setCodes(e.target.checked)} />
                Add a pseudonymised id column
              </label>
            )}
          </div>
          <div className="toolbar report__export-buttons">
            {(['csv', 'xlsx'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="button button--small"
                disabled={busy || (t.table === 'profiles' && !described)}
                onClick={() => onExport(t.table, format, t.table === 'membership' && codes)}
                aria-label={`Export ${t.title.toLowerCase()} as ${format === 'csv' ? 'CSV' : 'Excel'}`}
              >
                {format === 'csv' ? 'CSV' : 'Excel (.xlsx)'}
              </button>
            ))}
          </div>
        </div>
      ))}
    </section>
  )
}
