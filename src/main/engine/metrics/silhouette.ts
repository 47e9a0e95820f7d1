/**
 * Silhouette (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation of cluster
 * analysis"): for each row, a = mean distance to the rest of its cluster, b = mean distance to the nearest other
 * cluster, s = (b - a) / max(a, b). Rows alone in their cluster score 0. Euclidean distance; values and edge cases as
 * scikit-learn's `silhouette_samples` / `silhouette_score`.
 *
 * Exact: O(n²·d) time, O(n·k) memory (per-row distance sums per cluster), each pair computed once. Above
 * `maxExactRows` rows the score is computed on a seeded random sample, and the result says so.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix, RowRange } from '../matrix'
import { createRng, sampleWithoutReplacement } from '../random'
import { checkMatrix, checkPositiveInteger } from '../cluster/validate'
import { checkClusterCount, encodeLabels } from './labels'

export interface SilhouetteOptions {
  /** Compute on this many randomly chosen rows instead of all. Default: all rows up to `maxExactRows`. */
  readonly sampleSize?: number
  /** Above this many rows (and without `sampleSize`) a sample of this size is used. Default 20,000. */
  readonly maxExactRows?: number
  /** Seed of the sample. Default 0. */
  readonly seed?: number
}

export interface SilhouetteScore {
  /** Mean silhouette of the rows used, in [-1, 1]. */
  readonly score: number
  /** Rows it was computed on. */
  readonly sampleSize: number
  readonly sampled: boolean
}

export const DEFAULT_SILHOUETTE_MAX_EXACT_ROWS = 20_000

/**
 * Kernel: for every pair (i, j) with i in `rows` and j > i, add the distance to `sums[i·m + code(j)]` and
 * `sums[j·m + code(i)]`. Splitting rows between workers needs one `sums` per worker, added up afterwards; since
 * row i pairs with n - i - 1 others, equal work means shorter ranges at the start.
 */
export function silhouettePairSums(x: Matrix, codes: Int32Array, m: number, rows: RowRange, sums: Float64Array): void {
  const { data, rows: n, cols: d } = x
  for (let i = rows.start; i < rows.end; i++) {
    const ib = i * d
    const ci = codes[i]
    const si = i * m
    let j = i + 1
    // Four j's at a time: each loaded x_i value feeds four independent sums (latency-bound loop otherwise).
    for (; j + 3 < n; j += 4) {
      let p = 0
      let q = 0
      let r = 0
      let s = 0
      const jb = j * d
      for (let t = 0; t < d; t++) {
        const xv = data[ib + t]
        let u = xv - data[jb + t]
        p += u * u
        u = xv - data[jb + d + t]
        q += u * u
        u = xv - data[jb + 2 * d + t]
        r += u * u
        u = xv - data[jb + 3 * d + t]
        s += u * u
      }
      p = Math.sqrt(p)
      q = Math.sqrt(q)
      r = Math.sqrt(r)
      s = Math.sqrt(s)
      sums[si + codes[j]] += p
      sums[si + codes[j + 1]] += q
      sums[si + codes[j + 2]] += r
      sums[si + codes[j + 3]] += s
      sums[j * m + ci] += p
      sums[(j + 1) * m + ci] += q
      sums[(j + 2) * m + ci] += r
      sums[(j + 3) * m + ci] += s
    }
    for (; j < n; j++) {
      let p = 0
      const jb = j * d
      for (let t = 0; t < d; t++) {
        const u = data[ib + t] - data[jb + t]
        p += u * u
      }
      p = Math.sqrt(p)
      sums[si + codes[j]] += p
      sums[j * m + ci] += p
    }
  }
}

/** Silhouette of every row, in row order. Throws unless 2 ≤ clusters ≤ rows - 1. */
export function silhouetteSamples(x: Matrix, labels: ArrayLike<number>): Float64Array {
  checkMatrix(x)
  const enc = encodeLabels(labels, x.rows)
  checkClusterCount(enc.m, x.rows, 'silhouette')
  const { codes, m, sizes } = enc
  const n = x.rows
  const sums = new Float64Array(n * m)
  silhouettePairSums(x, codes, m, { start: 0, end: n }, sums)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const own = codes[i]
    const a = sums[i * m + own] / (sizes[own] - 1)
    let b = Infinity
    for (let c = 0; c < m; c++) {
      if (c === own) continue
      const v = sums[i * m + c] / sizes[c]
      if (v < b) b = v
    }
    const s = (b - a) / Math.max(a, b)
    // Singletons (a = 0/0) and rows with a = b = 0 give NaN; scikit-learn maps them to 0.
    out[i] = Number.isNaN(s) ? 0 : s
  }
  return out
}

/** Mean silhouette, exact up to `maxExactRows` rows, on a seeded sample above. */
export function silhouetteScore(
  x: Matrix,
  labels: ArrayLike<number>,
  options: SilhouetteOptions = {},
): SilhouetteScore {
  checkMatrix(x)
  const n = x.rows
  const maxExact = options.maxExactRows ?? DEFAULT_SILHOUETTE_MAX_EXACT_ROWS
  checkPositiveInteger(maxExact, 'The largest exact silhouette size', 2)
  let size = options.sampleSize ?? Math.min(n, maxExact)
  if (options.sampleSize !== undefined) {
    checkPositiveInteger(options.sampleSize, 'The silhouette sample size', 2)
    if (options.sampleSize > n) {
      throw new UserError(`The silhouette sample size (${options.sampleSize}) exceeds the number of rows (${n}).`)
    }
  }
  size = Math.min(size, n)
  if (size === n) return { score: mean(silhouetteSamples(x, labels)), sampleSize: n, sampled: false }

  encodeLabels(labels, n) // validate all labels, not just the sampled ones
  const idx = sampleWithoutReplacement(createRng(options.seed ?? 0), n, size)
  const d = x.cols
  const sub = new Float64Array(size * d)
  const subLabels = new Int32Array(size)
  for (let r = 0; r < size; r++) {
    sub.set(x.data.subarray(idx[r] * d, idx[r] * d + d), r * d)
    subLabels[r] = labels[idx[r]]
  }
  const score = mean(silhouetteSamples({ data: sub, rows: size, cols: d }, subLabels))
  return { score, sampleSize: size, sampled: true }
}

function mean(a: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]
  return s / a.length
}
