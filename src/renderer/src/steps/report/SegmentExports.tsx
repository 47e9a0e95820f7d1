import type { ExportFormat, ExportTable } from '../../../../shared/domain/report'
import './report.css'
import { useApi } from '../../api/ApiContext'
import { MadeFileProgress } from './MadeFileProgress'
import { useMadeFile } from './useMadeFile'

const buttons: readonly { table: ExportTable; format: ExportFormat; label: string }[] = [
  { table: 'membership', format: 'csv', label: 'Membership (CSV)' },
  { table: 'membership', format: 'xlsx', label: 'Membership (Excel)' },
  { table: 'profiles', format: 'csv', label: 'Profiles (CSV)' },
  { table: 'profiles', format: 'xlsx', label: 'Profiles (Excel)' },
]

/** The segment tables of one run, one click each, for screens that show segments (Understand); Report has more. */
export function SegmentExports({ runId }: { runId: number }) {
  const api = useApi()
  const made = useMadeFile()
  return (
    <div className="segment-exports" role="group" aria-label="Export the segments">
      <div className="toolbar">
        <span className="muted">Export:</span>
        {buttons.map((b) => (
          <button
            key={`${b.table}-${b.format}`}
            type="button"
            className="button button--small"
            disabled={made.state.status === 'running'}
            onClick={() =>
              void made.run(
                `Exporting segment ${b.table}`,
                () => api.invoke('exports.table', { runId, table: b.table, format: b.format }),
                false,
              )
            }
          >
            {b.label}
          </button>
        ))}
      </div>
      <MadeFileProgress state={made.state} onCancel={made.cancel} onDismiss={made.dismiss} />
    </div>
  )
}
