import { useEffect, useState } from 'react'
import type { JobInfo } from '../../../shared/domain/jobs'
import { useApi, useEvent } from '../api/ApiContext'

export function isFinished(job: JobInfo | null): boolean {
  return job !== null && (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled')
}

/**
 * Follows one job from the JobInfo its request returned, through `job.updated` events, and calls `onFinished` once
 * when it ends (whatever the outcome) — the place to fetch the job's result. Pass null to follow nothing.
 */
export function useJob(start: JobInfo | null, onFinished?: (job: JobInfo) => void): JobInfo | null {
  const api = useApi()
  const [job, setJob] = useState<JobInfo | null>(start)
  const [reported, setReported] = useState<string | null>(null)

  // A new job replaces the one followed so far (render-time reset, as React recommends over an effect).
  const [startId, setStartId] = useState(start?.id ?? null)
  if ((start?.id ?? null) !== startId) {
    setStartId(start?.id ?? null)
    setJob(start)
  }

  useEvent('job.updated', (update) => {
    if (start && update.id === start.id) setJob(update)
  })

  // A quick job can finish before its request's reply arrives, so its last event may have gone by: ask once.
  useEffect(() => {
    if (!start) return
    let live = true
    void api
      .invoke('jobs.list', {})
      .then((list) => {
        const latest = list.find((j) => j.id === start.id)
        if (live && latest && isFinished(latest)) setJob(latest)
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [api, start])

  useEffect(() => {
    if (job && isFinished(job) && reported !== job.id) {
      setReported(job.id)
      onFinished?.(job)
    }
  }, [job, reported, onFinished])

  return job
}
