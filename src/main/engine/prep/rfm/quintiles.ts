/**
 * Quintile scores 1–5 as pandas' `qcut(x, 5, labels=False) + 1`: edges at the 0, 20, 40, 60, 80 and 100% quantiles
 * (numpy 'linear', the probabilities of `np.linspace(0, 1, 6)`), right-closed bins (a, b] with the first bin also
 * holding the minimum. When ties make two edges equal — many customers with the same recency, say — pandas refuses;
 * here the scores then come from ranks instead (`qcut(x.rank(method='first'), 5)`): tied values are split between
 * neighbouring scores in the order they are given, so that every score holds a fifth of the customers.
 */
import { quantileSorted } from '../../profile/quantile'

export const QUINTILE_PROBABILITIES = [0, 1, 2, 3, 4].map((i) => i * 0.2).concat(1)

export interface QuintileScores {
  /** 1 (lowest values) … 5 (highest). */
  readonly scores: Uint8Array
  /** Whether ranks were used: always for `'rank'`, for `'value'` only when tied quantiles forced it. */
  readonly byRank: boolean
}

/** `values` must have no NaN. `basis: 'rank'` always scores ranks (frequency); `'value'` tries values first. */
export function quintileScores(values: Float64Array, basis: 'value' | 'rank'): QuintileScores {
  if (basis === 'value') {
    const byValue = qcut(values)
    if (byValue) return { scores: byValue, byRank: false }
  }
  return { scores: qcut(firstRanks(values)) ?? new Uint8Array(values.length).fill(3), byRank: true }
}

/** Bins 1..5, or null when two edges coincide (pandas: "Bin edges must be unique"). O(n log n). */
export function qcut(values: Float64Array): Uint8Array | null {
  const sorted = Float64Array.from(values).sort()
  const edges = QUINTILE_PROBABILITIES.map((p) => quantileSorted(sorted, p))
  for (let k = 1; k < edges.length; k++) if (!(edges[k] > edges[k - 1])) return null
  const out = new Uint8Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const x = values[i]
    // searchsorted(edges, x, side='left'): the number of edges strictly below x.
    let bin = 0
    while (bin < edges.length && edges[bin] < x) bin++
    out[i] = Math.max(bin, 1)
  }
  return out
}

/** pandas `rank(method='first')`: 1..n by value, ties in order of appearance. */
export function firstRanks(values: Float64Array): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b)
  const ranks = new Float64Array(values.length)
  order.forEach((row, r) => (ranks[row] = r + 1))
  return ranks
}
