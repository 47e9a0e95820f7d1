import type { Matrix } from '../matrix'
import { calinskiHarabasz, daviesBouldin, silhouetteScore, sumsOfSquares } from '../metrics'
import type { RunMetrics } from '../../../shared/domain/cluster'

/**
 * The internal quality scores shown beside every segmentation, in the space it was fitted in. The silhouette is exact
 * up to 20,000 rows and computed on a seeded sample of 20,000 above that (the sample size is reported).
 */
export function scorePartition(x: Matrix, labels: Int32Array, seed: number): RunMetrics {
  const k = new Set(labels).size
  const ss = sumsOfSquares(x, labels)
  if (k < 2) {
    return {
      silhouette: NaN,
      silhouetteSampleSize: 0,
      calinskiHarabasz: NaN,
      daviesBouldin: NaN,
      withinSS: ss.within,
      betweenSS: ss.between,
    }
  }
  const silhouette = silhouetteScore(x, labels, { seed })
  return {
    silhouette: silhouette.score,
    silhouetteSampleSize: silhouette.sampleSize,
    calinskiHarabasz: calinskiHarabasz(x, labels),
    daviesBouldin: daviesBouldin(x, labels),
    withinSS: ss.within,
    betweenSS: ss.between,
  }
}

export function segmentSizes(labels: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0)
  for (const l of labels) sizes[l]++
  return sizes
}
