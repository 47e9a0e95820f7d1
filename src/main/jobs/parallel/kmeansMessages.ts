/** What the k-means pool and its workers say to each other. Plain data: typed arrays on shared memory, step specs. */
import type { KMeansStep, KMeansWorkspace } from '../../engine/cluster/kmeansWorkspace'
import type { RowRange } from '../../engine/matrix'

export type KMeansWorkerRequest =
  /** Keep this workspace (its arrays are SharedArrayBuffer views) for the following steps. */
  | { readonly type: 'attach'; readonly seq: number; readonly id: number; readonly ws: KMeansWorkspace }
  /** Run one step over `rows` of the attached workspace `id`. */
  | {
      readonly type: 'step'
      readonly seq: number
      readonly id: number
      readonly step: KMeansStep
      readonly rows: RowRange
    }
