/**
 * One number of segments to suggest, with reasons a marketer can read. Options whose smallest segment holds less
 * than `minShare` of the customers are left out (unless every option has one). Among the rest the criteria vote
 * (`tally`). With a preferred range (the 3–8 segments a business can act on), a winner outside it stands only when
 * the criteria clearly say so (`clearChoice`): its segments are clearly separated, well ahead of every option in the
 * range, and most checks point to it. Otherwise the vote is held again among the options in the range, and the words
 * say why.
 *
 * Thresholds for "weak" structure follow Kaufman & Rousseeuw (1990): an average silhouette below 0.25 means no
 * substantial structure; stability below 0.6 adjusted Rand means the segments change from sample to sample.
 */
import { UserError } from '../../../shared/errors'
import { tally, type Tally } from './tally'
import { explain, percent, warnings } from './recommendWords'
import { unclearness } from './clearChoice'
import type { KRecommendation, KSweep } from './types'

export interface RecommendOptions {
  /** Smallest acceptable segment, as a share of rows. Default 0.01 (1%). */
  readonly minShare?: number
  /** Prefer a k in this range unless the criteria clearly say otherwise. Default null: the criteria alone decide. */
  readonly preferred?: readonly [number, number] | null
}

export function recommendK(sweep: KSweep, options: RecommendOptions = {}): KRecommendation {
  const minShare = options.minShare ?? 0.01
  if (sweep.evaluations.length === 0) throw new UserError('There are no segmentations to choose from.')
  const all = [...sweep.evaluations].sort((a, b) => a.k - b.k)
  const bigEnough = all.filter((e) => e.smallestShare >= minShare)
  const candidates = bigEnough.length > 0 ? bigEnough : all
  const excluded = bigEnough.length > 0 ? all.filter((e) => e.smallestShare < minShare) : []

  const overall = tally(candidates, sweep.kneeK)
  const range = options.preferred ?? null
  const inRange = range ? candidates.filter((e) => e.k >= range[0] && e.k <= range[1]) : []
  const outside = range !== null && inRange.length > 0 && (overall.k < range[0] || overall.k > range[1])
  const unclear = outside ? unclearness(overall, candidates, inRange) : null
  const inside: Tally | null = outside && unclear !== null ? tally(inRange, sweep.kneeK) : null
  const decided = inside ?? overall
  const evaluation = all.find((e) => e.k === decided.k)!

  return {
    k: decided.k,
    reason: explain({
      n: sweep.n,
      minShare,
      candidates,
      overall,
      inside,
      range: outside ? range : null,
      unclear,
    }),
    votes: decided.votes,
    warnings: warnings(decided, evaluation, excluded, minShare, bigEnough.length === 0, sweep.n),
    excluded: excluded.map((e) => ({
      k: e.k,
      smallestShare: e.smallestShare,
      reason: `a segment would hold under ${percent(minShare)} of customers`,
    })),
    criteriaK: overall.k,
    within: inside ? range : null,
  }
}
