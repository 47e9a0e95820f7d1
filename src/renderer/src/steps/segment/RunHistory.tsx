import { useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { messageOf, useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorNote } from '../../ui/ErrorNote'
import { formatCount, formatNumber } from '../../ui/format'
import { methodLabel } from './explanations'

/**
 * Every run of this dataset, to compare side by side and pick the one later steps use. Rename happens in place;
 * delete asks first, naming the run; the chosen run is marked in words, not only with colour.
 */
export function RunHistory({
  runs,
  selectedId,
  onSelect,
}: {
  runs: readonly ClusterRun[]
  selectedId: number | null
  onSelect: (id: number) => void
}) {
  const api = useApi()
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null)
  const [deleting, setDeleting] = useState<ClusterRun | null>(null)
  const [error, setError] = useState<string | null>(null)

  const act = (work: Promise<unknown>) => work.then(() => setError(null)).catch((e: unknown) => setError(messageOf(e)))
  const saveName = () => {
    if (!renaming || renaming.name.trim() === '') return
    void act(api.invoke('runs.rename', { runId: renaming.id, name: renaming.name.trim() })).then(() =>
      setRenaming(null),
    )
  }

  return (
    <section className="panel" aria-labelledby="history-title">
      <div className="panel__head">
        <h2 id="history-title">Runs to compare</h2>
        <span className="muted small">Higher silhouette and Calinski–Harabasz, lower Davies–Bouldin are better.</span>
      </div>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <div className="table-frame">
        <table className="table history">
          <caption className="visually-hidden">Segmentation runs of this dataset, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col" className="num">
                Segments
              </th>
              <th scope="col">Sizes</th>
              <th scope="col" className="num">
                Silhouette
              </th>
              <th scope="col" className="num">
                Calinski–Harabasz
              </th>
              <th scope="col" className="num">
                Davies–Bouldin
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr
                key={run.id}
                className={run.id === selectedId ? 'history__row--selected' : undefined}
                aria-current={run.id === selectedId ? 'true' : undefined}
              >
                <th scope="row" className="history__name">
                  {renaming?.id === run.id ? (
                    <form
                      className="history__rename"
                      onSubmit={(e) => {
                        e.preventDefault()
                        saveName()
                      }}
                    >
                      <input
                        aria-label={`New name for ${run.name}`}
                        value={renaming.name}
                        maxLength={120}
                        autoFocus
                        onChange={(e) => setRenaming({ id: run.id, name: e.target.value })}
                        onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                      />
                      <button
                        type="submit"
                        className="button button--small button--primary"
                        disabled={renaming.name.trim() === ''}
                      >
                        Save
                      </button>
                      <button type="button" className="button button--small" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onSelect(run.id)}
                      aria-label={`Show ${run.name}`}
                    >
                      {run.name}
                    </button>
                  )}
                  {run.chosen && <span className="badge">chosen</span>}
                  <span className="history__date muted">
                    {methodLabel(run.settings.method)} · {run.createdAt.slice(0, 16).replace('T', ' ')}
                  </span>
                </th>
                <td className="num">{run.k}</td>
                <td className="history__sizes" title={run.sizes.map(formatCount).join(' · ')}>
                  {run.sizes.map(formatCount).join(' · ')}
                </td>
                <td className="num">{formatNumber(run.metrics.silhouette)}</td>
                <td className="num">{formatNumber(run.metrics.calinskiHarabasz)}</td>
                <td className="num">{formatNumber(run.metrics.daviesBouldin)}</td>
                <td className="history__actions">
                  {!run.chosen && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void act(api.invoke('runs.choose', { runId: run.id }))}
                      aria-label={`Use ${run.name} as the segmentation`}
                    >
                      Use
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    onClick={() => setRenaming({ id: run.id, name: run.name })}
                    aria-label={`Rename ${run.name}`}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet button--danger-quiet"
                    onClick={() => setDeleting(run)}
                    aria-label={`Delete ${run.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this run?"
        confirmLabel="Delete run"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const run = deleting
          setDeleting(null)
          if (run) void act(api.invoke('runs.delete', { runId: run.id }))
        }}
      >
        <p>
          “{deleting?.name}” and its segments will be removed from this project.
          {deleting?.chosen &&
            ' It is the chosen segmentation: later steps will have none until you choose another.'}{' '}
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  )
}
