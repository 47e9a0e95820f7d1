import { useState } from 'react'
import type { DatasetJoin, DatasetSummary } from '../../../../shared/domain/dataset'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { SelectField } from '../../ui/SelectField'

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
  onJoined: (result: DatasetJoin) => void
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
  const [error, setError] = useState<string | null>(null)
  if (targets.length === 0) return null

  const join = async () => {
    if (target === null) return
    setBusy(true)
    setError(null)
    try {
      onJoined(await api.invoke('datasets.join', { customersId: target, featuresId: features.id }))
    } catch (e) {
      setError(messageOf(e))
    } finally {
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
      <ErrorNote message={error} onDismiss={() => setError(null)} />
    </section>
  )
}
