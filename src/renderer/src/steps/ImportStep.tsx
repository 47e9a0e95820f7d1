import { useCallback, useEffect, useState } from 'react'
import type { DatasetSummary } from '../../../shared/domain/dataset'
import { messageOf, useApi, useEvent } from '../api/ApiContext'
import { ErrorNote } from '../ui/ErrorNote'
import { DataPreview } from './DataPreview'
import { ColumnStatsPanel } from './ColumnStatsPanel'

export function ImportStep() {
  const api = useApi()
  const [datasets, setDatasets] = useState<DatasetSummary[]>([])
  const [selected, setSelected] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(() => {
    api
      .invoke('datasets.list', {})
      .then((list) => {
        setDatasets(list)
        setSelected((s) => (s !== null && list.some((d) => d.id === s) ? s : (list[0]?.id ?? null)))
      })
      .catch((e: unknown) => setError(messageOf(e)))
  }, [api])
  useEffect(refresh, [refresh])
  useEvent('datasets.changed', refresh)

  const dataset = datasets.find((d) => d.id === selected) ?? null
  return (
    <div className="import">
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      {datasets.length === 0 ? (
        <div className="empty">
          <h2>No data in this project yet</h2>
          <p>Import a customer table or a transaction history to begin.</p>
        </div>
      ) : (
        <>
          <div className="dataset-tabs" role="tablist" aria-label="Datasets">
            {datasets.map((d) => (
              <button
                key={d.id}
                role="tab"
                type="button"
                aria-selected={d.id === selected}
                className="dataset-tab"
                onClick={() => setSelected(d.id)}
              >
                <strong>{d.name}</strong>
                <span className="muted">
                  {d.kind} · {d.rowCount.toLocaleString()} rows · {d.columns.length} columns
                </span>
              </button>
            ))}
          </div>
          {dataset && (
            <div role="tabpanel" aria-label={dataset.name}>
              <ColumnStatsPanel dataset={dataset} />
              <DataPreview key={dataset.id} dataset={dataset} />
            </div>
          )}
        </>
      )}
    </div>
  )
}
