/**
 * One number of segments to suggest, with reasons a marketer can read. Each criterion votes for its favourite k —
 * best silhouette, best Calinski–Harabasz, best Davies–Bouldin, the elbow of the inertia curve and, when measured,
 * the most stable k — among the ks whose smallest segment holds at least `minShare` of the customers. The k with most
 * votes wins; ties go to the better silhouette, then to fewer segments (simpler to act on).
 *
 * Thresholds for "weak" structure follow Kaufman & Rousseeuw (1990): an average silhouette below 0.25 means no
 * substantial structure; stability below 0.6 adjusted Rand means the segments change from sample to sample.
 */
import { UserError } from '../../../shared/errors'
import type { KCriterion, KEvaluation, KRecommendation, KSweep } from './types'

export interface RecommendOptions {
  /** Smallest acceptable segment, as a share of rows. Default 0.01 (1%). */
  readonly minShare?: number
}

const WEAK_SILHOUETTE = 0.25
const UNSTABLE_ARI = 0.6

/** What each criterion means, in words for someone who has never heard of it. */
const MEANING: Record<KCriterion, string> = {
  silhouette: 'customers are clearly closer to their own segment than to any other',
  calinskiHarabasz: 'segments are tight compared with the gaps between them',
  daviesBouldin: 'segments overlap least',
  elbow: 'adding another segment stops making the segments much tighter',
  stability: 'the same segments come back when we re-run on different samples of customers',
}

const SHORT: Record<KCriterion, string> = {
  silhouette: 'clear separation',
  calinskiHarabasz: 'tightness',
  daviesBouldin: 'least overlap',
  elbow: 'the elbow',
  stability: 'stability',
}

export function recommendK(sweep: KSweep, options: RecommendOptions = {}): KRecommendation {
  const minShare = options.minShare ?? 0.01
  if (sweep.evaluations.length === 0) throw new UserError('There are no segmentations to choose from.')
  const all = [...sweep.evaluations].sort((a, b) => a.k - b.k)
  const bigEnough = all.filter((e) => e.smallestShare >= minShare)
  const candidates = bigEnough.length > 0 ? bigEnough : all
  const allowed = new Set(candidates.map((e) => e.k))

  const votes: Partial<Record<KCriterion, number>> = {}
  const pick = (criterion: KCriterion, value: (e: KEvaluation) => number, better: 'high' | 'low'): void => {
    let best: KEvaluation | undefined
    for (const e of candidates) {
      const v = value(e)
      if (!Number.isFinite(v)) continue
      if (!best || (better === 'high' ? v > value(best) : v < value(best))) best = e
    }
    if (best) votes[criterion] = best.k
  }
  pick('silhouette', (e) => e.silhouette, 'high')
  pick('calinskiHarabasz', (e) => e.calinskiHarabasz, 'high')
  pick('daviesBouldin', (e) => e.daviesBouldin, 'low')
  if (sweep.kneeK !== null && allowed.has(sweep.kneeK)) votes.elbow = sweep.kneeK
  if (candidates.some((e) => e.stability)) pick('stability', (e) => e.stability?.meanAri ?? NaN, 'high')

  const tally = new Map<number, KCriterion[]>()
  for (const [criterion, k] of Object.entries(votes) as [KCriterion, number][]) {
    tally.set(k, [...(tally.get(k) ?? []), criterion])
  }
  const silhouetteOf = (k: number): number => all.find((e) => e.k === k)?.silhouette ?? -Infinity
  let chosen = candidates[0].k
  let chosenVotes = -1
  for (const e of candidates) {
    const count = tally.get(e.k)?.length ?? 0
    const s = Number.isFinite(e.silhouette) ? e.silhouette : -Infinity
    if (count > chosenVotes || (count === chosenVotes && s > silhouetteOf(chosen))) {
      chosen = e.k
      chosenVotes = count
    }
  }
  const evaluation = all.find((e) => e.k === chosen)!
  const agreeing = tally.get(chosen) ?? []
  const voted = Object.keys(votes).length

  return {
    k: chosen,
    reason: explain(chosen, agreeing, voted, sweep.n),
    votes,
    warnings: warnings(chosen, evaluation, votes, all, minShare, bigEnough.length === 0, sweep.n),
  }
}

function explain(k: number, agreeing: KCriterion[], voted: number, rows: number): string {
  const lead = `We suggest ${k} segments for these ${rows.toLocaleString('en-US')} customers.`
  if (agreeing.length === 0)
    return `${lead} No single check stood out, so this is the option whose segments are most clearly separated.`
  const because = agreeing.map((c) => MEANING[c])
  const list =
    because.length === 1 ? because[0] : `${because.slice(0, -1).join('; ')}; and ${because[because.length - 1]}`
  const agreement =
    agreeing.length === voted ? `All ${voted} checks point here` : `${agreeing.length} of ${voted} checks point here`
  return `${lead} ${agreement}: with ${k} segments, ${list}.`
}

function warnings(
  k: number,
  chosen: KEvaluation,
  votes: Partial<Record<KCriterion, number>>,
  all: KEvaluation[],
  minShare: number,
  noneBigEnough: boolean,
  rows: number,
): string[] {
  const out: string[] = []
  const others = (Object.entries(votes) as [KCriterion, number][]).filter(([, v]) => v !== k)
  if (others.length > 0) {
    const byK = new Map<number, string[]>()
    for (const [c, v] of others) byK.set(v, [...(byK.get(v) ?? []), SHORT[c]])
    const parts = [...byK.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([v, cs]) => `${cs.join(' and ')} favour${cs.length === 1 ? 's' : ''} ${v}`)
    out.push(
      `The checks do not all agree: ${parts.join(', ')}. Compare the segment profiles for those options before deciding.`,
    )
  }
  const pct = (share: number): string => `${(share * 100).toFixed(share < 0.001 ? 2 : 1)}%`
  if (chosen.smallestShare < minShare) {
    const people = Math.round(chosen.smallestShare * rows)
    out.push(
      `With ${k} segments the smallest holds only ${pct(chosen.smallestShare)} of customers (${people.toLocaleString('en-US')}); ` +
        `every option tried has a segment this small, which often means a handful of unusual customers (outliers).`,
    )
  } else if (!noneBigEnough) {
    const tiny = all.filter((e) => e.smallestShare < minShare).map((e) => e.k)
    if (tiny.length > 0) {
      out.push(
        `We did not consider ${listKs(tiny)} segments: one of their segments would hold less than ${pct(minShare)} of customers.`,
      )
    }
  }
  if (Number.isFinite(chosen.silhouette) && chosen.silhouette < WEAK_SILHOUETTE) {
    out.push(
      `The segments overlap a lot (silhouette ${chosen.silhouette.toFixed(2)}): customers do not fall into clearly separate groups, ` +
        'so treat the segments as convenient slices rather than distinct types.',
    )
  }
  if (chosen.stability && chosen.stability.meanAri < UNSTABLE_ARI) {
    out.push(
      `The segments change noticeably when we re-run on other samples of customers (stability ${chosen.stability.meanAri.toFixed(2)} out of 1).`,
    )
  }
  return out
}

function listKs(ks: number[]): string {
  return ks.length === 1 ? `${ks[0]}` : `${ks.slice(0, -1).join(', ')} or ${ks[ks.length - 1]}`
}
