import { useCallback, useState } from 'react'
import type { RequestInput } from '../../../../shared/api'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { JobInfo } from '../../../../shared/domain/jobs'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { JobProgress } from '../../ui/JobProgress'
import { countOf } from '../../ui/format'
import { useJob } from '../../ui/useJob'
import { useDatasets } from '../import/useDatasets'
import { RunHistory } from './RunHistory'
import { RunResult } from './RunResult'
import { SegmentSetup } from './SegmentSetup'
import { rerunWithK } from './settingsForm'
import { useRuns } from './useRuns'
import '../steps.css'
import './segment.css'

/** Customer tables first: they are what a segmentation is for; other tables follow, labelled. */
function orderDatasets(datasets: readonly DatasetSummary[]): DatasetSummary[] {
  const rank = (d: DatasetSummary) => (d.kind === 'customers' ? 0 : 1)
  return [...datasets].sort((a, b) => rank(a) - rank(b) || a.id - b.id)
}

/**
 * The Segment step: pick a table, choose features and a method, find segments (a job with its own progress and
 * Cancel), then read the result and compare it with earlier runs.
 */
export function SegmentStep() {
  const api = useApi()
  const { datasets, error: datasetsError } = useDatasets()
  const [datasetId, setDatasetId] = useState<number | null>(null)
  const [selectedRun, setSelectedRun] = useState<number | null>(null)
  const [started, setStarted] = useState<JobInfo | null>(null)
  const [outcome, setOutcome] = useState<{ kind: 'error' | 'info'; text: string } | null>(null)

  const ordered = datasets ? orderDatasets(datasets) : []
  const dataset = ordered.find((d) => d.id === datasetId) ?? ordered[0] ?? null
  const { runs, error: runsError } = useRuns(dataset?.id ?? null, (ids) => setSelectedRun(Math.max(...ids)))

  const onFinished = useCallback((job: JobInfo) => {
    if (job.status === 'failed')
      setOutcome({ kind: 'error', text: job.error?.userMessage ?? 'Finding segments failed.' })
    else if (job.status === 'cancelled')
      setOutcome({ kind: 'info', text: 'Cancelled. Nothing was saved; your earlier runs are unchanged.' })
    else setOutcome(null)
  }, [])
  const job = useJob(started, onFinished)
  const busy = job !== null && (job.status === 'queued' || job.status === 'running')

  const run = (input: RequestInput<'cluster.run'>) => {
    setOutcome(null)
    api
      .invoke('cluster.run', input)
      .then(setStarted)
      .catch((e: unknown) => setOutcome({ kind: 'error', text: messageOf(e) }))
  }

  if (datasets === undefined) {
    return datasetsError ? <ErrorNote message={datasetsError} /> : <p className="muted">Loading datasets…</p>
  }
  if (!dataset) {
    return (
      <div className="empty" role="status">
        <h2>No data to segment yet</h2>
        <p>
          Import a customer table in the Import step (Alt+1), or close this project and choose “Try with sample data”.
        </p>
      </div>
    )
  }
  const hasCustomers = ordered.some((d) => d.kind === 'customers')
  const current = runs?.find((r) => r.id === selectedRun) ?? runs?.find((r) => r.chosen) ?? runs?.[0] ?? null

  return (
    <div className="segment">
      <div className="segment__picker">
        <label className="field">
          <span>Table to segment</span>
          <select
            value={dataset.id}
            onChange={(e) => {
              setDatasetId(Number(e.target.value))
              setSelectedRun(null)
            }}
          >
            {hasCustomers && (
              <optgroup label="Customer tables">
                {ordered
                  .filter((d) => d.kind === 'customers')
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name} — {countOf(d.rowCount, 'row')}
                    </option>
                  ))}
              </optgroup>
            )}
            <optgroup label="Other tables">
              {ordered
                .filter((d) => d.kind !== 'customers')
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({d.kind}) — {countOf(d.rowCount, 'row')}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        {!hasCustomers && (
          <p className="note note--warn" role="note">
            There is no customer table yet. Segments are groups of customers: import a table with one row per customer,
            or build one from transactions with RFM in the Prepare step (Alt+2).
          </p>
        )}
        {hasCustomers && dataset.kind !== 'customers' && (
          <p className="note note--warn" role="note">
            {dataset.name} is a {dataset.kind} table, so its segments would group {dataset.kind} rows, not customers.
          </p>
        )}
      </div>

      <SegmentSetup
        key={dataset.id}
        dataset={dataset}
        run={runs === undefined ? undefined : current}
        busy={busy}
        onRun={run}
      />

      <JobProgress job={job} label="Finding segments" />
      {outcome && (
        <div
          className={`note note--${outcome.kind === 'error' ? 'error' : 'info'}`}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{outcome.text}</span>
          <button type="button" className="button button--quiet" onClick={() => setOutcome(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}

      <ErrorNote message={runsError} />
      {runs === undefined ? (
        !runsError && <p className="muted">Loading earlier runs…</p>
      ) : runs.length === 0 ? (
        <div className="empty empty--small" role="status">
          <p>No segmentations of {dataset.name} yet. Choose features above and press “Find segments”.</p>
        </div>
      ) : (
        <>
          {current && (
            <RunResult
              key={current.id}
              run={current}
              busy={busy}
              onChoose={() =>
                void api
                  .invoke('runs.choose', { runId: current.id })
                  .catch((e: unknown) => setOutcome({ kind: 'error', text: messageOf(e) }))
              }
              onUseSegments={(k) => run(rerunWithK(current.settings, k))}
            />
          )}
          <RunHistory runs={runs} selectedId={current?.id ?? null} onSelect={setSelectedRun} />
        </>
      )}
    </div>
  )
}
