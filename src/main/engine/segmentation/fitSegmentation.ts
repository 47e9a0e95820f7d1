import { matrix, type Matrix } from '../matrix'
import { fitKMeans, fitKMeansWith } from '../cluster/kmeans'
import type { KMeansExecutor } from '../cluster/kmeansExecutor'
import type { LinkageMethod } from '../cluster/types'
import { linkage } from '../cluster/linkage'
import { cutByK } from '../cluster/cut'
import { sqDist } from '../cluster/kmeansKernels'
import { createRng, sampleWithoutReplacement } from '../random'
import { sumsOfSquares } from '../metrics'
import { clusterMeans, encodeLabels } from '../metrics/labels'
import type { ClusterMethod } from '../../../shared/domain/cluster'
import { formatCount } from '../profile/wording'

export interface FitSettings {
  readonly method: ClusterMethod
  readonly k: number
  readonly nInit: number
  readonly maxIter: number
  readonly seed: number
  /** Hierarchical only: cluster this many sampled rows, then assign every row to the nearest segment centre. */
  readonly sampleSize: number | null
}

export interface FitOutcome {
  /** Segment of every row, 0..k-1, in row order. */
  readonly labels: Int32Array
  /** k × d centres in the fitted space: the k-means centres, or the segment means for hierarchical methods. */
  readonly centers: Matrix
  /** Within-segment sum of squares. */
  readonly inertia: number
  readonly iterations: number
  /** The linkage matrix of the rows that were clustered hierarchically (the sample, when sampling). */
  readonly linkage: Matrix | null
  readonly notes: readonly string[]
}

/**
 * One segmentation of the fitted matrix with the chosen method: k-means (k-means++ with restarts, Hamerly) or
 * agglomerative clustering cut into k segments. `onProgress` receives 0..1. With an `executor` (the jobs layer's
 * worker-thread pool) k-means steps run across threads, with exactly the same result.
 */
export async function fitSegmentation(
  x: Matrix,
  s: FitSettings,
  onProgress: (fraction: number) => void = () => {},
  executor?: KMeansExecutor,
): Promise<FitOutcome> {
  if (s.method === 'kmeans') {
    const options = {
      k: s.k,
      nInit: s.nInit,
      maxIter: s.maxIter,
      seed: s.seed,
      onProgress: (p: { run: number; runs: number; iteration: number; maxIter: number }) =>
        onProgress((p.run + Math.min(1, (p.iteration + 1) / Math.min(p.maxIter, 50))) / p.runs),
    }
    const result = executor ? await fitKMeansWith(x, options, executor) : fitKMeans(x, options)
    const notes = result.converged
      ? []
      : [`The best restart stopped at the limit of ${s.maxIter} iterations before settling; results are still usable.`]
    return {
      labels: result.labels,
      centers: result.centers,
      inertia: result.inertia,
      iterations: result.iterations,
      linkage: null,
      notes,
    }
  }

  return fitHierarchical(x, s, s.method, onProgress)
}

/** Synchronous k-means fit for callers that cannot wait (bootstrap refits inside the stability check). */
export function fitKMeansLabels(x: Matrix, s: FitSettings): Int32Array {
  return fitKMeans(x, { k: s.k, nInit: s.nInit, maxIter: s.maxIter, seed: s.seed }).labels
}

function fitHierarchical(
  x: Matrix,
  s: FitSettings,
  method: LinkageMethod,
  onProgress: (fraction: number) => void,
): FitOutcome {
  const sampled = s.sampleSize !== null && s.sampleSize < x.rows
  const rows = sampled ? sampleWithoutReplacement(createRng(s.seed), x.rows, s.sampleSize!) : null
  const fitted = rows ? takeRows(x, rows) : x
  const tree = linkage(fitted, method, { onProgress })
  const sampleLabels = cutByK(tree.linkage, s.k)
  // cutByK yields exactly k segments numbered 0..k-1, so the encoded codes are the labels themselves.
  const centers = matrix(s.k, fitted.cols, clusterMeans(fitted, encodeLabels(sampleLabels, fitted.rows)))
  const labels = rows ? nearestCentre(x, centers) : sampleLabels
  const notes = rows
    ? [
        `Clustered a random sample of ${formatCount(rows.length)} of the ${formatCount(x.rows)} rows (the full table needs more memory than is safe), then gave every row the segment with the nearest centre.`,
      ]
    : []
  return { labels, centers, inertia: sumsOfSquares(x, labels).within, iterations: 0, linkage: tree.linkage, notes }
}

export function takeRows(x: Matrix, rows: ArrayLike<number>): Matrix {
  const d = x.cols
  const data = new Float64Array(rows.length * d)
  for (let i = 0; i < rows.length; i++) data.set(x.data.subarray(rows[i] * d, rows[i] * d + d), i * d)
  return { data, rows: rows.length, cols: d }
}

/** Index of the nearest centre for every row (squared Euclidean distance; first centre on ties). */
export function nearestCentre(x: Matrix, centers: Matrix): Int32Array {
  const labels = new Int32Array(x.rows)
  const d = x.cols
  for (let i = 0; i < x.rows; i++) {
    let best = 0
    let bestDist = Infinity
    for (let c = 0; c < centers.rows; c++) {
      const dist = sqDist(x.data, i * d, centers.data, c * d, d)
      if (dist < bestDist) {
        bestDist = dist
        best = c
      }
    }
    labels[i] = best
  }
  return labels
}
