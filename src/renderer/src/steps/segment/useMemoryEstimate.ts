import { useEffect, useState } from 'react'
import type { ClusterMethod, MemoryEstimate } from '../../../../shared/domain/cluster'
import { useApi } from '../../api/ApiContext'
import { largestSample } from './settingsForm'

export interface EstimateState {
  readonly estimate: MemoryEstimate | null
  /** When the whole table does not fit: the most rows that do (the largest sample worth offering). */
  readonly sampleMax: number | null
}

/** `cluster.estimate` for a hierarchical method, and when the table does not fit, the largest sample that does. */
export function useMemoryEstimate(
  datasetId: number,
  method: ClusterMethod,
  rows: number,
  features: number,
  enabled: boolean,
): EstimateState {
  const api = useApi()
  const [state, setState] = useState<EstimateState>({ estimate: null, sampleMax: null })
  useEffect(() => {
    if (!enabled || features < 1 || rows < 1) {
      setState({ estimate: null, sampleMax: null })
      return
    }
    let live = true
    api
      .invoke('cluster.estimate', { datasetId, method, rows, features })
      .then((estimate) => live && setState({ estimate, sampleMax: largestSample(estimate, rows) }))
      .catch(() => live && setState({ estimate: null, sampleMax: null }))
    return () => {
      live = false
    }
  }, [api, datasetId, method, rows, features, enabled])
  return state
}
