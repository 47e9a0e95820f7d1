import { useApi } from '../../api/ApiContext'
import { MadeFileProgress } from '../report/MadeFileProgress'
import { useMadeFile } from '../report/useMadeFile'

/** Every customer's list as a table (customer, rank, item, score, reason) for a CRM or a mailing. */
export function RecommendationExports() {
  const api = useApi()
  const made = useMadeFile()
  const exportAs = (format: 'csv' | 'xlsx') =>
    void made.run('Exporting the recommendations', () => api.invoke('exports.recommendations', { format }), false)
  return (
    <section className="panel card" aria-labelledby="rec-export">
      <h2 id="rec-export">Export</h2>
      <p className="muted personalise__intro">
        One row per customer and rank: customer, rank, item, its name, score and the reason. Cells that a spreadsheet
        would run as formulas are written as text.
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={made.state.status === 'running'}
          onClick={() => exportAs('csv')}
        >
          Recommendations (CSV)
        </button>
        <button
          type="button"
          className="button"
          disabled={made.state.status === 'running'}
          onClick={() => exportAs('xlsx')}
        >
          Recommendations (Excel)
        </button>
      </div>
      <MadeFileProgress state={made.state} onCancel={made.cancel} onDismiss={made.dismiss} />
    </section>
  )
}
