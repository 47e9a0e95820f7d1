import type { FileInspection } from '../../../../shared/domain/import'
import { countOf } from '../../ui/format'

/** The first rows as they will be split, under the column names they will get: the proof that the settings are right. */
export function InspectionPreview({ inspection }: { inspection: FileInspection }) {
  const width = Math.max(inspection.header.length, ...inspection.previewRows.map((r) => r.length))
  const names = Array.from({ length: width }, (_, i) => inspection.header[i] ?? `Column ${i + 1}`)
  return (
    <div>
      <p className="muted small">
        First {countOf(inspection.previewRows.length, 'row')}, {countOf(width, 'column')}.
      </p>
      <div className="table-frame table-frame--short" tabIndex={0} role="region" aria-label="Preview of the file">
        <table className="table">
          <thead>
            <tr>
              {names.map((name, i) => (
                <th scope="col" key={i}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {inspection.previewRows.map((row, r) => (
              <tr key={r}>
                {names.map((_, c) => (
                  <td key={c} className={row[c] === undefined || row[c] === '' ? 'table__missing' : undefined}>
                    {row[c] === undefined || row[c] === '' ? '—' : row[c]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
