/**
 * Shared groundwork of the partition metrics: labels re-coded to 0..m-1, cluster sizes and means.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'
import { checkLabels } from '../cluster/validate'

export interface EncodedLabels {
  /** Label of each row as 0..m-1, in increasing order of the original values (scikit-learn's LabelEncoder). */
  readonly codes: Int32Array
  /** Number of distinct labels. */
  readonly m: number
  /** Rows per code. */
  readonly sizes: Float64Array
}

export function encodeLabels(labels: ArrayLike<number>, rows: number, what?: string): EncodedLabels {
  checkLabels(labels, rows, what)
  let max = -1
  for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i]
  // Labels are normally 0..k-1 with maybe a few gaps: a dense table is fine up to a generous bound, a Map beyond.
  const codes = new Int32Array(labels.length)
  let m = 0
  if (max < 4 * labels.length + 1024) {
    const seen = new Int32Array(max + 1)
    for (let i = 0; i < labels.length; i++) seen[labels[i]] = 1
    for (let v = 0; v <= max; v++) if (seen[v]) seen[v] = ++m
    for (let i = 0; i < labels.length; i++) codes[i] = seen[labels[i]] - 1
  } else {
    const values = Array.from(new Set(Array.from(labels))).sort((a, b) => a - b)
    const index = new Map(values.map((v, i) => [v, i]))
    m = values.length
    for (let i = 0; i < labels.length; i++) codes[i] = index.get(labels[i])!
  }
  const sizes = new Float64Array(m)
  for (let i = 0; i < codes.length; i++) sizes[codes[i]]++
  return { codes, m, sizes }
}

/** scikit-learn's `check_number_of_labels`: the internal scores need 2 ≤ clusters ≤ rows - 1. */
export function checkClusterCount(m: number, rows: number, metric: string): void {
  if (m < 2 || m > rows - 1) {
    throw new UserError(
      `The ${metric} needs at least 2 segments and fewer segments than rows; got ${m} segment${m === 1 ? '' : 's'} for ${rows} rows.`,
      { code: 'invalid-labels' },
    )
  }
}

/** m × d cluster means (row-major) from encoded labels. */
export function clusterMeans(x: Matrix, enc: EncodedLabels): Float64Array {
  const { data, rows, cols: d } = x
  const means = new Float64Array(enc.m * d)
  for (let i = 0; i < rows; i++) {
    const cb = enc.codes[i] * d
    const xb = i * d
    for (let t = 0; t < d; t++) means[cb + t] += data[xb + t]
  }
  for (let c = 0; c < enc.m; c++) {
    const inv = 1 / enc.sizes[c]
    for (let t = 0; t < d; t++) means[c * d + t] *= inv
  }
  return means
}

export function columnMeans(x: Matrix): Float64Array {
  const { data, rows, cols: d } = x
  const mean = new Float64Array(d)
  for (let i = 0; i < rows; i++) for (let t = 0; t < d; t++) mean[t] += data[i * d + t]
  for (let t = 0; t < d; t++) mean[t] /= rows
  return mean
}
