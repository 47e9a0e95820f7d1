import { useCallback, useEffect, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { messageOf, useApi, useEvent } from '../../api/ApiContext'
import { useAppeared } from '../../ui/useAppeared'

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
  const noticeNew = useAppeared(onAppeared)

  const refresh = useCallback(() => {
    api
      .invoke('datasets.list', {})
      .then((list) => {
        setDatasets(list)
        setError(null)
        noticeNew(
          null,
          list.map((d) => d.id),
        )
      })
      .catch((e: unknown) => setError(messageOf(e)))
  }, [api, noticeNew])
  useEffect(refresh, [refresh])
  useEvent('datasets.changed', refresh)

  const replace = useCallback((d: DatasetSummary) => {
    setDatasets((list) => list?.map((x) => (x.id === d.id ? d : x)))
  }, [])

  return { datasets, error, refresh, replace }
}
