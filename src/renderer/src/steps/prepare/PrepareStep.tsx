import { useCallback, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { ErrorNote } from '../../ui/ErrorNote'
import { Field } from '../../ui/Field'
import { countOf } from '../../ui/format'
import { kindChoices, labelOf } from '../import/importChoices'
import { useDatasets } from '../import/useDatasets'
import { PipelineEditor } from './PipelineEditor'
import { PreviewPanel } from './PreviewPanel'
import { RfmBuilder } from './RfmBuilder'
import { RfmSummaryView } from './RfmSummaryView'
import { JoinToCustomers, useJoinJob, type JoinJob } from './JoinToCustomers'
import { usePipeline } from './usePipeline'
import '../steps.css'

/**
 * The Prepare step: choose a dataset; for transactions, build RFM customer features; for any dataset, edit the
 * preparation steps on the left and see their effect on the right.
 */
export function PrepareStep() {
  const [selected, setSelected] = useState<number | null>(null)
  // A sentence about what just happened to the tables (a join's match count), shown until the user picks another.
  const [notice, setNotice] = useState<string | null>(null)
  // A table that appears while the user is here (an RFM build finishing) is the one they want to look at next.
  const { datasets, error } = useDatasets((ids) => setSelected(Math.max(...ids)))
  const join = useJoinJob(
    useCallback((result) => {
      setNotice(result.summary)
      setSelected(result.datasetId)
    }, []),
  )

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
      <Field label="Dataset" className="prepare__picker">
        {(id) => (
          <select
            id={id}
            value={current.id}
            onChange={(e) => {
              setNotice(null)
              setSelected(Number(e.target.value))
            }}
          >
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} — {labelOf(kindChoices, d.kind).toLowerCase()}, {countOf(d.rowCount, 'row')}
              </option>
            ))}
          </select>
        )}
      </Field>
      {notice && (
        <p className="note note--info" role="status">
          {notice}
        </p>
      )}
      <PreparedDataset key={current.id} dataset={current} datasets={datasets} join={join} />
    </div>
  )
}

function PreparedDataset({
  dataset,
  datasets,
  join,
}: {
  dataset: DatasetSummary
  datasets: readonly DatasetSummary[]
  join: JoinJob
}) {
  const source = datasets.find((d) => d.id === dataset.derivedFrom)
  const state = usePipeline(dataset.id)
  return (
    <>
      {dataset.kind === 'transactions' && <RfmBuilder dataset={dataset} />}
      {dataset.derivedFrom !== null && <RfmSummaryView datasetId={dataset.id} />}
      {source?.kind === 'transactions' && <JoinToCustomers features={dataset} datasets={datasets} join={join} />}
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
