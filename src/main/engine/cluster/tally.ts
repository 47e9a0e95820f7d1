/**
 * One vote per criterion among a set of options (numbers of segments): best silhouette, best Calinski–Harabasz, best
 * Davies–Bouldin, the elbow of the inertia curve when it is among the options and, when measured, the most stable k.
 * The k with most votes wins; ties go to the better silhouette, then to fewer segments (simpler to act on).
 */
import type { KCriterion, KEvaluation } from './types'

export interface Tally {
  /** The winning k. */
  readonly k: number
  /** The k each criterion prefers among the options (criteria with no finite value are left out). */
  readonly votes: Partial<Record<KCriterion, number>>
  /** The criteria that voted for `k`, in criterion order. */
  readonly agreeing: readonly KCriterion[]
  /** How many criteria voted at all. */
  readonly voted: number
  /** Other options with as many votes as `k` (only when `k` has at least one), in increasing k. */
  readonly tiedWith: readonly number[]
}

/** `options` must be non-empty. Lower k first on exact ties of a criterion, as the options are scanned by k. */
export function tally(options: readonly KEvaluation[], kneeK: number | null): Tally {
  const sorted = [...options].sort((a, b) => a.k - b.k)
  const votes: Partial<Record<KCriterion, number>> = {}
  const pick = (criterion: KCriterion, value: (e: KEvaluation) => number, better: 'high' | 'low'): void => {
    let best: KEvaluation | undefined
    for (const e of sorted) {
      const v = value(e)
      if (!Number.isFinite(v)) continue
      if (!best || (better === 'high' ? v > value(best) : v < value(best))) best = e
    }
    if (best) votes[criterion] = best.k
  }
  pick('silhouette', (e) => e.silhouette, 'high')
  pick('calinskiHarabasz', (e) => e.calinskiHarabasz, 'high')
  pick('daviesBouldin', (e) => e.daviesBouldin, 'low')
  if (kneeK !== null && sorted.some((e) => e.k === kneeK)) votes.elbow = kneeK
  if (sorted.some((e) => e.stability)) pick('stability', (e) => e.stability?.meanAri ?? NaN, 'high')

  const count = (k: number): number => Object.values(votes).filter((v) => v === k).length
  const silhouette = (e: KEvaluation): number => (Number.isFinite(e.silhouette) ? e.silhouette : -Infinity)
  let winner = sorted[0]
  for (const e of sorted) {
    const [c, w] = [count(e.k), count(winner.k)]
    if (c > w || (c === w && silhouette(e) > silhouette(winner))) winner = e
  }
  const agreeing = (Object.keys(votes) as KCriterion[]).filter((c) => votes[c] === winner.k)
  const most = agreeing.length
  return {
    k: winner.k,
    votes,
    agreeing,
    voted: Object.keys(votes).length,
    tiedWith: most === 0 ? [] : sorted.filter((e) => e.k !== winner.k && count(e.k) === most).map((e) => e.k),
  }
}
