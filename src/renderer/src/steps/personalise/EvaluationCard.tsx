import { useMemo } from 'react'
import { recommendationQuality } from '../../../../shared/charts/recommendationQuality'
import { recMethodNames, type RecMetrics, type RecModel } from '../../../../shared/domain/recommend'
import { ChartBoundary } from '../../charts/ChartBoundary'
import { ChartCard } from '../../charts/ChartCard'
import { useChartPalette } from '../../charts/useChartPalette'
import { countOf, formatPercent } from '../../ui/format'
import '../understand/understand.css'

const metricRows: readonly { key: keyof RecMetrics; label: string; help: string }[] = [
  { key: 'ndcg', label: 'NDCG@10', help: 'Right items found, and near the top (0 to 1).' },
  { key: 'precision', label: 'Precision@10', help: 'Share of the 10 suggestions the customer went on to buy.' },
  { key: 'recall', label: 'Recall@10', help: 'Share of the held-back purchases found in the 10.' },
  { key: 'map', label: 'MAP@10', help: 'Precision averaged at each hit.' },
  { key: 'hitRate', label: 'Hit rate', help: 'Customers with at least one right suggestion.' },
  { key: 'coverage', label: 'Catalogue coverage', help: 'Share of items recommended to someone.' },
]

const asShare = new Set<keyof RecMetrics>(['hitRate', 'coverage'])

function value(key: keyof RecMetrics, v: number): string {
  return asShare.has(key) ? formatPercent(v) : v.toFixed(3)
}

function ratio(a: number, b: number): string {
  if (b === 0) return a > 0 ? 'better' : '—'
  return `${(a / b).toFixed(1)}×`
}

/** How good the recommendations are: each measure beside the best-sellers, the protocol beside the numbers, a verdict. */
export function EvaluationCard({ model }: { model: RecModel }) {
  const e = model.evaluation
  const better = e.ratio === null ? e.metrics.ndcg > 0 : e.ratio >= 1.1
  const worse = e.ratio !== null && e.ratio <= 0.9
  return (
    <section className="panel card personalise__evaluation" aria-labelledby="rec-evaluation">
      <div className="panel__head">
        <h2 id="rec-evaluation">How good are they?</h2>
        <span className="muted">
          {recMethodNames[model.method]}
          {model.settings.method === 'auto' ? ' — chosen by Automatic' : ' — chosen by hand'}
        </span>
      </div>
      <p
        className={`personalise__verdict personalise__verdict--${better ? 'good' : worse ? 'bad' : 'even'}`}
        role="status"
        aria-label="Verdict"
      >
        {e.verdict}
      </p>
      <div className="personalise__evaluation-grid">
        <table className="table personalise__metrics" aria-label="Evaluation beside the best-sellers">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">This method</th>
              <th scope="col">Best-sellers</th>
              <th scope="col">Ratio</th>
            </tr>
          </thead>
          <tbody>
            {metricRows.map((m) => (
              <tr key={m.key}>
                <th scope="row" title={m.help}>
                  {m.label}
                  <div className="muted personalise__metric-help">{m.help}</div>
                </th>
                <td>{value(m.key, e.metrics[m.key])}</td>
                <td>{value(m.key, e.baseline[m.key])}</td>
                <td>{ratio(e.metrics[m.key], e.baseline[m.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <aside className="personalise__protocol" aria-label="How this was measured">
          <h3>How this was measured</h3>
          <p>{e.protocol}</p>
          <p>
            {countOf(e.users, 'customer')} evaluated; {countOf(model.data.customers, 'customer')},{' '}
            {countOf(model.data.items, 'item')} and {countOf(model.data.interactions, 'purchase')} in all
            {model.data.skippedRows > 0 ? ` (${countOf(model.data.skippedRows, 'row')} left out)` : ''}.
          </p>
          {model.tried.length > 0 && (
            <p>
              Automatic tried: {model.tried.map((t) => `${recMethodNames[t.method]} ${t.ndcg.toFixed(3)}`).join(' · ')}{' '}
              (validation NDCG@10).
            </p>
          )}
          {model.notes.length > 0 && (
            <ul className="personalise__notes">
              {model.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <ChartBoundary what="recommendation quality chart">
        <QualityChart model={model} />
      </ChartBoundary>
    </section>
  )
}

/** The table's numbers as grouped bars (a picture of how far ahead of the best-sellers the method is), with export. */
function QualityChart({ model }: { model: RecModel }) {
  const palette = useChartPalette()
  const e = model.evaluation
  const method = recMethodNames[model.method]
  const spec = useMemo(
    () =>
      recommendationQuality(
        {
          method,
          k: e.k,
          measures: metricRows.map((m) => ({
            label: m.label,
            value: e.metrics[m.key],
            baseline: e.baseline[m.key],
            asShare: asShare.has(m.key),
          })),
        },
        palette,
      ),
    [method, e, palette],
  )
  const label =
    `${method} beside the best-sellers: ` +
    metricRows
      .map((m) => `${m.label} ${value(m.key, e.metrics[m.key])} vs ${value(m.key, e.baseline[m.key])}`)
      .join('; ')
  return <ChartCard spec={spec} label={label} className="personalise__quality" />
}
