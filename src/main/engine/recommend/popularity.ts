import type { Reason, Scorer } from './scorer'
import type { Csr } from './sparse'

/**
 * Popularity: the number of distinct training customers per item (`xt` is items × customers). The baseline ranks by
 * it, ties by ascending item index (= ascending id, numerically when ids are numbers; see ids.ts).
 */
export function itemPopularity(xt: Csr): Float64Array {
  const out = new Float64Array(xt.rows)
  for (let i = 0; i < xt.rows; i++) out[i] = xt.indptr[i + 1] - xt.indptr[i]
  return out
}

/** rank[i] = position of item i in the popularity order (0 = most popular): the tie-break of every recommender. */
export function popularityRank(popularity: Float64Array): Int32Array {
  const order = Int32Array.from({ length: popularity.length }, (_, i) => i)
  order.sort((a, b) => popularity[b] - popularity[a] || a - b)
  const rank = new Int32Array(popularity.length)
  for (let p = 0; p < order.length; p++) rank[order[p]] = p
  return rank
}

/**
 * Per-segment popularity: for segment s and item i, `buyers` (distinct customers of s who bought i), `share` (buyers /
 * customers of s) and `lift` = share / (overall buyers of i / all customers) — how much more the segment buys the item
 * than everyone does. Items bought by fewer than `minBuyers` customers of the segment get lift 0, so a single
 * purchase cannot top the list. Customers with segment −1 count only in the overall share. O(nnz + segments · items).
 */
export interface SegmentPopularity {
  readonly segments: number
  readonly items: number
  /** segments × items, row-major. */
  readonly buyers: Float64Array
  readonly lift: Float64Array
  readonly customers: Float64Array
}

export function segmentPopularity(x: Csr, segmentOf: Int32Array, segments: number, minBuyers = 5): SegmentPopularity {
  const items = x.cols
  const buyers = new Float64Array(segments * items)
  const customers = new Float64Array(segments)
  const overall = new Float64Array(items)
  for (let u = 0; u < x.rows; u++) {
    const s = segmentOf[u]
    if (s >= 0) customers[s]++
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      const i = x.indices[p]
      overall[i]++
      if (s >= 0) buyers[s * items + i]++
    }
  }
  const lift = new Float64Array(segments * items)
  for (let s = 0; s < segments; s++) {
    for (let i = 0; i < items; i++) {
      const b = buyers[s * items + i]
      if (b < minBuyers || overall[i] === 0) continue
      lift[s * items + i] = b / customers[s] / (overall[i] / x.rows)
    }
  }
  return { segments, items, buyers, lift, customers }
}

/** Popularity as a scorer: the baseline, and the fallback reason. */
export class PopularScorer implements Scorer {
  readonly method = 'popular' as const
  readonly items: number

  constructor(readonly popularity: Float64Array) {
    this.items = popularity.length
  }

  score(_u: number, out: Float64Array): void {
    out.set(this.popularity)
  }

  reason(): Reason {
    return { kind: 'popular' }
  }
}
