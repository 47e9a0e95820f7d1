import { useCallback, useEffect, useState } from 'react'
import type { JobInfo } from '../../../../shared/domain/jobs'
import type { RunProfile } from '../../../../shared/domain/understand'
import { messageOf, useApi } from '../../api/ApiContext'
import { useJob } from '../../ui/useJob'

export interface RunProfileState {
  /** Undefined while loading or computing; null when there is none and none is being computed (cancelled, failed). */
  readonly profile: RunProfile | null | undefined
  /** The job computing the profile, while it runs. */
  readonly job: JobInfo | null
  readonly error: string | null
  /** The user cancelled the computation: nothing was stored. */
  readonly cancelled: boolean
  /** Computes the profile again (after an error or a cancel). */
  readonly compute: () => void
}

/**
 * The stored profile of a run's segments; when there is none yet, its computation starts at once (a job with progress
 * and Cancel), since there is nothing to show on the screen without it. A failed or cancelled job is not restarted
 * behind the user's back: `compute` is theirs to press.
 */
export function useRunProfile(runId: number): RunProfileState {
  const api = useApi()
  const [profile, setProfile] = useState<RunProfile | null | undefined>(undefined)
  const [started, setStarted] = useState<JobInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [cancelled, setCancelled] = useState(false)

  const compute = useCallback(() => {
    setError(null)
    setCancelled(false)
    setProfile(undefined)
    api
      .invoke('jobs.understand', { runId })
      .then(setStarted)
      .catch((e: unknown) => {
        setError(messageOf(e))
        setProfile(null)
      })
  }, [api, runId])

  /** Reads the stored profile; `live` says whether the screen still wants it (a run switched, StrictMode's rerun). */
  const load = useCallback(
    (computeIfMissing: boolean, live: () => boolean = () => true) =>
      api
        .invoke('understand.profile', { runId })
        .then((stored) => {
          if (!live()) return
          if (stored) setProfile(stored)
          else if (computeIfMissing) compute()
          else {
            setProfile(null)
            setError('The segments were described, but the description could not be read back. Try again.')
          }
        })
        .catch((e: unknown) => {
          if (!live()) return
          setError(messageOf(e))
          setProfile(null)
        }),
    [api, runId, compute],
  )

  useEffect(() => {
    let live = true
    void load(true, () => live)
    return () => {
      live = false
    }
  }, [load])

  const onFinished = useCallback(
    (job: JobInfo) => {
      if (job.status === 'succeeded') void load(false)
      else {
        setProfile(null)
        if (job.status === 'cancelled') setCancelled(true)
        else setError(job.error?.userMessage ?? 'Describing the segments failed.')
      }
    },
    [load],
  )
  const job = useJob(started, onFinished)
  return { profile, job, error, cancelled, compute }
}
