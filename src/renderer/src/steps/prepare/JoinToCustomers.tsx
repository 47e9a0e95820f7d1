import { useCallback, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { JobInfo } from '../../../../shared/domain/jobs'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { InfoNote } from '../../ui/InfoNote'
import { JobProgress } from '../../ui/JobProgress'
import { SelectField } from '../../ui/SelectField'
import { useJob } from '../../ui/useJob'

/** The new table and the sentence saying how many customers matched. */
export interface Joined {
  readonly datasetId: number
  readonly summary: string
}

/**
 * Offers to add a customer-level table's columns (RFM) to one of the project's customer tables, matched by customer
 * id. The result is a new table; both inputs stay as they are.
 */
export function JoinToCustomers({
  features,
  datasets,
  onJoined,
}: {
  features: DatasetSummary
  datasets: readonly DatasetSummary[]
  /** The Prepare screen then shows the new table with the match count. */
  onJoined: (result: Joined) => void
}) {
  const api = useApi()
  const targets = datasets.filter(
    (d) =>
      d.id !== features.id &&
      d.kind === 'customers' &&
      d.derivedFrom === null &&
      d.columns.some((c) => c.role === 'customerId'),
  )
  const [target, setTarget] = useState<number | null>(targets[0]?.id ?? null)
  const [busy, setBusy] = useState(false)
  const [started, setStarted] = useState<JobInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const job = useJob(
    started,
    useCallback(
      (j: JobInfo) => {
        setStarted(null)
        setBusy(false)
        const made = j.produced?.datasetId
        if (j.status === 'succeeded' && made !== undefined)
          onJoined({ datasetId: made, summary: j.produced?.summary ?? '' })
        else if (j.status === 'cancelled') setOutcome('Cancelled: no table was made.')
        else setError(j.error?.userMessage ?? 'Joining the tables failed.')
      },
      [onJoined],
    ),
  )
  if (targets.length === 0) return null

  const join = async () => {
    if (target === null) return
    setBusy(true)
    setError(null)
    setOutcome(null)
    try {
      setStarted(await api.invoke('datasets.join', { customersId: target, featuresId: features.id }))
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }

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
        <button type="button" className="button" onClick={() => void join()} disabled={busy || target === null}>
          Add to customer table
        </button>
      </div>
      <JobProgress job={job} label="Matching customers" />
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <InfoNote message={outcome} />
    </section>
  )
}
