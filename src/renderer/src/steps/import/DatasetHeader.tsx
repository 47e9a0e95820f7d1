import { useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { messageOf, useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf } from '../../ui/format'
import { RenameForm } from '../../ui/RenameForm'
import { kindChoices, labelOf } from './importChoices'

/** The dataset's name and size, with Rename (in place) and Delete (after a confirmation that says what is lost). */
export function DatasetHeader({
  dataset,
  onRenamed,
  onDeleted,
}: {
  dataset: DatasetSummary
  onRenamed: (d: DatasetSummary) => void
  onDeleted: () => void
}) {
  const api = useApi()
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function rename(name: string) {
    if (name === dataset.name) return setEditing(false)
    setBusy(true)
    setError(null)
    try {
      onRenamed(await api.invoke('datasets.rename', { datasetId: dataset.id, name }))
      setEditing(false)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  async function remove() {
    setConfirming(false)
    setBusy(true)
    setError(null)
    try {
      await api.invoke('datasets.delete', { datasetId: dataset.id })
      onDeleted()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="dataset-header">
      {editing ? (
        <RenameForm
          className="dataset-header__rename"
          name={dataset.name}
          label={`New name for ${dataset.name}`}
          saveLabel="Save name"
          busy={busy}
          onSave={(name) => void rename(name)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="dataset-header__title">
          <h2>{dataset.name}</h2>
          <span className="muted">
            {labelOf(kindChoices, dataset.kind)} · {countOf(dataset.rowCount, 'row')} ·{' '}
            {countOf(dataset.columns.length, 'column')}
            {dataset.source && ` · from ${dataset.source.fileName}`}
          </span>
        </div>
      )}
      {!editing && (
        <div className="dataset-header__actions">
          <button type="button" className="button button--small" onClick={() => setEditing(true)} disabled={busy}>
            Rename
          </button>
          <button
            type="button"
            className="button button--small button--danger-quiet"
            onClick={() => setConfirming(true)}
            disabled={busy}
          >
            Delete
          </button>
        </div>
      )}
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <ConfirmDialog
        open={confirming}
        title={`Delete “${dataset.name}”?`}
        confirmLabel="Delete dataset"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Its {countOf(dataset.rowCount, 'row')}, column settings, quality check and preparation steps are removed from
          this project. The original file is not touched.
        </p>
      </ConfirmDialog>
    </div>
  )
}
