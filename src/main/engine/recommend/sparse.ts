/**
 * Compressed sparse row matrices over typed arrays: row r holds columns `indices[indptr[r] .. indptr[r + 1])` with
 * values `data[...]`, columns ascending within a row. A CSC matrix is the CSR of the transpose, so one type serves
 * both (customers × items and items × customers).
 */
export interface Csr {
  readonly rows: number
  readonly cols: number
  readonly indptr: Int32Array
  readonly indices: Int32Array
  readonly data: Float64Array
}

export type DuplicatePolicy = 'sum' | 'max' | 'last'

/**
 * Builds a CSR matrix from coordinate triples (row[t], col[t], value[t]). Repeated (row, col) pairs are merged by
 * `duplicates`: 'sum' (purchase counts), 'max' or 'last' (a rating given twice). O(nnz + rows + cols).
 */
export function csrFromTriples(
  rows: number,
  cols: number,
  row: Int32Array,
  col: Int32Array,
  value: Float64Array,
  duplicates: DuplicatePolicy = 'sum',
): Csr {
  const n = row.length
  if (col.length !== n || value.length !== n) throw new RangeError('Triples need as many columns and values as rows.')
  // Counting sort by row, then by column within the row (stable, so 'last' keeps input order).
  const byCol = countingOrder(col, cols, identityOrder(n))
  const order = countingOrder(row, rows, byCol)
  const indptr = new Int32Array(rows + 1)
  const indices = new Int32Array(n)
  const data = new Float64Array(n)
  let nnz = 0
  let prevRow = -1
  let prevCol = -1
  for (let t = 0; t < n; t++) {
    const e = order[t]
    const r = row[e]
    const c = col[e]
    const v = value[e]
    if (r === prevRow && c === prevCol) {
      const last = nnz - 1
      data[last] = duplicates === 'sum' ? data[last] + v : duplicates === 'max' ? Math.max(data[last], v) : v
      continue
    }
    indptr[r + 1]++
    indices[nnz] = c
    data[nnz] = v
    nnz++
    prevRow = r
    prevCol = c
  }
  for (let r = 0; r < rows; r++) indptr[r + 1] += indptr[r]
  return { rows, cols, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) }
}

function identityOrder(n: number): Int32Array {
  const o = new Int32Array(n)
  for (let i = 0; i < n; i++) o[i] = i
  return o
}

/** Stable counting sort of `order` by key[order[t]] in [0, range). */
function countingOrder(key: Int32Array, range: number, order: Int32Array): Int32Array {
  const start = new Int32Array(range + 1)
  for (let t = 0; t < order.length; t++) {
    const k = key[order[t]]
    if (k < 0 || k >= range) throw new RangeError(`Index ${k} is outside 0..${range - 1}.`)
    start[k + 1]++
  }
  for (let k = 0; k < range; k++) start[k + 1] += start[k]
  const out = new Int32Array(order.length)
  for (let t = 0; t < order.length; t++) out[start[key[order[t]]]++] = order[t]
  return out
}

/** The transpose (CSR of the columns), columns ascending within each row. O(nnz + rows + cols). */
export function transpose(a: Csr): Csr {
  const indptr = new Int32Array(a.cols + 1)
  for (let t = 0; t < a.indices.length; t++) indptr[a.indices[t] + 1]++
  for (let c = 0; c < a.cols; c++) indptr[c + 1] += indptr[c]
  const next = indptr.slice(0, a.cols)
  const indices = new Int32Array(a.indices.length)
  const data = new Float64Array(a.indices.length)
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
      const q = next[a.indices[p]]++
      indices[q] = r
      data[q] = a.data[p]
    }
  }
  return { rows: a.cols, cols: a.rows, indptr, indices, data }
}

/** The same pattern with every stored value set to 1 (implicit feedback). */
export function binarize(a: Csr): Csr {
  return { ...a, data: new Float64Array(a.data.length).fill(1) }
}

/** Euclidean norm of each row. */
export function rowNorms(a: Csr): Float64Array {
  const out = new Float64Array(a.rows)
  for (let r = 0; r < a.rows; r++) {
    let s = 0
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) s += a.data[p] * a.data[p]
    out[r] = Math.sqrt(s)
  }
  return out
}

/** Number of stored entries per column. */
export function columnCounts(a: Csr): Int32Array {
  const out = new Int32Array(a.cols)
  for (let t = 0; t < a.indices.length; t++) out[a.indices[t]]++
  return out
}

/** Dot product of row i of a and row j of b (both with ascending columns), by merging. */
export function rowDot(a: Csr, i: number, b: Csr, j: number): number {
  let p = a.indptr[i]
  let q = b.indptr[j]
  const pEnd = a.indptr[i + 1]
  const qEnd = b.indptr[j + 1]
  let s = 0
  while (p < pEnd && q < qEnd) {
    const ca = a.indices[p]
    const cb = b.indices[q]
    if (ca === cb) s += a.data[p++] * b.data[q++]
    else if (ca < cb) p++
    else q++
  }
  return s
}

/** Whether row r stores column c (binary search; columns ascending). */
export function hasEntry(a: Csr, r: number, c: number): boolean {
  let lo = a.indptr[r]
  let hi = a.indptr[r + 1] - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = a.indices[mid]
    if (v === c) return true
    if (v < c) lo = mid + 1
    else hi = mid - 1
  }
  return false
}
