import { useState } from 'react'
import { ErrorNote } from '../ui/ErrorNote'
import { countOf } from '../ui/format'
import { DatasetView } from './import/DatasetView'
import { ImportWizard } from './import/ImportWizard'
import { kindChoices, labelOf } from './import/importChoices'
import { useDatasets } from './import/useDatasets'

/** The Import step: the import wizard, the project's datasets as tabs, and the selected dataset's view. */
export function ImportStep() {
  const [selected, setSelected] = useState<number | null>(null)
  // Whatever appears while the user is here (an import finishing) is what they want to see next.
  const { datasets, error, refresh, replace } = useDatasets((ids) => setSelected(Math.max(...ids)))

  if (datasets === undefined) {
    return error ? <ErrorNote message={error} /> : <p className="muted">Loading datasets…</p>
  }
  const current = datasets.find((d) => d.id === selected) ?? datasets[0] ?? null
  return (
    <div className="import">
      <ErrorNote message={error} />
      <ImportWizard prominent={datasets.length === 0} onImported={refresh} />
      {current && (
        <>
          <div className="dataset-tabs" role="tablist" aria-label="Datasets">
            {datasets.map((d) => (
              <button
                key={d.id}
                role="tab"
                type="button"
                id={`dataset-tab-${d.id}`}
                aria-selected={d.id === current.id}
                aria-controls="dataset-panel"
                className="dataset-tab"
                onClick={() => setSelected(d.id)}
              >
                <strong>{d.name}</strong>
                <span className="muted">
                  {labelOf(kindChoices, d.kind)} · {countOf(d.rowCount, 'row')} · {countOf(d.columns.length, 'column')}
                </span>
              </button>
            ))}
          </div>
          <div role="tabpanel" id="dataset-panel" aria-labelledby={`dataset-tab-${current.id}`}>
            <DatasetView
              key={current.id}
              dataset={current}
              onChanged={replace}
              onDeleted={() => {
                setSelected(null)
                refresh()
              }}
            />
          </div>
        </>
      )}
    </div>
  )
}
