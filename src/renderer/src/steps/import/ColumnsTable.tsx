import { useState } from 'react'
import type { ColumnRole, ColumnType, DatasetColumn, DatasetSummary } from '../../../../shared/domain/dataset'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { Options } from '../../ui/Options'
import { TableHead } from '../../ui/TableHead'
import { roleChoices, typeChoices } from './importChoices'

type Change = { type?: ColumnType; role?: ColumnRole; pii?: boolean }

/**
 * Every column with what SegmentLab made of it — type (with the reason), role, personal data — each correctable.
 * A change is saved at once and shown at once; the controls of that column wait for the answer so two changes cannot
 * cross, and a refused change springs back with the reason.
 */
export function ColumnsTable({
  dataset,
  onChanged,
}: {
  dataset: DatasetSummary
  onChanged: (d: DatasetSummary) => void
}) {
  const api = useApi()
  // The change on its way, shown at once (a checkbox that springs back until the answer comes reads as broken).
  const [pending, setPending] = useState<{ position: number; change: Change } | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function update(column: DatasetColumn, change: Change) {
    setPending({ position: column.position, change })
    setError(null)
    try {
      onChanged(
        await api.invoke('datasets.updateColumn', { datasetId: dataset.id, position: column.position, ...change }),
      )
    } catch (e) {
      setError(`Could not change ${column.name}: ${messageOf(e)}`)
    } finally {
      setPending(null)
    }
  }

  return (
    <section className="panel" aria-labelledby="columns-title">
      <div className="panel__head">
        <h2 id="columns-title">Columns</h2>
      </div>
      <p className="muted small columns-intro">
        Check what each column holds. Ticking <strong>Keep out of segments</strong> keeps a column of personal data
        (names, e-mail addresses, phone numbers, addresses) out of segmentation; the columns that look like it come
        ticked, and you can untick one to use it anyway.
      </p>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <div className="table-frame table-frame--tall" role="region" aria-label="Columns of the dataset" tabIndex={0}>
        <table className="table columns-table">
          <TableHead columns={['Column', 'Type', 'Role', 'Personal data']} />
          <tbody>
            {dataset.columns.map((saved) => {
              const busy = pending?.position === saved.position
              const column = busy ? { ...saved, ...pending.change } : saved
              const typeHelp = `type-help-${column.position}`
              const piiHelp = `pii-help-${column.position}`
              return (
                <tr key={column.position} aria-busy={busy}>
                  <th scope="row">{column.name}</th>
                  <td>
                    <select
                      aria-label={`Type of ${column.name}`}
                      aria-describedby={typeHelp}
                      value={column.type}
                      disabled={busy}
                      onChange={(e) => void update(column, { type: e.target.value as ColumnType })}
                    >
                      <Options choices={typeChoices} />
                    </select>
                    <div className="help cell-help" id={typeHelp}>
                      {column.typeReason}
                    </div>
                  </td>
                  <td>
                    <select
                      aria-label={`Role of ${column.name}`}
                      value={column.role}
                      disabled={busy}
                      title={roleChoices.find((c) => c.value === column.role)?.help}
                      onChange={(e) => void update(column, { role: e.target.value as ColumnRole })}
                    >
                      <Options choices={roleChoices} />
                    </select>
                  </td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={column.pii}
                        disabled={busy}
                        aria-label={`Keep ${column.name} out of segments`}
                        aria-describedby={column.piiReason ? piiHelp : undefined}
                        onChange={(e) => void update(column, { pii: e.target.checked })}
                      />
                      {/* The same words ticked or not: they say what ticking does, the box says whether it is done. */}
                      <span>Keep out of segments</span>
                    </label>
                    {column.piiReason && (
                      <div className="help cell-help" id={piiHelp}>
                        {column.piiReason}
                      </div>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
