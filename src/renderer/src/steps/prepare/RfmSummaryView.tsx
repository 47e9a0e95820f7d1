import { useEffect, useMemo, useState } from 'react'
import type { RfmSummary } from '../../../../shared/domain/prepared'
import { messageOf, useApi } from '../../api/ApiContext'
import { horizontalBarOption } from '../../../../shared/charts/bars'
import { EChart } from '../../charts/EChart'
import { useChartPalette } from '../../charts/useChartPalette'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf, formatCount, formatPercent } from '../../ui/format'
import { NoteList } from '../../ui/NoteList'
import { TableHead } from '../../ui/TableHead'

/** The ten RFM segments of a customer table built from transactions: how many customers each, and what each means. */
export function RfmSummaryView({ datasetId }: { datasetId: number }) {
  const api = useApi()
  const [summary, setSummary] = useState<RfmSummary | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const palette = useChartPalette()

  useEffect(() => {
    let live = true
    api
      .invoke('rfm.summary', { datasetId })
      .then((s) => live && setSummary(s))
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, datasetId])

  const option = useMemo(
    () =>
      summary
        ? horizontalBarOption(
            summary.segments.map((s) => ({ label: s.name, value: s.customers })),
            palette,
          )
        : null,
    [summary, palette],
  )

  if (error) return <ErrorNote message={error} />
  if (summary === undefined) return <p className="muted">Loading the RFM segments…</p>
  if (summary === null || !option) return null
  const described = summary.segments.map((s) => `${s.name}: ${formatCount(s.customers)}`).join(', ')
  return (
    <section className="panel rfm-summary" aria-labelledby="rfm-summary-title">
      <h2 id="rfm-summary-title">RFM segments</h2>
      {summary.notes.length === 0 && (
        <p className="muted small">
          {countOf(summary.customers, 'customer')} scored, with recency counted back from {summary.asOf}.
        </p>
      )}
      <NoteList notes={summary.notes} className="rfm-summary__notes" />
      <div className="rfm-summary__body">
        <EChart
          option={option}
          height={Math.max(220, summary.segments.length * 30)}
          label={`Customers per RFM segment: ${described}.`}
        />
        <table className="table rfm-summary__table">
          <TableHead
            columns={[
              'Segment',
              { label: 'Customers', numeric: true },
              { label: 'Share', numeric: true },
              'What it means',
            ]}
          />
          <tbody>
            {summary.segments.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td className="num">{formatCount(s.customers)}</td>
                <td className="num">{summary.customers > 0 ? formatPercent(s.customers / summary.customers) : '—'}</td>
                <td className="rfm-summary__desc">{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
