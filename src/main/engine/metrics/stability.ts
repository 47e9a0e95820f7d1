/**
 * Bootstrap stability of a clustering procedure (in the spirit of Ben-Hur, Elisseeff & Guyon 2002 and Hennig 2007):
 * fit on two bootstrap samples, compare the two partitions on the rows both samples contain with the adjusted Rand
 * index, repeat. Segments that reappear whatever the sample score near 1; arbitrary splits score lower.
 *
 * On large data the bootstraps are drawn from a seeded pool of `maxRows` rows (bootstrapping a small sample from a
 * huge table would leave almost no rows in common). Cost: 2 × `replicates` fits on `min(n, maxRows)` rows.
 */
import type { Matrix } from '../matrix'
import { createRng, sampleWithReplacement, sampleWithoutReplacement } from '../random'
import type { StabilityResult } from '../cluster/types'
import { checkMatrix, checkPositiveInteger } from '../cluster/validate'
import { adjustedRandIndex } from './adjustedRand'

/** Fit the clustering to `sample` and return one label per sample row; `seed` varies between fits. */
export type FitLabels = (sample: Matrix, seed: number) => Int32Array

export interface StabilityOptions {
  /** Pairs of bootstrap fits. Default 10. */
  readonly replicates?: number
  /** Rows the bootstraps are drawn from; larger data is first sampled down to this. Default 5,000. */
  readonly maxRows?: number
  /** Default 0. */
  readonly seed?: number
}

export function bootstrapStability(x: Matrix, fit: FitLabels, options: StabilityOptions = {}): StabilityResult {
  checkMatrix(x)
  const replicates = options.replicates ?? 10
  checkPositiveInteger(replicates, 'The number of stability replicates')
  const maxRows = options.maxRows ?? 5000
  checkPositiveInteger(maxRows, 'The stability sample size', 2)
  const rng = createRng(options.seed ?? 0)
  const d = x.cols

  const pool = x.rows > maxRows ? sampleWithoutReplacement(rng, x.rows, maxRows) : null
  const m = pool ? pool.length : x.rows
  const rowOf = (p: number): number => (pool ? pool[p] : p)

  const draw = (): { labelOf: Int32Array; seed: number } => {
    const picks = sampleWithReplacement(rng, m, m)
    const data = new Float64Array(m * d)
    for (let r = 0; r < m; r++) {
      const src = rowOf(picks[r]) * d
      data.set(x.data.subarray(src, src + d), r * d)
    }
    const seed = rng.nextUint32()
    const labels = fit({ data, rows: m, cols: d }, seed)
    if (labels.length !== m) throw new RangeError(`The fit returned ${labels.length} labels for ${m} rows.`)
    // A row drawn several times gets the label of its first draw.
    const labelOf = new Int32Array(m).fill(-1)
    for (let r = 0; r < m; r++) if (labelOf[picks[r]] < 0) labelOf[picks[r]] = labels[r]
    return { labelOf, seed }
  }

  const scores = new Float64Array(replicates)
  for (let rep = 0; rep < replicates; rep++) {
    const a = draw().labelOf
    const b = draw().labelOf
    const la: number[] = []
    const lb: number[] = []
    for (let p = 0; p < m; p++) {
      if (a[p] >= 0 && b[p] >= 0) {
        la.push(a[p])
        lb.push(b[p])
      }
    }
    scores[rep] = adjustedRandIndex(la, lb)
  }
  let mean = 0
  for (const s of scores) mean += s
  mean /= replicates
  let v = 0
  for (const s of scores) v += (s - mean) ** 2
  return {
    meanAri: mean,
    stdAri: replicates > 1 ? Math.sqrt(v / (replicates - 1)) : 0,
    replicates: scores,
    sampleSize: m,
  }
}
