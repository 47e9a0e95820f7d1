import { useCallback, useEffect, useRef, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { messageOf, useApi, useEvent } from '../../api/ApiContext'

export interface DatasetsState {
  /** Undefined until the first list arrives. */
  readonly datasets: readonly DatasetSummary[] | undefined
  readonly error: string | null
  readonly refresh: () => void
  /** Puts a summary a request returned in place, without waiting for the next list. */
  readonly replace: (d: DatasetSummary) => void
}

/**
 * The project's datasets, kept current by `datasets.changed`. `onAppeared` hears of datasets that were not in the
 * previous list — an import or an RFM table finishing — so a screen can select what the user just made.
 */
export function useDatasets(onAppeared?: (ids: number[]) => void): DatasetsState {
  const api = useApi()
  const [datasets, setDatasets] = useState<readonly DatasetSummary[] | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const known = useRef<Set<number> | null>(null)
  const appeared = useRef(onAppeared)
  useEffect(() => {
    appeared.current = onAppeared
  })

  const refresh = useCallback(() => {
    api
      .invoke('datasets.list', {})
      .then((list) => {
        const before = known.current
        known.current = new Set(list.map((d) => d.id))
        setDatasets(list)
        setError(null)
        if (before) {
          const fresh = list.filter((d) => !before.has(d.id)).map((d) => d.id)
          if (fresh.length > 0) appeared.current?.(fresh)
        }
      })
      .catch((e: unknown) => setError(messageOf(e)))
  }, [api])
  useEffect(refresh, [refresh])
  useEvent('datasets.changed', refresh)

  const replace = useCallback((d: DatasetSummary) => {
    setDatasets((list) => list?.map((x) => (x.id === d.id ? d : x)))
  }, [])

  return { datasets, error, refresh, replace }
}
