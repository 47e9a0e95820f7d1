/**
 * When a number of segments outside the preferred range (the 3–8 a business can act on) stands anyway: the criteria
 * must clearly say so. Clearly means its segments are clearly separated — silhouette at least 0.5, the "reasonable
 * structure" of Kaufman & Rousseeuw (1990) and the app's "clearly separated" — no option in the range comes within
 * 0.1 of that silhouette, and most checks point to it.
 */
import type { Tally } from './tally'
import type { KEvaluation } from './types'

export const CLEAR_SILHOUETTE = 0.5
export const CLEAR_MARGIN = 0.1

/** Why the winner outside the range does not stand: weak separation, a close rival in the range, or a minority vote. */
export type Unclear = 'weak' | 'close' | 'minority'

/** Null when the criteria clearly favour `overall.k` over every option in `inRange`. */
export function unclearness(
  overall: Tally,
  candidates: readonly KEvaluation[],
  inRange: readonly KEvaluation[],
): Unclear | null {
  const silhouette = candidates.find((e) => e.k === overall.k)?.silhouette ?? NaN
  if (!(silhouette >= CLEAR_SILHOUETTE)) return 'weak'
  if (!(silhouette - bestSilhouette(inRange) >= CLEAR_MARGIN)) return 'close'
  if (!(overall.agreeing.length * 2 > overall.voted)) return 'minority'
  return null
}

/** The best finite silhouette among the options, −Infinity when none is finite. */
export function bestSilhouette(options: readonly KEvaluation[]): number {
  let best = -Infinity
  for (const e of options) if (Number.isFinite(e.silhouette) && e.silhouette > best) best = e.silhouette
  return best
}
