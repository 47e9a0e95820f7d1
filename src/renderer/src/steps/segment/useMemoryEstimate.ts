import { useEffect, useState } from 'react'
import type { ClusterMethod, MemoryEstimate } from '../../../../shared/domain/cluster'
import { useApi } from '../../api/ApiContext'

export interface EstimateState {
  readonly estimate: MemoryEstimate | null
  /** When the whole table does not fit: the most rows that do (the largest sample worth offering). */
  readonly sampleMax: number | null
}

/**
 * `cluster.estimate` for a hierarchical method, and when the table does not fit, the largest row count that does,
 * found by bisection over the same request (the estimate is arithmetic in main, so a dozen calls cost nothing).
 */
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
    const ask = (n: number) => api.invoke('cluster.estimate', { datasetId, method, rows: n, features })
    void (async () => {
      try {
        const estimate = await ask(rows)
        let sampleMax: number | null = null
        if (!estimate.fits) {
          let lo = 0
          let hi = rows
          while (hi - lo > Math.max(1, rows / 1000)) {
            const mid = Math.floor((lo + hi) / 2)
            if ((await ask(Math.max(1, mid))).fits) lo = mid
            else hi = mid
          }
          sampleMax = lo >= 100 ? lo : null
        }
        if (live) setState({ estimate, sampleMax })
      } catch {
        if (live) setState({ estimate: null, sampleMax: null })
      }
    })()
    return () => {
      live = false
    }
  }, [api, datasetId, method, rows, features, enabled])
  return state
}
