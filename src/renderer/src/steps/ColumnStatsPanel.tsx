import { useCallback, useEffect, useState } from 'react'
import type { ColumnStats, DatasetSummary } from '../../../shared/domain/dataset'
import { messageOf, useApi, useEvent } from '../api/ApiContext'
import { ErrorNote } from '../ui/ErrorNote'

const number = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 4 })

/** Per-column summary computed by a background job; the job's progress and Cancel live in the jobs panel. */
export function ColumnStatsPanel({ dataset }: { dataset: DatasetSummary }) {
  const api = useApi()
  const [stats, setStats] = useState<ColumnStats[] | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    void api.invoke('datasets.columnStats', { datasetId: dataset.id }).then(setStats)
  }, [api, dataset.id])
  useEffect(load, [load])
  useEvent('datasets.changed', ({ datasetIds }) => datasetIds.includes(dataset.id) && load())
  useEvent('job.updated', (job) => {
    if (job.kind === 'columnStats' && job.status !== 'running' && job.status !== 'queued') setRunning(false)
  })

  const start = () => {
    setError(null)
    setRunning(true)
    api.invoke('jobs.columnStats', { datasetId: dataset.id }).catch((e: unknown) => {
      setRunning(false)
      setError(messageOf(e))
    })
  }

  return (
    <section className="panel" aria-labelledby="stats-title">
      <div className="panel__head">
        <h2 id="stats-title">Column statistics</h2>
        <button type="button" className="button" onClick={start} disabled={running}>
          {stats ? 'Recompute statistics' : 'Compute statistics'}
        </button>
      </div>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      {stats ? (
        <div className="table-frame table-frame--short">
          <table className="table" aria-label="Column statistics">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Missing</th>
                <th scope="col">Distinct</th>
                <th scope="col">Min</th>
                <th scope="col">Mean</th>
                <th scope="col">Max</th>
                <th scope="col">Most common</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>
                    {s.missing.toLocaleString()}
                    {s.count > 0 && s.missing > 0 && (
                      <span className="muted"> ({Math.round((100 * s.missing) / s.count)}%)</span>
                    )}
                  </td>
                  <td>{s.distinct.toLocaleString()}</td>
                  <td>{s.numeric ? number.format(s.numeric.min) : '—'}</td>
                  <td>{s.numeric ? number.format(s.numeric.mean) : '—'}</td>
                  <td>{s.numeric ? number.format(s.numeric.max) : '—'}</td>
                  <td className="truncate">
                    {s.top
                      .slice(0, 3)
                      .map((t) => `${t.value} (${t.count})`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Counts, missing values and ranges for every column. Runs in the background.</p>
      )}
    </section>
  )
}
