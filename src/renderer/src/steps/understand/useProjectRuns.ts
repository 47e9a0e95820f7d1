import { useCallback, useEffect, useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { messageOf, useApi, useEvent } from '../../api/ApiContext'

export interface ProjectRunsState {
  /** Every run of the project, newest first; undefined until the first list arrives. */
  readonly runs: readonly ClusterRun[] | undefined
  readonly error: string | null
  /** Puts a run a request returned (a renamed segment, say) in place, without waiting for the next list. */
  readonly replace: (run: ClusterRun) => void
}

/** The project's runs over all its tables, kept current by `runs.changed` (a run finishing, chosen or renamed). */
export function useProjectRuns(): ProjectRunsState {
  const api = useApi()
  const [runs, setRuns] = useState<readonly ClusterRun[] | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(() => {
    api
      .invoke('runs.list', {})
      .then((list) => {
        setRuns([...list].sort((a, b) => b.id - a.id))
        setError(null)
      })
      .catch((e: unknown) => setError(messageOf(e)))
  }, [api])
  useEffect(refresh, [refresh])
  useEvent('runs.changed', refresh)

  const replace = useCallback((run: ClusterRun) => {
    setRuns((list) => list?.map((r) => (r.id === run.id ? run : r)))
  }, [])
  return { runs, error, replace }
}
