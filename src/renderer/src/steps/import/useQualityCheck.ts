import { useCallback, useEffect, useState } from 'react'
import type { JobInfo } from '../../../../shared/domain/jobs'
import type { DatasetProfile } from '../../../../shared/domain/prepared'
import { messageOf, useApi } from '../../api/ApiContext'
import { useJob } from '../../ui/useJob'

export interface QualityCheck {
  /** The last quality check kept with the dataset: undefined while it loads, null when there is none. */
  readonly profile: DatasetProfile | null | undefined
  readonly error: string | null
  readonly dismissError: () => void
  /** The check's job as it runs, for JobProgress; null when none was started here. */
  readonly job: JobInfo | null
  readonly running: boolean
  /** Profiles the dataset in a background job; the new result loads when it succeeds. */
  readonly check: () => void
}

/**
 * The data-quality check of one dataset, as the Import screen (findings, column summary) and the Prepare screen
 * (suggested fixes) both show it: the stored result, and a way to run the check again.
 */
export function useQualityCheck(datasetId: number): QualityCheck {
  const api = useApi()
  const [profile, setProfile] = useState<DatasetProfile | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState<JobInfo | null>(null)

  const load = useCallback(() => {
    api
      .invoke('datasets.profile', { datasetId })
      .then(setProfile)
      .catch((e: unknown) => {
        // Without a stored result to show, offer the check itself rather than "Loading…" for ever.
        setProfile(null)
        setError(messageOf(e))
      })
  }, [api, datasetId])
  useEffect(load, [load])

  const job = useJob(
    started,
    useCallback(
      (finished: JobInfo) => {
        setStarted(null)
        if (finished.status === 'succeeded') load()
        else if (finished.status === 'failed') setError(finished.error?.userMessage ?? 'The quality check failed.')
      },
      [load],
    ),
  )

  const check = useCallback(() => {
    setError(null)
    api
      .invoke('jobs.profile', { datasetId })
      .then(setStarted)
      .catch((e: unknown) => setError(messageOf(e)))
  }, [api, datasetId])

  const dismissError = useCallback(() => setError(null), [])
  return { profile, error, dismissError, job, running: started !== null, check }
}
