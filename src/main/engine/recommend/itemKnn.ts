import type { Interactions } from './interactions'
import { emptyNeighbourhoods, neighbourKernel, SimilarityWorkspace, type Neighbourhoods } from './neighbours'
import { type Progress, type Reason, type Scorer, inChunks, noProgress } from './scorer'
import { rowNorms, transpose, type Csr } from './sparse'
import { weightRows, type Weighting } from './weighting'

/**
 * Item-based KNN ("customers who bought X also bought Y"; Sarwar et al. 2001, Deshpande & Karypis 2004): each item
 * keeps its `k` most similar items by shrunk cosine over the customers who bought them; a customer's score for item j
 * is Σ x_ui · sim(i, j) over the items i they bought that have j among their neighbours.
 *
 * Defaults (k = 50, shrink = 100, idf) were the best of a small grid on MovieLens (NDCG@10 on a 75/25 split).
 *
 * Fit: O(Σ_u n_u²) time (n_u = items of customer u), O(items · k) memory. Score: O(n_u · k) per customer.
 */
export interface ItemKnnOptions {
  /** Neighbours kept per item (default 50). */
  readonly k?: number
  /** Shrinkage added to the cosine's denominator (default 100). */
  readonly shrink?: number
  /** Weighting of the items × customers matrix before the cosine (default 'idf': heavy buyers count less). */
  readonly weighting?: Weighting
}

export async function fitItemKnn(
  data: Interactions,
  options: ItemKnnOptions = {},
  progress: Progress = noProgress,
): Promise<ItemKnnScorer> {
  const k = options.k ?? 50
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`The neighbourhood size must be a whole number ≥ 1; got ${k}.`)
  const a = weightRows(data.xt, options.weighting ?? 'idf')
  const at = transpose(a)
  const norms = rowNorms(a)
  const out = emptyNeighbourhoods(a.rows, Math.min(k, Math.max(a.rows - 1, 1)))
  const work = new SimilarityWorkspace(a.rows)
  const opts = { k: out.k, shrink: options.shrink ?? 100 }
  await inChunks(a.rows, 512, progress, 'Comparing items', (s, e) =>
    neighbourKernel(a, at, norms, opts, s, e, out, work),
  )
  return new ItemKnnScorer(data.x, out)
}

export class ItemKnnScorer implements Scorer {
  readonly method = 'item-knn' as const
  readonly items: number

  constructor(
    private readonly x: Csr,
    readonly neighbours: Neighbourhoods,
  ) {
    this.items = x.cols
  }

  score(u: number, out: Float64Array): void {
    out.fill(0)
    const { x } = this
    const { index, sim, count, k } = this.neighbours
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      const i = x.indices[p]
      const w = x.data[p]
      const base = i * k
      for (let t = 0; t < count[i]; t++) out[index[base + t]] += w * sim[base + t]
    }
  }

  reason(u: number, item: number): Reason {
    const { x } = this
    const { index, sim, count, k } = this.neighbours
    let best = -1
    let bestValue = 0
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      const i = x.indices[p]
      for (let t = 0; t < count[i]; t++) {
        if (index[i * k + t] !== item) continue
        const v = x.data[p] * sim[i * k + t]
        if (v > bestValue) [best, bestValue] = [i, v]
      }
    }
    return best >= 0 ? { kind: 'bought', item: best } : { kind: 'popular' }
  }
}
