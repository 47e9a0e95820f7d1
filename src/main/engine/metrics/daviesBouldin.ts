/**
 * Davies–Bouldin index (Davies & Bouldin 1979, "A cluster separation measure"): for each cluster, the worst ratio of
 * (its mean distance to its centroid + another's) to the distance between the two centroids, averaged over clusters.
 * Lower is better, 0 is the minimum. Edge cases as scikit-learn's `davies_bouldin_score`. O(n·d + k²·d) time.
 */
import type { Matrix } from '../matrix'
import { checkMatrix } from '../cluster/validate'
import { checkClusterCount, clusterMeans, encodeLabels } from './labels'

/** scikit-learn's `np.allclose(a, 0)`: every |value| ≤ 1e-8. */
const ALL_CLOSE_TO_ZERO = 1e-8

export function daviesBouldin(x: Matrix, labels: ArrayLike<number>): number {
  checkMatrix(x)
  const enc = encodeLabels(labels, x.rows)
  checkClusterCount(enc.m, x.rows, 'Davies–Bouldin index')
  const { data, rows, cols: d } = x
  const m = enc.m
  const centroids = clusterMeans(x, enc)

  const intra = new Float64Array(m)
  for (let i = 0; i < rows; i++) {
    const c = enc.codes[i]
    let s = 0
    for (let t = 0; t < d; t++) {
      const a = data[i * d + t] - centroids[c * d + t]
      s += a * a
    }
    intra[c] += Math.sqrt(s)
  }
  for (let c = 0; c < m; c++) intra[c] /= enc.sizes[c]

  const between = new Float64Array(m * m)
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      let s = 0
      for (let t = 0; t < d; t++) {
        const diff = centroids[a * d + t] - centroids[b * d + t]
        s += diff * diff
      }
      between[a * m + b] = between[b * m + a] = Math.sqrt(s)
    }
  }
  if (intra.every((v) => Math.abs(v) <= ALL_CLOSE_TO_ZERO)) return 0
  if (between.every((v) => Math.abs(v) <= ALL_CLOSE_TO_ZERO)) return 0

  let total = 0
  for (let a = 0; a < m; a++) {
    let worst = 0
    for (let b = 0; b < m; b++) {
      const dist = between[a * m + b]
      // Coinciding centroids (and the diagonal) count as infinitely far, as in scikit-learn.
      if (b === a || dist === 0) continue
      const r = (intra[a] + intra[b]) / dist
      if (r > worst) worst = r
    }
    total += worst
  }
  return total / m
}
