import { useEffect, useState } from 'react'
import type { DatasetPage, DatasetSummary } from '../../../shared/domain/dataset'
import { messageOf, useApi } from '../api/ApiContext'
import { ErrorNote } from '../ui/ErrorNote'

const PAGE = 50

/** The raw rows as imported, a page at a time; the table scrolls inside its frame so headers stay visible. */
export function DataPreview({ dataset }: { dataset: DatasetSummary }) {
  const api = useApi()
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<DatasetPage | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api
      .invoke('datasets.page', { datasetId: dataset.id, offset, limit: PAGE })
      .then((p) => live && setPage(p))
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, dataset.id, offset])

  if (error) return <ErrorNote message={error} />
  if (!page) return <p className="muted">Loading rows…</p>
  const last = Math.min(offset + PAGE, page.total)
  return (
    <div className="preview">
      <div className="table-frame" tabIndex={0} aria-label={`Rows of ${dataset.name}`}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="table__rownum">
                #
              </th>
              {dataset.columns.map((c) => (
                <th scope="col" key={c.position} title={c.typeReason}>
                  {c.name}
                  <span className="badge">{c.type}</span>
                  {c.pii && (
                    <span className="badge badge--warn" title={c.piiReason ?? undefined}>
                      personal
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row, i) => (
              <tr key={offset + i}>
                <td className="table__rownum">{offset + i + 1}</td>
                {row.map((cell, j) => (
                  <td key={j} className={cell === null ? 'table__missing' : undefined}>
                    {cell ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          type="button"
          className="button button--small"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          ← Previous
        </button>
        <span className="muted">
          Rows {page.total === 0 ? 0 : offset + 1}–{last} of {page.total.toLocaleString()}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={last >= page.total}
          onClick={() => setOffset(offset + PAGE)}
        >
          Next →
        </button>
      </div>
    </div>
  )
}
