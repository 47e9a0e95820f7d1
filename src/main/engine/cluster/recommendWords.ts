/**
 * The words of a recommended number of segments. Every claim names the check it rests on with the same name as the
 * chart that shows it ("Silhouette", "Calinski–Harabasz", …), and every claim is true of the sweep: a property test
 * parses these sentences and checks them (test/unit/cluster/recommendClaims.test.ts), so change both together.
 */
import { kCriterionNames } from '../../../shared/domain/cluster'
import type { Tally } from './tally'
import type { KCriterion, KEvaluation } from './types'
import { bestSilhouette, CLEAR_MARGIN, CLEAR_SILHOUETTE, type Unclear } from './clearChoice'

/** What each criterion means, in words for someone who has never heard of it. */
const MEANING: Record<KCriterion, string> = {
  silhouette: 'customers are clearly closer to their own segment than to any other',
  calinskiHarabasz: 'segments are tight compared with the gaps between them',
  daviesBouldin: 'segments overlap least',
  elbow: 'adding another segment stops making the segments much tighter',
  stability: 'the same segments come back when we re-run on different samples of customers',
}

/** The criterion's name as its chart is titled; the elbow is a point on the "Spread within segments" chart. */
export function criterionName(c: KCriterion): string {
  return c === 'elbow' ? `the elbow of ${kCriterionNames.inertia}` : kCriterionNames[c]
}

const WEAK_SILHOUETTE = 0.25
const UNSTABLE_ARI = 0.6

export interface Explained {
  readonly n: number
  readonly minShare: number
  readonly candidates: readonly KEvaluation[]
  /** The vote among every option considered. */
  readonly overall: Tally
  /** The vote among the preferred range, when it decided. */
  readonly inside: Tally | null
  /** The preferred range when the overall winner fell outside it, else null. */
  readonly range: readonly [number, number] | null
  readonly unclear: Unclear | null
}

export function explain(e: Explained): string {
  const decided = e.inside ?? e.overall
  const k = decided.k
  const lead = `We suggest ${k} segments for these ${e.n.toLocaleString('en-US')} customers.`
  if (e.candidates.length === 1) {
    return `${lead} It is the only option tried in which every segment holds at least ${percent(e.minShare)} of customers.`
  }
  const body = `${because(decided, k, 'here')}${tie(decided, e.candidates)}`
  if (!e.range) return `${lead} ${body}`
  const [lo, hi] = e.range
  const span = `${lo} to ${hi}`
  const o = e.overall.k
  const fewer = o < lo ? 'fewer' : 'more'
  if (!e.inside) {
    const best = bestSilhouette(e.candidates.filter((c) => c.k >= lo && c.k <= hi))
    return (
      `${lead} That is ${fewer} than the ${span} segments a business usually works with, but the checks clearly say ${k}: ` +
      `its segments are clearly separated (Silhouette ${fixed(silhouetteOf(e.candidates, k))}, ` +
      `${Number.isFinite(best) ? `against at most ${fixed(best)}` : 'none could be computed'} with ${span} segments). ${body}`
    )
  }
  return (
    `${lead} The checks alone lean to ${o} (${lowerFirst(agreement(e.overall, 'there'))}), but ${o} segments are ` +
    `${o < lo ? 'too few' : 'too many'} to act on and ${notClear(e, lo, hi)}. Among ${span} segments, ${lowerFirst(body)}`
  )
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function because(t: Tally, k: number, where: 'here' | 'there'): string {
  // The winner has the most votes, so it has none only when no criterion could be computed: the tally then keeps
  // the fewest segments.
  if (t.agreeing.length === 0) return 'No check could be computed, so this is the fewest segments tried.'
  const list = t.agreeing.map((c) => `${MEANING[c]} (${criterionName(c)})`)
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join('; ')}; and ${list[list.length - 1]}`
  return `${agreement(t, where)}: with ${k} segments, ${joined}.`
}

/** "All 4 checks point here" or "2 of 4 checks point here". */
function agreement(t: Tally, where: 'here' | 'there'): string {
  const n = t.agreeing.length
  return n === t.voted && n > 1 ? `All ${n} checks point ${where}` : `${n} of ${t.voted} checks point ${where}`
}

function tie(t: Tally, candidates: readonly KEvaluation[]): string {
  if (t.tiedWith.length === 0) return ''
  // The tally's tie-break: the better silhouette (a missing one counts as worst), then the fewer segments.
  const sil = (k: number): number => {
    const s = silhouetteOf(candidates, k)
    return Number.isFinite(s) ? s : -Infinity
  }
  const worse = t.tiedWith.filter((k) => sil(k) < sil(t.k)).length
  const why =
    worse === t.tiedWith.length
      ? 'for its better Silhouette'
      : worse === 0
        ? 'as the simpler option (fewer segments, same Silhouette)'
        : 'for its Silhouette (none is better), then as the simpler option (fewer segments)'
  return ` As many checks point to ${listKs(t.tiedWith)}; ${t.k} is chosen ${why}.`
}

function notClear(e: Explained, lo: number, hi: number): string {
  const s = silhouetteOf(e.candidates, e.overall.k)
  if (e.unclear === 'weak') return `not clearly separated (Silhouette ${fixed(s)}, under ${CLEAR_SILHOUETTE})`
  if (e.unclear === 'close') {
    const best = bestSilhouette(e.candidates.filter((c) => c.k >= lo && c.k <= hi))
    return (
      `hardly better separated than with ${lo} to ${hi} segments ` +
      `(Silhouette ${fixed(s)} against ${fixed(best)}, less than ${CLEAR_MARGIN} apart)`
    )
  }
  return 'not favoured by most checks'
}

function silhouetteOf(candidates: readonly KEvaluation[], k: number): number {
  return candidates.find((c) => c.k === k)?.silhouette ?? NaN
}

function fixed(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : 'not available'
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.001 ? 2 : 1)}%`
}

export function warnings(
  decided: Tally,
  chosen: KEvaluation,
  excluded: readonly KEvaluation[],
  minShare: number,
  noneBigEnough: boolean,
  rows: number,
): string[] {
  const out: string[] = []
  const k = decided.k
  const others = (Object.entries(decided.votes) as [KCriterion, number][]).filter(([, v]) => v !== k)
  if (others.length > 0) {
    const byK = new Map<number, string[]>()
    for (const [c, v] of others) byK.set(v, [...(byK.get(v) ?? []), criterionName(c)])
    const parts = [...byK.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([v, cs]) => `${cs.join(' and ')} favour${cs.length === 1 ? 's' : ''} ${v}`)
    out.push(
      `The checks do not all agree: ${parts.join(', ')}. Compare the segment profiles for those options before deciding.`,
    )
  }
  if (chosen.smallestShare < minShare) {
    const people = Math.round(chosen.smallestShare * rows)
    out.push(
      `With ${k} segments the smallest holds only ${percent(chosen.smallestShare)} of customers (${people.toLocaleString('en-US')}); ` +
        `every option tried has a segment this small, which often means a handful of unusual customers (outliers).`,
    )
  } else if (!noneBigEnough && excluded.length > 0) {
    out.push(
      `We did not consider ${listKs(excluded.map((e) => e.k))} segments: one of their segments would hold less than ${percent(minShare)} of customers.`,
    )
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

function listKs(ks: readonly number[]): string {
  return ks.length === 1 ? `${ks[0]}` : `${ks.slice(0, -1).join(', ')} or ${ks[ks.length - 1]}`
}
