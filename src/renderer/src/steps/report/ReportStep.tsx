import { useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { useDatasets } from '../import/useDatasets'
import { RunPicker } from '../understand/RunPicker'
import { useProjectRuns } from '../understand/useProjectRuns'
import { ErrorNote } from '../../ui/ErrorNote'
import { ReportBuilder } from './ReportBuilder'
import '../steps.css'
import './report.css'

/**
 * Step 6, Report: the chosen segmentation as a PDF or HTML report with a live preview, and its segment tables as CSV or
 * XLSX. Without a segmentation it says where to go; a run that is not the chosen one can be reported on too.
 */
export function ReportStep({ onGoTo }: { onGoTo: (step: 'segment' | 'understand') => void }) {
  const { runs, error } = useProjectRuns()
  const { datasets } = useDatasets()
  const [picked, setPicked] = useState<number | null>(null)

  if (runs === undefined) return error ? <ErrorNote message={error} /> : <p className="muted">Loading segmentations…</p>
  if (runs.length === 0) {
    return (
      <div className="empty" role="status">
        <h2>Nothing to report yet</h2>
        <p>
          A report describes a segmentation. Find segments in the Segment step, name them in Understand, then come back
          here for the PDF and the exports.
        </p>
        <button type="button" className="button button--primary" onClick={() => onGoTo('segment')}>
          Go to Segment
        </button>
      </div>
    )
  }
  const chosen = runs.find((r) => r.chosen) ?? null
  const run: ClusterRun = runs.find((r) => r.id === picked) ?? chosen ?? runs[0]
  return (
    <div className="report-step">
      <RunPicker runs={runs} datasets={datasets ?? []} value={run.id} onChange={setPicked} />
      {!chosen && (
        <div className="note note--warn" role="note">
          No segmentation is chosen yet; this report describes the newest run, “{run.name}”. Choose one in the Segment
          step to make it the project’s.
        </div>
      )}
      <ReportBuilder key={run.id} run={run} datasets={datasets ?? []} onGoTo={onGoTo} />
    </div>
  )
}
