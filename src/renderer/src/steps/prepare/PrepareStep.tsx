import { useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf } from '../../ui/format'
import { kindChoices, labelOf } from '../import/importChoices'
import { useDatasets } from '../import/useDatasets'
import { PipelineEditor } from './PipelineEditor'
import { PreviewPanel } from './PreviewPanel'
import { RfmBuilder } from './RfmBuilder'
import { RfmSummaryView } from './RfmSummaryView'
import { usePipeline } from './usePipeline'
import '../steps.css'

/**
 * The Prepare step: choose a dataset; for transactions, build RFM customer features; for any dataset, edit the
 * preparation steps on the left and see their effect on the right.
 */
export function PrepareStep() {
  const [selected, setSelected] = useState<number | null>(null)
  // A table that appears while the user is here (an RFM build finishing) is the one they want to look at next.
  const { datasets, error } = useDatasets((ids) => setSelected(Math.max(...ids)))

  if (datasets === undefined) return error ? <ErrorNote message={error} /> : <p className="muted">Loading datasets…</p>
  if (datasets.length === 0) {
    return (
      <div className="empty">
        <h2>Nothing to prepare yet</h2>
        <p>Import a customer table or a transaction history in the Import step first.</p>
      </div>
    )
  }
  const current = datasets.find((d) => d.id === selected) ?? datasets[0]
  return (
    <div className="prepare">
      <ErrorNote message={error} />
      <div className="prepare__picker field">
        <label htmlFor="prepare-dataset">Dataset</label>
        <select id="prepare-dataset" value={current.id} onChange={(e) => setSelected(Number(e.target.value))}>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} — {labelOf(kindChoices, d.kind).toLowerCase()}, {countOf(d.rowCount, 'row')}
            </option>
          ))}
        </select>
      </div>
      <PreparedDataset key={current.id} dataset={current} />
    </div>
  )
}

function PreparedDataset({ dataset }: { dataset: DatasetSummary }) {
  const state = usePipeline(dataset.id)
  return (
    <>
      {dataset.kind === 'transactions' && <RfmBuilder dataset={dataset} />}
      {dataset.derivedFrom !== null && <RfmSummaryView datasetId={dataset.id} />}
      <div className="prepare__columns">
        <section className="panel" aria-labelledby="pipeline-title">
          <PipelineEditor dataset={dataset} state={state} />
        </section>
        <section className="panel" aria-labelledby="preview-title">
          <PreviewPanel state={state} steps={state.steps} />
        </section>
      </div>
    </>
  )
}
