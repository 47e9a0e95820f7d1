import type { Csr } from './sparse'

/**
 * Re-weights a sparse matrix whose rows are the vectors a KNN compares (items × customers for item-based, customers ×
 * items for user-based) and whose columns are their features:
 * - 'idf': x · idf_c with idf_c = ln((1 + rows) / (1 + df_c)) + 1 (scikit-learn's smoothed idf), so features shared by
 *   many rows — best-sellers in user-based KNN, heavy buyers in item-based KNN — count less;
 * - 'bm25': idf_c · x (k1 + 1) / (x + k1 (1 − b + b · len_r / avgLen)) (Robertson & Zaragoza 2009, as in the
 *   `implicit` library's bm25_weight), which also saturates repeated purchases and damps long rows.
 * O(nnz). The input is not modified.
 */
export type Weighting = 'none' | 'idf' | 'bm25'

export function weightRows(a: Csr, kind: Weighting, k1 = 1.2, b = 0.75): Csr {
  if (kind === 'none') return a
  const df = new Int32Array(a.cols)
  for (let t = 0; t < a.indices.length; t++) df[a.indices[t]]++
  const idf = new Float64Array(a.cols)
  for (let c = 0; c < a.cols; c++) idf[c] = Math.log((1 + a.rows) / (1 + df[c])) + 1
  const data = new Float64Array(a.data.length)
  if (kind === 'idf') {
    for (let t = 0; t < data.length; t++) data[t] = a.data[t] * idf[a.indices[t]]
    return { ...a, data }
  }
  let total = 0
  for (let t = 0; t < a.data.length; t++) total += a.data[t]
  const avgLen = a.rows > 0 ? total / a.rows : 1
  for (let r = 0; r < a.rows; r++) {
    let len = 0
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) len += a.data[p]
    const norm = k1 * (1 - b + (b * len) / (avgLen || 1))
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
      const x = a.data[p]
      data[p] = ((x * (k1 + 1)) / (x + norm)) * idf[a.indices[p]]
    }
  }
  return { ...a, data }
}
