import type { Interactions } from './interactions'
import { SimilarityWorkspace } from './neighbours'
import type { Reason, Scorer } from './scorer'
import { rowNorms, transpose, type Csr } from './sparse'
import { TopK } from './topK'
import { weightRows, type Weighting } from './weighting'

/**
 * User-based KNN ("customers like you bought …"; Herlocker et al. 1999): a customer's `k` most similar customers by
 * shrunk cosine over what they bought, and score(j) = Σ_v sim(u, v) · x_vj over those neighbours. Neighbours are found
 * per customer when scored, so fitting is only the weighting: O(nnz). Scoring one customer: O(Σ_{i∈u} n_i + k · n_v)
 * (n_i = buyers of item i), memory O(customers) of scratch.
 */
export interface UserKnnOptions {
  /** Neighbours per customer (default 50). */
  readonly k?: number
  /** Shrinkage added to the cosine's denominator (default 10). */
  readonly shrink?: number
  /** Weighting of the customers × items matrix before the cosine (default 'none'; 'idf' damps best-sellers). */
  readonly weighting?: Weighting
}

export function fitUserKnn(data: Interactions, options: UserKnnOptions = {}): UserKnnScorer {
  const k = options.k ?? 50
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`The neighbourhood size must be a whole number ≥ 1; got ${k}.`)
  const a = weightRows(data.x, options.weighting ?? 'none')
  return new UserKnnScorer(data.x, a, transpose(a), rowNorms(a), k, options.shrink ?? 10)
}

export class UserKnnScorer implements Scorer {
  readonly method = 'user-knn' as const
  readonly items: number
  private readonly work: SimilarityWorkspace
  private readonly top: TopK
  private readonly nIndex: Int32Array
  private readonly nSim: Float64Array
  private nCount = 0
  private lastUser = -1

  constructor(
    private readonly x: Csr,
    private readonly a: Csr,
    private readonly at: Csr,
    private readonly norms: Float64Array,
    readonly k: number,
    readonly shrink: number,
  ) {
    this.items = x.cols
    this.work = new SimilarityWorkspace(a.rows)
    this.top = new TopK(k)
    this.nIndex = new Int32Array(k)
    this.nSim = new Float64Array(k)
  }

  /** The customer's neighbours into nIndex/nSim (best first). */
  private findNeighbours(u: number): void {
    if (u === this.lastUser) return
    const { work, top, norms, shrink } = this
    work.dots(this.a, this.at, u)
    const nu = norms[u]
    for (let t = 0; t < work.nTouched; t++) {
      const v = work.touched[t]
      if (v === u) continue
      const d = nu * norms[v] + shrink
      const sim = d > 0 ? work.acc[v] / d : 0
      if (sim > 0) top.push(v, sim)
    }
    this.nCount = top.drain(this.nIndex, this.nSim)
    this.lastUser = u
  }

  score(u: number, out: Float64Array): void {
    this.findNeighbours(u)
    out.fill(0)
    const { x } = this
    for (let t = 0; t < this.nCount; t++) {
      const v = this.nIndex[t]
      const s = this.nSim[t]
      for (let p = x.indptr[v]; p < x.indptr[v + 1]; p++) out[x.indices[p]] += s * x.data[p]
    }
  }

  reason(u: number, item: number): Reason {
    this.findNeighbours(u)
    let buyers = 0
    for (let t = 0; t < this.nCount; t++) {
      const v = this.nIndex[t]
      for (let p = this.x.indptr[v]; p < this.x.indptr[v + 1]; p++) if (this.x.indices[p] === item) buyers++
    }
    return buyers > 0 ? { kind: 'similar-customers', buyers, neighbours: this.nCount } : { kind: 'popular' }
  }
}
