import { useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { messageOf, useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorNote } from '../../ui/ErrorNote'
import { formatCount, formatNumber } from '../../ui/format'
import { RenameForm } from '../../ui/RenameForm'
import { TableHead, type HeadCell } from '../../ui/TableHead'
import { methodLabel } from './explanations'
import { segmentNames } from './segmentLabels'

const historyColumns: readonly (string | HeadCell)[] = [
  'Run',
  { label: 'Segments', numeric: true },
  'Sizes',
  { label: 'Silhouette', numeric: true },
  { label: 'Calinski–Harabasz', numeric: true },
  { label: 'Davies–Bouldin', numeric: true },
  { label: 'Actions', hidden: true },
]

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
  const [renaming, setRenaming] = useState<number | null>(null)
  const [deleting, setDeleting] = useState<ClusterRun | null>(null)
  const [error, setError] = useState<string | null>(null)

  const act = (work: Promise<unknown>) => work.then(() => setError(null)).catch((e: unknown) => setError(messageOf(e)))
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
          <TableHead columns={historyColumns} />
          <tbody>
            {runs.map((run) => (
              <tr
                key={run.id}
                className={run.id === selectedId ? 'history__row--selected' : undefined}
                aria-current={run.id === selectedId ? 'true' : undefined}
              >
                <th scope="row" className="history__name">
                  {renaming === run.id ? (
                    <RenameForm
                      className="history__rename"
                      name={run.name}
                      label={`New name for ${run.name}`}
                      onSave={(name) =>
                        void act(api.invoke('runs.rename', { runId: run.id, name })).then(() => setRenaming(null))
                      }
                      onCancel={() => setRenaming(null)}
                    />
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
                <td
                  className="history__sizes"
                  title={segmentNames(run)
                    .map((name, s) => `${name}: ${formatCount(run.sizes[s])}`)
                    .join(' · ')}
                >
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
                    onClick={() => setRenaming(run.id)}
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
