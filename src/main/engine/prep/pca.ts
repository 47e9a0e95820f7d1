/**
 * Principal component analysis as scikit-learn's `PCA(svd_solver='full')`: centre the columns, decompose, keep the
 * leading components. The decomposition is of the d×d covariance matrix (symmetric Jacobi) rather than an SVD of the
 * n×d data: d is small (≤ ~100) and n may be large, so one O(n·d²) pass to form the covariance — split over row
 * ranges so that `jobs/` can spread it across threads — beats an O(n·d²)-per-sweep SVD. Eigenvectors get
 * scikit-learn 1.2's `svd_flip` sign: each component is oriented so that the sample with the largest absolute score
 * on it scores positive, making results comparable with scikit-learn, component for component.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix, RowRange } from '../matrix'
import { matrix } from '../matrix'
import { symmetricEigen } from './symmetricEigen'

export interface PcaOptions {
  /** Number of components to keep (1..min(n, d)). */
  readonly nComponents?: number
  /** Keep the fewest components whose explained variance ratio sums to more than this (0..1), as scikit-learn. */
  readonly varianceToKeep?: number
}

export interface PcaModel {
  readonly mean: Float64Array
  /** k×d, one unit-length component per row. */
  readonly components: Matrix
  /** Variance along each kept component (divisor n − 1). */
  readonly explainedVariance: Float64Array
  readonly explainedVarianceRatio: Float64Array
  readonly singularValues: Float64Array
  readonly sampleCount: number
}

/** Fits PCA to `x` (n×d, no NaN). Without options keeps min(n, d) components. O(n·d² + d³·sweeps). */
export function fitPca(x: Matrix, options: PcaOptions = {}): PcaModel {
  const { rows: n, cols: d } = x
  if (n < 2) throw new UserError(`PCA needs at least two rows; the table has ${n}.`, { code: 'prep.tooFewRows' })
  if (d < 1) throw new UserError('PCA needs at least one column.', { code: 'prep.noColumns' })
  if (options.nComponents !== undefined && options.varianceToKeep !== undefined) {
    throw new UserError('Give either a number of components or a share of variance to keep, not both.', {
      code: 'prep.badParameter',
    })
  }
  const maxComponents = Math.min(n, d)
  const all: RowRange = { start: 0, end: n }
  const mean = new Float64Array(d)
  columnSumsKernel(x, all, mean)
  for (let j = 0; j < d; j++) mean[j] /= n
  const scatter = new Float64Array(d * d)
  centredScatterKernel(x, mean, all, scatter)
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const c = scatter[i * d + j] / (n - 1)
      scatter[i * d + j] = c
      scatter[j * d + i] = c
    }
  }
  const eigen = symmetricEigen(scatter, d)
  // Eigenvalues of a covariance matrix are ≥ 0; rounding can leave tiny negatives where an SVD would give 0.
  const variances = eigen.values.map((v) => Math.max(v, 0)).subarray(0, maxComponents)
  let total = 0
  for (const v of variances) total += v
  const ratios = variances.map((v) => (total > 0 ? v / total : 0))
  const k = componentCount(ratios, maxComponents, options)
  const components = Float64Array.from(eigen.vectors.subarray(0, k * d))
  flipSigns(x, mean, components, k)
  return {
    mean,
    components: matrix(k, d, components),
    explainedVariance: variances.slice(0, k),
    explainedVarianceRatio: ratios.slice(0, k),
    singularValues: variances.slice(0, k).map((v) => Math.sqrt(v * (n - 1))),
    sampleCount: n,
  }
}

/** Scores of `x` on the model's components: (x − mean)·componentsᵀ, n×k. */
export function pcaTransform(model: PcaModel, x: Matrix): Matrix {
  const { rows: k, cols: d } = model.components
  if (x.cols !== d) throw new RangeError(`The PCA was fitted on ${d} columns; got ${x.cols}.`)
  const out = new Float64Array(x.rows * k)
  scoresKernel(x, model.mean, model.components.data, k, { start: 0, end: x.rows }, out)
  return matrix(x.rows, k, out)
}

/** Back from scores to the original columns (exact when all components were kept): z·components + mean. */
export function pcaInverse(model: PcaModel, z: Matrix): Matrix {
  const { rows: k, cols: d } = model.components
  if (z.cols !== k) throw new RangeError(`The PCA has ${k} components; got ${z.cols} scores per row.`)
  const out = new Float64Array(z.rows * d)
  const c = model.components.data
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < d; j++) {
      let s = model.mean[j]
      for (let r = 0; r < k; r++) s += z.data[i * k + r] * c[r * d + j]
      out[i * d + j] = s
    }
  }
  return matrix(z.rows, d, out)
}

function componentCount(ratios: Float64Array, maxComponents: number, options: PcaOptions): number {
  if (options.nComponents !== undefined) {
    const k = options.nComponents
    if (!Number.isInteger(k) || k < 1 || k > maxComponents) {
      throw new UserError(`The number of components must be a whole number from 1 to ${maxComponents}; got ${k}.`, {
        code: 'prep.badParameter',
      })
    }
    return k
  }
  if (options.varianceToKeep !== undefined) {
    const share = options.varianceToKeep
    if (!(share > 0 && share < 1))
      throw new UserError(`The share of variance to keep must be between 0 and 1; got ${share}.`, {
        code: 'prep.badParameter',
      })
    // np.searchsorted(cumsum, share, side='right') + 1: the first count whose cumulative ratio exceeds the share.
    let cumulative = 0
    for (let k = 0; k < ratios.length; k++) {
      cumulative += ratios[k]
      if (cumulative > share) return k + 1
    }
    return maxComponents
  }
  return maxComponents
}

/** svd_flip(u_based_decision=True): the largest |score| on each component is made positive (first such row wins). */
function flipSigns(x: Matrix, mean: Float64Array, components: Float64Array, k: number): void {
  const d = x.cols
  const scores = new Float64Array(x.rows * k)
  scoresKernel(x, mean, components, k, { start: 0, end: x.rows }, scores)
  for (let r = 0; r < k; r++) {
    let best = 0
    let bestAbs = -1
    for (let i = 0; i < x.rows; i++) {
      const a = Math.abs(scores[i * k + r])
      if (a > bestAbs) {
        bestAbs = a
        best = scores[i * k + r]
      }
    }
    if (best < 0) for (let j = 0; j < d; j++) components[r * d + j] = -components[r * d + j]
  }
}

/** Adds the column sums of rows [start, end) to `out` (length d). Reads `x` only. */
export function columnSumsKernel(x: Matrix, range: RowRange, out: Float64Array): void {
  const d = x.cols
  for (let i = range.start; i < range.end; i++) for (let j = 0; j < d; j++) out[j] += x.data[i * d + j]
}

/** Adds the upper triangle of Σ (xᵢ − mean)ᵀ(xᵢ − mean) over rows [start, end) to `out` (d×d). Reads `x` only. */
export function centredScatterKernel(x: Matrix, mean: Float64Array, range: RowRange, out: Float64Array): void {
  const d = x.cols
  const centred = new Float64Array(d)
  for (let i = range.start; i < range.end; i++) {
    for (let j = 0; j < d; j++) centred[j] = x.data[i * d + j] - mean[j]
    for (let a = 0; a < d; a++) {
      const ca = centred[a]
      for (let b = a; b < d; b++) out[a * d + b] += ca * centred[b]
    }
  }
}

/** Writes the scores of rows [start, end) on k components into `out` (n×k). Reads `x` only. */
export function scoresKernel(
  x: Matrix,
  mean: Float64Array,
  components: Float64Array,
  k: number,
  range: RowRange,
  out: Float64Array,
): void {
  const d = x.cols
  for (let i = range.start; i < range.end; i++) {
    for (let r = 0; r < k; r++) {
      let s = 0
      for (let j = 0; j < d; j++) s += (x.data[i * d + j] - mean[j]) * components[r * d + j]
      out[i * k + r] = s
    }
  }
}
