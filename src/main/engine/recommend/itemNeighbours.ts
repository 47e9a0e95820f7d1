import type { ItemNeighbourLists } from '../../../shared/domain/recommend'
import { similarItems } from './content'
import { asImplicit } from './fit'
import type { Interactions } from './interactions'
import { fitItemKnn } from './itemKnn'
import type { Neighbourhoods } from './neighbours'
import { type Progress, noProgress } from './scorer'
import type { Csr } from './sparse'
import { filterEntries } from './split'
import { ENGLISH_STOP_WORDS } from './stopWords'
import type { Tfidf } from './tfidf'

export interface ItemNeighbourOptions {
  /** Neighbours kept per item and kind (default 10). */
  readonly k?: number
  /** 1 for items to leave out (sensitive). */
  readonly excluded?: Uint8Array | null
}

/**
 * "Items like this one": each item's nearest items by description (TF-IDF cosine, as `similarItems`) and by purchases
 * (the shrunk cosine of item-based KNN, "bought together"), each with what makes the pair alike — the words the two
 * descriptions share most, or how many customers bought both. An item nobody bought yet has description neighbours
 * only, which is how new items become reachable.
 *
 * Sensitive items (`excluded`) are neither listed nor given neighbours. Time: one `similarItems` and one item-KNN fit,
 * O(Σ_t df_t² + Σ_u n_u²); memory O(items · k).
 */
export async function itemNeighbourLists(
  data: Interactions,
  tfidf: Tfidf | null,
  options: ItemNeighbourOptions = {},
  progress: Progress = noProgress,
): Promise<ItemNeighbourLists> {
  const k = options.k ?? 10
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`The number of neighbours must be a whole number ≥ 1; got ${k}.`)
  const items = data.x.cols
  if (tfidf && tfidf.matrix.rows !== items)
    throw new RangeError(`The descriptions cover ${tfidf.matrix.rows} items; the purchases have ${items}.`)
  const excluded = options.excluded ?? new Uint8Array(items)
  const implicit = asImplicit(data)
  const out: Row[] = []

  if (tfidf) {
    const matrix = withoutRows(tfidf.matrix, excluded)
    const content = await similarItems(matrix, k, (f, s) => progress(f * 0.5, s))
    collect(content, excluded, (i, j, rank, sim) =>
      out.push({ kind: 0, i, j, rank, sim, together: -1, words: sharedWords(tfidf, i, j) }),
    )
  }
  const bought = (await fitItemKnn(implicit, { k }, (f, s) => progress(0.5 + f * 0.5, s))).neighbours
  collect(bought, excluded, (i, j, rank, sim) =>
    out.push({ kind: 1, i, j, rank, sim, together: common(implicit.xt, i, j), words: null }),
  )
  out.sort((a, b) => a.i - b.i || a.kind - b.kind || a.rank - b.rank)
  return {
    kind: Uint8Array.from(out, (r) => r.kind),
    item: Int32Array.from(out, (r) => r.i),
    other: Int32Array.from(out, (r) => r.j),
    rank: Int32Array.from(out, (r) => r.rank),
    sim: Float64Array.from(out, (r) => r.sim),
    together: Int32Array.from(out, (r) => r.together),
    words: out.map((r) => r.words),
  }
}

interface Row {
  kind: number
  i: number
  j: number
  rank: number
  sim: number
  together: number
  words: string | null
}

function collect(
  n: Neighbourhoods,
  excluded: Uint8Array,
  push: (i: number, j: number, rank: number, sim: number) => void,
): void {
  for (let i = 0; i < n.rows; i++) {
    if (excluded[i]) continue
    let rank = 0
    for (let t = 0; t < n.count[i]; t++) {
      const j = n.index[i * n.k + t]
      if (j < 0 || excluded[j]) continue
      push(i, j, rank++, n.sim[i * n.k + t])
    }
  }
}

/** The matrix with the excluded rows emptied: an empty row shares no term, so it is nobody's neighbour. */
function withoutRows(m: Csr, excluded: Uint8Array): Csr {
  const flag = new Uint8Array(m.indices.length)
  for (let r = 0; r < m.rows; r++) if (excluded[r]) flag.fill(1, m.indptr[r], m.indptr[r + 1])
  return filterEntries(m, flag, 0)
}

/** Entries rows i and j of a sorted CSR matrix have in common: customers who bought both items. */
export function common(m: Csr, i: number, j: number): number {
  let p = m.indptr[i]
  let q = m.indptr[j]
  let n = 0
  while (p < m.indptr[i + 1] && q < m.indptr[j + 1]) {
    const a = m.indices[p]
    const b = m.indices[q]
    if (a === b) {
      n++
      p++
      q++
    } else if (a < b) p++
    else q++
  }
  return n
}

/** The shared terms that add most to the cosine of rows i and j (stop words skipped: "of" explains nothing). */
export function sharedWords(tfidf: Tfidf, i: number, j: number, max = 3): string | null {
  const m = tfidf.matrix
  const found: { term: string; w: number }[] = []
  let p = m.indptr[i]
  let q = m.indptr[j]
  while (p < m.indptr[i + 1] && q < m.indptr[j + 1]) {
    const a = m.indices[p]
    const b = m.indices[q]
    if (a === b) {
      const term = tfidf.vocabulary[a]
      if (!ENGLISH_STOP_WORDS.has(term)) found.push({ term, w: m.data[p] * m.data[q] })
      p++
      q++
    } else if (a < b) p++
    else q++
  }
  if (found.length === 0) return null
  found.sort((x, y) => y.w - x.w || (x.term < y.term ? -1 : 1))
  return found
    .slice(0, max)
    .map((f) => f.term)
    .join(', ')
}
