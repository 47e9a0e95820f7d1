/**
 * How many segments? Fit k-means for each k in a range and measure what each choice looks like: inertia (for the
 * elbow), silhouette, Calinski–Harabasz, Davies–Bouldin, segment sizes and, optionally, bootstrap stability.
 *
 * `evaluateK` is one k on its own, so the job layer can run the ks of a sweep in parallel processes and assemble
 * them with `assembleSweep`; `sweepK` does the whole range in this thread.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'
import { calinskiHarabasz, daviesBouldin, silhouetteScore, sumsOfSquares } from '../metrics'
import { bootstrapStability } from '../metrics/stability'
import type { StabilityOptions } from '../metrics/stability'
import type { SilhouetteOptions } from '../metrics/silhouette'
import { encodeLabels } from '../metrics/labels'
import { fitKMeans } from './kmeans'
import type { KMeansOptions } from './kmeans'
import { findKnee } from './kneedle'
import type { KEvaluation, KMeansResult, KSweep } from './types'
import { checkMatrix } from './validate'

export interface EvaluateKOptions {
  /** k-means settings other than k. Default: 10 restarts, seed 0. */
  readonly kmeans?: Omit<KMeansOptions, 'k' | 'init' | 'onProgress'>
  /** Silhouette sampling (exact up to 20,000 rows by default). */
  readonly silhouette?: SilhouetteOptions
  /** Bootstrap stability; off unless given (it costs 2 × replicates extra fits). */
  readonly stability?: StabilityOptions | false
}

export interface SweepOptions extends EvaluateKOptions {
  /** Smallest k tried. Default 2. */
  readonly kMin?: number
  /** Largest k tried (capped at rows - 1). Default 10. */
  readonly kMax?: number
  /** Called after each k with (done, total). */
  readonly onProgress?: (done: number, total: number) => void
}

/** Fit k-means with k segments and score the result. The fitted model comes back too, so it need not be refitted. */
export function evaluateK(
  x: Matrix,
  k: number,
  options: EvaluateKOptions = {},
): { evaluation: KEvaluation; model: KMeansResult } {
  checkMatrix(x)
  if (!Number.isInteger(k) || k < 2 || k > x.rows - 1) {
    throw new UserError(`Scoring a segmentation needs between 2 and ${x.rows - 1} segments; got ${k}.`, {
      code: 'invalid-k',
    })
  }
  const kmeansOptions = { nInit: 10, seed: 0, ...options.kmeans }
  const model = fitKMeans(x, { ...kmeansOptions, k })
  const { m } = encodeLabels(model.labels, x.rows)
  // Duplicated rows can leave fewer distinct segments than k; the scores are then undefined rather than an error.
  const scorable = m >= 2 && m <= x.rows - 1
  const sil = scorable ? silhouetteScore(x, model.labels, options.silhouette) : null
  const ss = sumsOfSquares(x, model.labels)
  let smallest = Infinity
  for (const size of model.clusterSizes) smallest = Math.min(smallest, size)

  const stability =
    options.stability === undefined || options.stability === false
      ? undefined
      : bootstrapStability(
          x,
          (sample, seed) =>
            fitKMeans(sample, {
              ...kmeansOptions,
              k: Math.min(k, sample.rows),
              seed,
              nInit: Math.min(3, kmeansOptions.nInit),
            }).labels,
          { seed: kmeansOptions.seed, ...options.stability },
        )

  const evaluation: KEvaluation = {
    k,
    inertia: model.inertia,
    iterations: model.iterations,
    clusterSizes: model.clusterSizes,
    smallestShare: smallest / x.rows,
    silhouette: sil ? sil.score : NaN,
    silhouetteSampleSize: sil ? sil.sampleSize : 0,
    calinskiHarabasz: scorable ? calinskiHarabasz(x, model.labels) : NaN,
    daviesBouldin: scorable ? daviesBouldin(x, model.labels) : NaN,
    withinSS: ss.within,
    betweenSS: ss.between,
    ...(stability ? { stability } : {}),
  }
  return { evaluation, model }
}

/** The ks of a sweep, validated against the data size. */
export function sweepRange(rows: number, kMin = 2, kMax = 10): number[] {
  if (!Number.isInteger(kMin) || kMin < 2) {
    throw new UserError(`The smallest number of segments to try must be a whole number of at least 2; got ${kMin}.`)
  }
  if (!Number.isInteger(kMax) || kMax < kMin) {
    throw new UserError(`The largest number of segments to try (${kMax}) must be a whole number of at least ${kMin}.`)
  }
  const top = Math.min(kMax, rows - 1)
  if (top < kMin) throw new UserError(`${rows} rows are too few to try ${kMin} or more segments.`)
  return Array.from({ length: top - kMin + 1 }, (_, i) => kMin + i)
}

/** Put evaluations (in any order, e.g. as parallel jobs finish) together and find the elbow. */
export function assembleSweep(rows: number, evaluations: readonly KEvaluation[]): KSweep {
  const sorted = [...evaluations].sort((a, b) => a.k - b.k)
  const kneeK = findKnee(
    sorted.map((e) => e.k),
    sorted.map((e) => e.inertia),
    { curve: 'convex', direction: 'decreasing' },
  )
  return { n: rows, evaluations: sorted, kneeK }
}

export function sweepK(x: Matrix, options: SweepOptions = {}): KSweep {
  checkMatrix(x)
  const ks = sweepRange(x.rows, options.kMin, options.kMax)
  const evaluations: KEvaluation[] = []
  ks.forEach((k, i) => {
    evaluations.push(evaluateK(x, k, options).evaluation)
    options.onProgress?.(i + 1, ks.length)
  })
  return assembleSweep(x.rows, evaluations)
}
