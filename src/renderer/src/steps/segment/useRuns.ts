import { useCallback, useEffect, useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { messageOf, useApi, useEvent } from '../../api/ApiContext'
import { useAppeared } from '../../ui/useAppeared'

export interface RunsState {
  /** Newest first; undefined until the first list arrives. */
  readonly runs: readonly ClusterRun[] | undefined
  readonly error: string | null
  readonly refresh: () => void
}

/**
 * The runs of one dataset, kept current by `runs.changed`. `onAppeared` hears of runs that were not in the previous
 * list (a run finishing), so the screen can show what the user just made.
 */
export function useRuns(datasetId: number | null, onAppeared?: (ids: number[]) => void): RunsState {
  const api = useApi()
  const [runs, setRuns] = useState<readonly ClusterRun[] | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const noticeNew = useAppeared(onAppeared)

  const refresh = useCallback(() => {
    if (datasetId === null) return
    api
      .invoke('runs.list', { datasetId })
      .then((list) => {
        const sorted = [...list].sort((a, b) => b.id - a.id)
        setRuns(sorted)
        setError(null)
        noticeNew(
          datasetId,
          sorted.map((r) => r.id),
        )
      })
      .catch((e: unknown) => setError(messageOf(e)))
  }, [api, datasetId, noticeNew])

  // A different dataset starts from "loading", not from the previous dataset's runs.
  const [shownFor, setShownFor] = useState(datasetId)
  if (shownFor !== datasetId) {
    setShownFor(datasetId)
    setRuns(undefined)
    setError(null)
  }
  useEffect(refresh, [refresh])
  useEvent('runs.changed', (event) => {
    if (event.datasetId === datasetId) refresh()
  })
  return { runs, error, refresh }
}
