import { useCallback, useEffect, useState } from 'react'
import type { JobInfo } from '../../../../shared/domain/jobs'
import type { RecModel, RecommendSettings } from '../../../../shared/domain/recommend'
import { messageOf, useApi } from '../../api/ApiContext'
import { useJob } from '../../ui/useJob'

export interface RecModelState {
  /** Undefined while loading; null before the first fit. */
  readonly model: RecModel | null | undefined
  /** The fit running now, for its progress and Cancel. */
  readonly job: JobInfo | null
  readonly error: string | null
  readonly notice: string | null
  readonly start: (settings: RecommendSettings) => void
  /** Bumped after each fit that stored something, so the parts that read it read again. */
  readonly version: number
}

/** The stored recommender and the job that replaces it. A cancelled or failed fit keeps the one stored. */
export function useRecModel(): RecModelState {
  const api = useApi()
  const [model, setModel] = useState<RecModel | null | undefined>(undefined)
  const [started, setStarted] = useState<JobInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  const load = useCallback(
    (live: () => boolean = () => true) =>
      api
        .invoke('recommend.model', {})
        .then((m) => {
          if (!live()) return
          setModel(m)
          setVersion((v) => v + 1)
        })
        .catch((e: unknown) => live() && setError(messageOf(e))),
    [api],
  )
  useEffect(() => {
    let live = true
    void load(() => live)
    return () => {
      live = false
    }
  }, [load])

  const onFinished = useCallback(
    (job: JobInfo) => {
      if (job.status === 'succeeded') {
        setNotice(null)
        void load()
      } else if (job.status === 'cancelled') setNotice('Cancelled: the recommendations shown are the ones made before.')
      else setError(job.error?.userMessage ?? 'Making the recommendations failed.')
    },
    [load],
  )
  const job = useJob(started, onFinished)

  const start = useCallback(
    (settings: RecommendSettings) => {
      setError(null)
      setNotice(null)
      api
        .invoke('jobs.recommend', settings)
        .then(setStarted)
        .catch((e: unknown) => setError(messageOf(e)))
    },
    [api],
  )
  return { model, job, error, notice, start, version }
}
