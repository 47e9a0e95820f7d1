import type { Interactions } from './interactions'
import { itemPopularity, popularityRank } from './popularity'
import { type Progress, type Reason, type Scorer, noProgress } from './scorer'
import type { Csr } from './sparse'
import { spdInverse } from './spdInverse'

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): an item × item weight matrix in closed form,
 *
 *   P = (XᵀX + λI)⁻¹,   B = I − P · diag(1 / diag(P))   (so diag(B) = 0),
 *
 * over binary purchases X, and score(u) = x_u B. The inverse is dense, n³/2 multiply-adds and 2n² doubles for n items,
 * so the model is built on the `maxItems` most popular items (default 2,000; at most 20,000 — about 30 s at 3,000 items and hours at 20,000 in one thread); the others score −∞ and
 * rank after them by popularity. λ is tuned on a validation split by `tuneEaseLambda` (evaluate.ts).
 */
export interface EaseOptions {
  /** L2 regularisation λ > 0 (default 500). */
  readonly lambda?: number
  /** Items in the model, the most popular first (default 2,000, at most 20,000). */
  readonly maxItems?: number
}

export const EASE_MAX_ITEMS = 20_000

export async function fitEase(data: Interactions, options: EaseOptions = {}, progress: Progress = noProgress) {
  const lambda = options.lambda ?? 500
  if (!(lambda > 0)) throw new RangeError(`EASE's λ must be a positive number; got ${lambda}.`)
  const maxItems = options.maxItems ?? 2000
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > EASE_MAX_ITEMS)
    throw new RangeError(`EASE handles 1 to ${EASE_MAX_ITEMS} items; got ${maxItems}.`)
  const popularity = itemPopularity(data.xt)
  const rank = popularityRank(popularity)
  const position = new Int32Array(data.x.cols).fill(-1)
  let n = 0
  for (let i = 0; i < rank.length; i++) if (rank[i] < maxItems && popularity[i] > 0) n++
  const modelItems = new Int32Array(n)
  for (let i = 0, t = 0; i < rank.length; i++) {
    if (rank[i] < maxItems && popularity[i] > 0) {
      position[i] = t
      modelItems[t++] = i
    }
  }
  // G = XᵀX (binary) + λI, lower triangle is enough for the inverse.
  const g = new Float64Array(n * n)
  const x = data.x
  const local = new Int32Array(x.cols)
  for (let u = 0; u < x.rows; u++) {
    let m = 0
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      const q = position[x.indices[p]]
      if (q >= 0) local[m++] = q
    }
    for (let a = 0; a < m; a++) {
      const row = local[a] * n
      for (let b = 0; b < m; b++) if (local[b] <= local[a]) g[row + local[b]] += 1
    }
  }
  for (let i = 0; i < n; i++) g[i * n + i] += lambda
  await progress(0.05, `Inverting a ${n.toLocaleString('en-US')}-item matrix`)
  const p = spdInverse(g, n)
  await progress(0.95, 'Weights')
  // B = −P / diag(P) column-wise, zero diagonal; stored row-major (row i: what buying i adds to each item).
  const diag = new Float64Array(n)
  for (let i = 0; i < n; i++) diag[i] = p[i * n + i]
  for (let i = 0; i < n; i++) {
    const r = i * n
    for (let j = 0; j < n; j++) p[r + j] = i === j ? 0 : -p[r + j] / diag[j]
  }
  await progress(1, 'Weights')
  return new EaseScorer(x, p, modelItems, position, lambda)
}

export class EaseScorer implements Scorer {
  readonly method = 'ease' as const
  readonly items: number
  private readonly buffer: Float64Array

  constructor(
    private readonly x: Csr,
    /** n × n weights over the model's items. */
    private readonly b: Float64Array,
    readonly modelItems: Int32Array,
    private readonly position: Int32Array,
    readonly lambda: number,
  ) {
    this.items = x.cols
    this.buffer = new Float64Array(modelItems.length)
  }

  score(u: number, out: Float64Array): void {
    const n = this.modelItems.length
    const buf = this.buffer
    buf.fill(0)
    const { x, b, position } = this
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      const q = position[x.indices[p]]
      if (q < 0) continue
      const row = q * n
      for (let j = 0; j < n; j++) buf[j] += b[row + j]
    }
    out.fill(-Infinity)
    for (let j = 0; j < n; j++) out[this.modelItems[j]] = buf[j]
  }

  reason(u: number, item: number): Reason {
    const n = this.modelItems.length
    const j = this.position[item]
    let best = -1
    let bestValue = 0
    if (j >= 0) {
      for (let p = this.x.indptr[u]; p < this.x.indptr[u + 1]; p++) {
        const q = this.position[this.x.indices[p]]
        if (q >= 0 && this.b[q * n + j] > bestValue) [best, bestValue] = [this.x.indices[p], this.b[q * n + j]]
      }
    }
    return best >= 0 ? { kind: 'bought', item: best } : { kind: 'popular' }
  }
}
