import type { Csr } from './sparse'
import { TopK } from './topK'

/**
 * The k most similar rows of each row of a sparse matrix by cosine similarity, with shrinkage:
 *
 *   sim(r, s) = ⟨a_r, a_s⟩ / (‖a_r‖ ‖a_s‖ + shrink)
 *
 * (Koren 2008; shrink = 0 is plain cosine; a positive shrink pulls pairs with little overlap toward 0). Dot products
 * are accumulated through the transpose, touching only rows that share a column: O(Σ_c nnz(col c)²) over all rows,
 * memory O(rows · k). Rows are the vectors compared: items × customers for item-based KNN, customers × items for
 * user-based KNN, items × terms for content similarity.
 */
export interface Neighbourhoods {
  readonly rows: number
  readonly k: number
  /** rows × k, best first; `count[r]` entries of row r are valid. */
  readonly index: Int32Array
  readonly sim: Float64Array
  readonly count: Int32Array
}

export interface NeighbourOptions {
  readonly k: number
  readonly shrink?: number
  /** Only neighbours with a similarity above this (default 0: any overlap). */
  readonly minSim?: number
}

/** Scratch space for one thread: reused across rows so the hot loop allocates nothing. */
export class SimilarityWorkspace {
  readonly acc: Float64Array
  readonly stamp: Int32Array
  readonly touched: Int32Array
  nTouched = 0

  constructor(n: number) {
    this.acc = new Float64Array(n)
    this.stamp = new Int32Array(n).fill(-1)
    this.touched = new Int32Array(n)
  }

  /** Accumulates ⟨a_r, a_s⟩ for every s sharing a column with row r (r's own entry included). */
  dots(a: Csr, at: Csr, r: number): void {
    const { acc, stamp, touched } = this
    let n = 0
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
      const c = a.indices[p]
      const w = a.data[p]
      for (let q = at.indptr[c]; q < at.indptr[c + 1]; q++) {
        const s = at.indices[q]
        if (stamp[s] !== r) {
          stamp[s] = r
          acc[s] = 0
          touched[n++] = s
        }
        acc[s] += w * at.data[q]
      }
    }
    this.nTouched = n
  }
}

export function emptyNeighbourhoods(rows: number, k: number): Neighbourhoods {
  return {
    rows,
    k,
    index: new Int32Array(rows * k).fill(-1),
    sim: new Float64Array(rows * k),
    count: new Int32Array(rows),
  }
}

/**
 * Fills the neighbourhoods of rows [start, end): `a` is read-only, `at` its transpose, `norms` its row norms. Ties
 * resolve to the lower row index.
 */
export function neighbourKernel(
  a: Csr,
  at: Csr,
  norms: Float64Array,
  options: NeighbourOptions,
  start: number,
  end: number,
  out: Neighbourhoods,
  work: SimilarityWorkspace = new SimilarityWorkspace(a.rows),
): void {
  const shrink = options.shrink ?? 0
  const minSim = options.minSim ?? 0
  const top = new TopK(out.k)
  for (let r = start; r < end; r++) {
    work.dots(a, at, r)
    const nr = norms[r]
    for (let t = 0; t < work.nTouched; t++) {
      const s = work.touched[t]
      if (s === r) continue
      const d = nr * norms[s] + shrink
      const sim = d > 0 ? work.acc[s] / d : 0
      if (sim > minSim) top.push(s, sim)
    }
    out.count[r] = top.drain(out.index, out.sim, r * out.k)
  }
}
