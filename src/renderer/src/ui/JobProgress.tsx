import type { JobInfo } from '../../../shared/domain/jobs'
import { useApi } from '../api/ApiContext'
import { formatPercent } from './format'
import { ProgressBar } from './ProgressBar'

/**
 * A job's progress where the user started it, with its own Cancel: the jobs panel shows it too, but the eye is here.
 * Renders nothing once the job has finished; the caller shows the outcome.
 */
export function JobProgress({ job, label }: { job: JobInfo | null; label: string }) {
  const api = useApi()
  if (!job || (job.status !== 'queued' && job.status !== 'running')) return null
  const fraction = job.progress?.fraction ?? null
  return (
    <div className="job-inline" role="status" aria-label={label}>
      <div className="job-inline__head">
        <span>
          {job.status === 'queued' ? 'Waiting for another task to finish…' : (job.progress?.title ?? job.title)}
          {fraction !== null && <span className="muted"> — {formatPercent(fraction)}</span>}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={() => void api.invoke('jobs.cancel', { jobId: job.id })}
          aria-label={`Cancel: ${label}`}
        >
          Cancel
        </button>
      </div>
      <ProgressBar fraction={job.status === 'queued' ? null : fraction} label={label} />
      {job.progress?.detail && <div className="muted job-inline__detail">{job.progress.detail}</div>}
    </div>
  )
}
