import { useEffect, useState } from 'react'
import type { JobInfo } from '../../../shared/domain/jobs'
import { useApi } from '../api/ApiContext'
import { ProgressBar } from '../ui/ProgressBar'

/** Finished jobs linger briefly so the user sees "Done"; failures stay until dismissed, since they need reading. */
const FINISHED_VISIBLE_MS = 8000
const MAX_FINISHED_SHOWN = 2
/**
 * Jobs a screen waits for and reports itself (file inspection, previews, feature lists): shown here only while they
 * run, for their progress and Cancel; their outcome belongs to the screen that asked.
 */
const ANSWERED_IN_PLACE: ReadonlySet<JobInfo['kind']> = new Set(['inspectFile', 'prepPreview', 'clusterFeatures'])

/** Running and recently finished jobs, each with its progress and a Cancel button: nothing slow happens out of sight. */
export function JobsPanel({ jobs }: { jobs: JobInfo[] }) {
  const api = useApi()
  const [now, setNow] = useState(() => Date.now())
  const [finishedAt] = useState(() => new Map<string, number>())
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const active = jobs.filter((job) => job.status === 'queued' || job.status === 'running')
  const finished = jobs.filter((job) => {
    if (job.status === 'queued' || job.status === 'running' || dismissed.has(job.id)) return false
    if (ANSWERED_IN_PLACE.has(job.kind)) return false
    if (!finishedAt.has(job.id)) finishedAt.set(job.id, Date.now())
    return job.status === 'failed' || now - finishedAt.get(job.id)! < FINISHED_VISIBLE_MS
  })
  const visible = [...active, ...finished.slice(-MAX_FINISHED_SHOWN)]
  if (visible.length === 0) return null
  return (
    <section className="jobs" aria-label="Background tasks">
      {visible.map((job) => (
        <div className={`job job--${job.status}`} key={job.id} data-testid="job">
          <div className="job__head">
            <strong>{job.progress?.title ?? job.title}</strong>
            <span className="job__status">{statusText(job)}</span>
            {(job.status === 'running' || job.status === 'queued') && (
              <button
                type="button"
                className="button button--small"
                onClick={() => void api.invoke('jobs.cancel', { jobId: job.id })}
              >
                Cancel
              </button>
            )}
          </div>
          {job.status === 'running' && <ProgressBar fraction={job.progress?.fraction ?? null} label={job.title} />}
          {job.progress?.detail && job.status === 'running' && <div className="job__detail">{job.progress.detail}</div>}
          {job.error && <div className="job__error">{job.error.userMessage}</div>}
          {job.status === 'failed' && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setDismissed((d) => new Set(d).add(job.id))}
            >
              Dismiss
            </button>
          )}
        </div>
      ))}
    </section>
  )
}

function statusText(job: JobInfo): string {
  switch (job.status) {
    case 'queued':
      return 'Waiting…'
    case 'running':
      return job.progress?.fraction != null ? `${Math.round(job.progress.fraction * 100)}%` : 'Working…'
    case 'succeeded':
      return 'Done'
    case 'cancelled':
      return 'Cancelled'
    case 'failed':
      return 'Failed'
  }
}
