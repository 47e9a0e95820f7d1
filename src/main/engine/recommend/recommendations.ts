import type { IdIndex } from './ids'
import type { Interactions } from './interactions'
import type { SegmentPopularity } from './popularity'
import { type Progress, type Reason, type Scorer, noProgress } from './scorer'
import type { Csr } from './sparse'
import { filterEntries } from './split'
import { TopK } from './topK'

/**
 * Per-customer recommendations with reasons, the sensitive-items guard and cold start.
 *
 * Sensitive items or categories are dropped from the interactions before fitting (`withoutSensitive`), so they are
 * never recommended, never drive someone else's recommendation and never appear in a reason; the mask also keeps
 * them out of every ranking.
 */
export interface CustomerRecommendations {
  /** Customer index (training), or −1 for a customer without history. */
  readonly user: number
  readonly items: Int32Array
  readonly scores: Float64Array
  readonly reasons: readonly Reason[]
}

export interface RecommendOptions {
  readonly top: number
  /** Popularity rank of the items (training), the tie-break. */
  readonly tieRank: Int32Array
  readonly excluded?: Uint8Array | null
  /** Customers to recommend for (training indices); all when absent. */
  readonly users?: Int32Array
}

/** Top `top` items per customer, excluding what they bought, with the reason of each. */
export async function recommendForUsers(
  scorer: Scorer,
  train: Csr,
  options: RecommendOptions,
  progress: Progress = noProgress,
): Promise<CustomerRecommendations[]> {
  const users = options.users ?? Int32Array.from({ length: train.rows }, (_, u) => u)
  const candidate = new Uint8Array(train.cols).fill(1)
  if (options.excluded) for (let j = 0; j < candidate.length; j++) if (options.excluded[j]) candidate[j] = 0
  const own = new Int32Array(train.cols).fill(-1)
  const scores = new Float64Array(train.cols)
  const top = new TopK(options.top, options.tieRank)
  const out: CustomerRecommendations[] = []
  for (let t = 0; t < users.length; t++) {
    if ((t & 255) === 0) await progress(t / users.length, `Recommending for customer ${t + 1} of ${users.length}`)
    const u = users[t]
    for (let p = train.indptr[u]; p < train.indptr[u + 1]; p++) own[train.indices[p]] = u
    scorer.score(u, scores)
    top.clear()
    for (let j = 0; j < scores.length; j++)
      if (candidate[j] && own[j] !== u && scores[j] > -Infinity) top.push(j, scores[j])
    const items = new Int32Array(top.length)
    const values = new Float64Array(top.length)
    top.drain(items, values)
    out.push({ user: u, items, scores: values, reasons: Array.from(items, (j) => scorer.reason(u, j)) })
  }
  await progress(1, 'Recommended')
  return out
}

/**
 * Cold start: a segment's favourites — the items most of its customers bought (ties by popularity rank), reason
 * "popular with <segment>". With `by: 'lift'`, the items the segment buys most out of proportion (lift; see
 * segmentPopularity's minimum support).
 */
export function segmentFavourites(
  pop: SegmentPopularity,
  segment: number,
  top: number,
  tieRank: Int32Array,
  excluded: Uint8Array | null = null,
  by: 'buyers' | 'lift' = 'buyers',
): CustomerRecommendations {
  const values = by === 'lift' ? pop.lift : pop.buyers
  const heap = new TopK(top, tieRank)
  const base = segment * pop.items
  for (let j = 0; j < pop.items; j++) if (values[base + j] > 0 && !excluded?.[j]) heap.push(j, values[base + j])
  const items = new Int32Array(heap.length)
  const scores = new Float64Array(heap.length)
  heap.drain(items, scores)
  return { user: -1, items, scores, reasons: Array.from(items, () => ({ kind: 'segment', segment }) as const) }
}

/** Items (by id or by category) never to recommend or show: a mask over the item indices. */
export function sensitiveMask(
  items: IdIndex,
  guard: { readonly items?: readonly string[]; readonly categories?: readonly string[] },
  categoryOf?: readonly (string | null)[],
): Uint8Array {
  const mask = new Uint8Array(items.ids.length)
  for (const id of guard.items ?? []) {
    const i = items.indexOf(id)
    if (i >= 0) mask[i] = 1
  }
  const categories = new Set((guard.categories ?? []).map((c) => c.trim().toLowerCase()))
  if (categories.size > 0 && categoryOf) {
    categoryOf.forEach((c, i) => {
      if (c !== null && categories.has(c.trim().toLowerCase())) mask[i] = 1
    })
  }
  return mask
}

/** The interactions without the masked items (same index space), so they neither drive nor explain anything. */
export function withoutSensitive(data: Interactions, mask: Uint8Array): Interactions {
  const drop = new Uint8Array(data.x.indices.length)
  for (let p = 0; p < drop.length; p++) drop[p] = mask[data.x.indices[p]]
  const x = filterEntries(data.x, drop, 0)
  const dropT = new Uint8Array(data.xt.indices.length)
  for (let i = 0; i < data.xt.rows; i++)
    if (mask[i]) for (let p = data.xt.indptr[i]; p < data.xt.indptr[i + 1]; p++) dropT[p] = 1
  return { ...data, x, xt: filterEntries(data.xt, dropT, 0) }
}

/** A reason in words: "because you bought …", "popular with Champions". */
export function describeReason(
  reason: Reason,
  itemName: (item: number) => string,
  segmentName: (segment: number) => string = (s) => `segment ${s + 1}`,
): string {
  switch (reason.kind) {
    case 'bought':
      return `because you bought ${itemName(reason.item)}`
    case 'similar-customers':
      return `bought by ${reason.buyers} of the ${reason.neighbours} customers most like you`
    case 'segment':
      return `popular with ${segmentName(reason.segment)}`
    case 'popular':
      return 'one of the best-sellers'
  }
}
