import { useEffect, useState } from 'react'
import type { JobInfo } from '../../../shared/domain/jobs'
import { useApi } from '../api/ApiContext'
import { ProgressBar } from '../ui/ProgressBar'
import { isActive, taskList, toastsToShow, TOAST_MS } from './jobToasts'
import './jobs.css'

/**
 * The open project's background jobs, docked under the step list so that they never cover the screen's content:
 * running jobs with progress and Cancel, finished ones for a few seconds (they fade), two at most, and a "Tasks"
 * button that opens the list of every job of this project, with Cancel on those still running — failures stay there
 * with their message, marked on the button until read.
 */
export function JobsPanel({ jobs }: { jobs: JobInfo[] }) {
  const [now, setNow] = useState(() => Date.now())
  // Jobs this window saw running, and when it saw each finish: only those get a "Done"/"Failed" toast.
  const [watched] = useState(() => new Set<string>())
  const [finishedAt] = useState(() => new Map<string, number>())
  const [open, setOpen] = useState(false)
  const [readFailures, setReadFailures] = useState<ReadonlySet<string>>(new Set())
  for (const job of jobs) {
    if (isActive(job)) watched.add(job.id)
    else if (watched.has(job.id) && !finishedAt.has(job.id)) finishedAt.set(job.id, Date.now())
  }
  const ticking = jobs.some(isActive) || [...finishedAt.values()].some((at) => now - at < TOAST_MS)
  useEffect(() => {
    if (!ticking) return
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [ticking])

  const toasts = toastsToShow(jobs, watched, finishedAt, now)
  const tasks = taskList(jobs)
  const running = tasks.filter(isActive).length
  const unread = tasks.filter((j) => j.status === 'failed' && !readFailures.has(j.id)).length
  const toggle = () => {
    if (!open) setReadFailures(new Set(tasks.filter((j) => j.status === 'failed').map((j) => j.id)))
    setOpen(!open)
  }
  return (
    <div className="jobs-dock">
      {open && (
        <section className="tasks" id="tasks-list" aria-label="Tasks of this project">
          <div className="tasks__head">
            <strong>Tasks of this project</strong>
            <button type="button" className="button button--small button--quiet" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          {tasks.length === 0 ? (
            <p className="muted small">Nothing has run in this project yet.</p>
          ) : (
            <ul className="tasks__list">
              {tasks.map((job) => (
                <li key={job.id} className={`task job--${job.status}`}>
                  <span className="task__title">{job.progress?.title ?? job.title}</span>
                  <span className="job__status">
                    {statusText(job)} · {new Date(job.startedAt).toLocaleTimeString()}
                  </span>
                  {job.error && <span className="job__error">{job.error.userMessage}</span>}
                  {isActive(job) && <CancelJob job={job} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {toasts.length > 0 && (
        <section className="jobs" aria-label="Background tasks">
          {toasts.map((job) => (
            <JobToast key={job.id} job={job} />
          ))}
        </section>
      )}
      <button
        type="button"
        className="button button--small tasks-button"
        aria-expanded={open}
        aria-controls="tasks-list"
        onClick={toggle}
      >
        Tasks
        {running > 0 && <span className="tasks-button__count">{running} running</span>}
        {unread > 0 && <span className="tasks-button__failed">{unread} failed</span>}
      </button>
    </div>
  )
}

function JobToast({ job }: { job: JobInfo }) {
  const active = isActive(job)
  return (
    <div className={`job job--${job.status}${active ? '' : ' job--finished'}`} data-testid="job">
      <div className="job__head">
        <strong>{job.progress?.title ?? job.title}</strong>
        <span className="job__status">{statusText(job)}</span>
        {active && <CancelJob job={job} />}
      </div>
      {job.status === 'running' && <ProgressBar fraction={job.progress?.fraction ?? null} label={job.title} />}
      {job.progress?.detail && (job.status === 'running' || job.status === 'queued') && (
        <div className="job__detail">{job.progress.detail}</div>
      )}
      {job.error && <div className="job__error">{job.error.userMessage}</div>}
    </div>
  )
}

function CancelJob({ job }: { job: JobInfo }) {
  const api = useApi()
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => void api.invoke('jobs.cancel', { jobId: job.id })}
    >
      Cancel
    </button>
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
