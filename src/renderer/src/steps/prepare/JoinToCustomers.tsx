import { useCallback, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { JobInfo } from '../../../../shared/domain/jobs'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { InfoNote } from '../../ui/InfoNote'
import { JobProgress } from '../../ui/JobProgress'
import { SelectField } from '../../ui/SelectField'
import { isFinished, useJob } from '../../ui/useJob'

/** The new table and the sentence saying how many customers matched. */
export interface Joined {
  readonly datasetId: number
  readonly summary: string
}

/** A join job as the Prepare step follows it: start one, see its progress, and what became of it. */
export interface JoinJob {
  readonly job: JobInfo | null
  readonly busy: boolean
  readonly error: string | null
  readonly outcome: string | null
  start(customersId: number, featuresId: number): Promise<void>
  dismissError(): void
}

/**
 * Follows a join from the component that stays on screen: the new table appears (and is selected) before the job's
 * last event arrives, which replaces the panel that started the join — the result must not be lost with it.
 */
export function useJoinJob(onJoined: (result: Joined) => void): JoinJob {
  const api = useApi()
  const [started, setStarted] = useState<JobInfo | null>(null)
  const [requesting, setRequesting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const job = useJob(
    started,
    useCallback(
      (j: JobInfo) => {
        setStarted(null)
        const made = j.produced?.datasetId
        if (j.status === 'succeeded' && made !== undefined)
          onJoined({ datasetId: made, summary: j.produced?.summary ?? '' })
        else if (j.status === 'cancelled') setOutcome('Cancelled: no table was made.')
        else setError(j.error?.userMessage ?? 'Joining the tables failed.')
      },
      [onJoined],
    ),
  )
  const start = useCallback(
    async (customersId: number, featuresId: number) => {
      setRequesting(true)
      setError(null)
      setOutcome(null)
      try {
        setStarted(await api.invoke('datasets.join', { customersId, featuresId }))
      } catch (e) {
        setError(messageOf(e))
      } finally {
        setRequesting(false)
      }
    },
    [api],
  )
  return {
    job,
    busy: requesting || (started !== null && !isFinished(job)),
    error,
    outcome,
    start,
    dismissError: useCallback(() => setError(null), []),
  }
}

/**
 * Offers to add a customer-level table's columns (RFM) to one of the project's customer tables, matched by customer
 * id. The result is a new table; both inputs stay as they are.
 */
export function JoinToCustomers({
  features,
  datasets,
  join,
}: {
  features: DatasetSummary
  datasets: readonly DatasetSummary[]
  join: JoinJob
}) {
  const targets = datasets.filter(
    (d) =>
      d.id !== features.id &&
      d.kind === 'customers' &&
      d.derivedFrom === null &&
      d.columns.some((c) => c.role === 'customerId'),
  )
  const [target, setTarget] = useState<number | null>(targets[0]?.id ?? null)
  if (targets.length === 0) return null

  return (
    <section className="panel" aria-labelledby="join-title">
      <h2 id="join-title">Add these features to a customer table</h2>
      <p className="muted">
        Matches customers by their id and makes a new table with every customer of the chosen table and these columns
        beside them. Customers without purchases get empty values.
      </p>
      <div className="toolbar">
        <SelectField
          label="Customer table"
          value={target === null ? '' : String(target)}
          choices={targets.map((d) => ({ value: String(d.id), label: d.name }))}
          onChange={(v) => setTarget(Number(v))}
        />
        <button
          type="button"
          className="button"
          onClick={() => target !== null && void join.start(target, features.id)}
          disabled={join.busy || target === null}
        >
          Add to customer table
        </button>
      </div>
      <JobProgress job={join.job} label="Matching customers" />
      <ErrorNote message={join.error} onDismiss={join.dismissError} />
      <InfoNote message={join.outcome} />
    </section>
  )
}
