/**
 * Within- and between-cluster sums of squares, and the Calinski–Harabasz index built on them.
 *
 * Calinski & Harabasz (1974), "A dendrite method for cluster analysis": the ratio of between- to within-cluster
 * dispersion, each divided by its degrees of freedom. Higher is better; formulas and edge cases as scikit-learn's
 * `calinski_harabasz_score`. O(n·d) time, O(k·d) memory.
 */
import type { Matrix } from '../matrix'
import { checkMatrix } from '../cluster/validate'
import { checkClusterCount, clusterMeans, columnMeans, encodeLabels } from './labels'

export interface SumsOfSquares {
  /** Σ over rows of the squared distance to the own cluster mean (k-means inertia). */
  readonly within: number
  /** Σ over clusters of size × squared distance from the cluster mean to the overall mean. */
  readonly between: number
  /** Σ over rows of the squared distance to the overall mean (= within + between up to rounding). */
  readonly total: number
}

export function sumsOfSquares(x: Matrix, labels: ArrayLike<number>): SumsOfSquares {
  checkMatrix(x)
  const enc = encodeLabels(labels, x.rows)
  const { data, rows, cols: d } = x
  const means = clusterMeans(x, enc)
  const mean = columnMeans(x)
  let within = 0
  let total = 0
  for (let i = 0; i < rows; i++) {
    const cb = enc.codes[i] * d
    const xb = i * d
    for (let t = 0; t < d; t++) {
      const a = data[xb + t] - means[cb + t]
      const b = data[xb + t] - mean[t]
      within += a * a
      total += b * b
    }
  }
  let between = 0
  for (let c = 0; c < enc.m; c++) {
    let s = 0
    for (let t = 0; t < d; t++) {
      const a = means[c * d + t] - mean[t]
      s += a * a
    }
    between += enc.sizes[c] * s
  }
  return { within, between, total }
}

export function calinskiHarabasz(x: Matrix, labels: ArrayLike<number>): number {
  checkMatrix(x)
  const enc = encodeLabels(labels, x.rows)
  checkClusterCount(enc.m, x.rows, 'Calinski–Harabasz index')
  const { within, between } = sumsOfSquares(x, labels)
  // scikit-learn returns 1 when every row sits on its cluster mean (the ratio would be infinite).
  if (within === 0) return 1
  return (between * (x.rows - enc.m)) / (within * (enc.m - 1))
}
