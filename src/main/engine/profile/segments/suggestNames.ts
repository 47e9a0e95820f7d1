import type { FeatureProfile } from '../../../../shared/domain/understand'
import { formatCount } from '../wording'
import { ratioWords, type RankedTrait } from './traits'

/**
 * A suggested name and a one-sentence reason for each segment, distinct within the run.
 *
 * RFM tables (numeric columns `recency_days`, `frequency` and `monetary`, as `rfmToFrame` writes them) get the
 * standard RFM vocabulary (see prep/rfm/segments.ts) from each segment's recency and frequency levels, with spend in
 * the reason. Other tables are named after their two strongest traits: "High Fresh · Low Grocery".
 *
 * Names that collide take the next trait of each segment ("… · High Milk") until they differ, and a number only when
 * the traits run out. Everything depends only on the profiles and their order, so the same run gets the same names.
 */

export interface NamingInput {
  readonly size: number
  readonly features: readonly FeatureProfile[]
  /** From `rankTraits`, strongest first. */
  readonly ranked: readonly RankedTrait[]
}

export interface SuggestedName {
  readonly name: string
  readonly reason: string
}

/** |smd| at which a segment's recency, frequency or spend counts as high or low rather than middling. */
export const RFM_LEVEL_SMD = 0.25
/** Low recency and frequency this far above average (with high spend) is "Can't lose them" rather than "At risk". */
const CANT_LOSE_FREQUENCY_SMD = 1

const RFM_COLUMNS = { recency: 'recency_days', frequency: 'frequency', monetary: 'monetary' } as const

type Level = 'high' | 'mid' | 'low'

interface Draft {
  readonly name: string
  readonly reason: string
  /** Short words to append, in order, when the name collides with another segment's. */
  readonly qualifiers: readonly string[]
}

export function suggestNames(segments: readonly NamingInput[]): SuggestedName[] {
  const rfm = segments.length > 0 && isRfm(segments[0].features)
  const drafts = segments.map((s) => (s.size === 0 ? emptyDraft() : rfm ? rfmDraft(s) : traitDraft(s)))
  const names = distinctNames(drafts)
  return drafts.map((d, j) => ({ name: names[j], reason: d.reason }))
}

/** A segment spending this many times the average is in a class of its own among look-alikes. */
const TOP_SPEND_RATIO = 5
const RFM_SCORES = ['R', 'F', 'M']

function isRfm(features: readonly FeatureProfile[]): boolean {
  return Object.values(RFM_COLUMNS).every((name) => features.some((f) => f.feature === name))
}

function emptyDraft(): Draft {
  return { name: 'Empty segment', reason: 'No customers are in this segment.', qualifiers: [] }
}

function level(smd: number): Level {
  return smd >= RFM_LEVEL_SMD ? 'high' : smd <= -RFM_LEVEL_SMD ? 'low' : 'mid'
}

/**
 * Recency (higher is better, so the sign of its smd is flipped) × frequency → the RFM map's name. Only "Champions"
 * carries "-like": a cluster's averages resemble the RFM Champions without every member scoring 5, and the table's
 * own RFM segment column may use the plain name for exactly those customers.
 */
function rfmName(r: Level, f: Level, frequencySmd: number, m: Level): string {
  if (r === 'high') return f === 'high' ? 'Champions-like' : f === 'mid' ? 'Potential loyalists' : 'New customers'
  if (r === 'mid') return f === 'high' ? 'Loyal customers' : f === 'mid' ? 'Need attention' : 'About to sleep'
  if (f === 'high') return frequencySmd >= CANT_LOSE_FREQUENCY_SMD && m === 'high' ? "Can't lose them" : 'At risk'
  return f === 'mid' ? 'At risk' : 'Hibernating'
}

function rfmDraft(s: NamingInput): Draft {
  const column = (name: string) => s.features.find((f) => f.feature === name)!
  const recency = column(RFM_COLUMNS.recency)
  const frequency = column(RFM_COLUMNS.frequency)
  const monetary = column(RFM_COLUMNS.monetary)
  const r = level(-recency.smd)
  const f = level(frequency.smd)
  const m = level(monetary.smd)
  const inUnits = (p: FeatureProfile) => p.units === 'original'
  const when = r === 'high' ? 'Bought recently' : r === 'mid' ? 'Bought a while ago' : 'Bought long ago'
  const days = inUnits(recency)
    ? ` (${formatCount(recency.mean)} days vs ${formatCount(recency.overallMean)} on average)`
    : ''
  const often = f === 'high' ? 'often' : f === 'mid' ? 'about as often as most' : 'rarely'
  const orders = inUnits(frequency)
    ? ` (${oneDecimal(frequency.mean)} vs ${oneDecimal(frequency.overallMean)} orders)`
    : ''
  const reason = `${when}${days}, ${often}${orders} and ${spendWords(monetary)}.`
  // Two segments with one RFM name differ most in how much they spend: say so first ("Top spenders"), then in their
  // other numeric traits. The table's own RFM columns (segment, R, F, M scores) would only repeat the RFM name.
  const ratio = inUnits(monetary) && monetary.overallMean > 0 ? monetary.mean / monetary.overallMean : null
  const spend =
    m === 'high'
      ? [ratio !== null && ratio >= TOP_SPEND_RATIO ? 'Top spenders' : 'High spend']
      : m === 'low'
        ? ['Low spend']
        : []
  const others = s.ranked
    .filter((t) => t.strong && t.kind === 'number' && !Object.values<string>(RFM_COLUMNS).includes(t.trait.feature))
    .filter((t) => !RFM_SCORES.includes(t.trait.feature))
    .map((t) => t.short)
  return { name: rfmName(r, f, frequency.smd, m), reason, qualifiers: [...spend, ...others] }
}

/** "spends 2.1× the average", "spends about the average", "spends 40% below average" (no column name: it is money). */
function spendWords(monetary: FeatureProfile): string {
  if (monetary.units === 'original' && monetary.overallMean > 0 && monetary.mean >= 0) {
    const ratio = monetary.mean / monetary.overallMean
    if (Math.abs(ratio - 1) < 0.05) return 'spends about the average'
    return `spends ${ratioWords(ratio, '').trimEnd()}`
  }
  const m = level(monetary.smd)
  return m === 'high' ? 'spends more than most' : m === 'low' ? 'spends less than most' : 'spends about the average'
}

function oneDecimal(v: number): string {
  return Math.abs(v) >= 100 ? formatCount(v) : v.toFixed(1)
}

function traitDraft(s: NamingInput): Draft {
  const allStrong = s.ranked.filter((t) => t.strong)
  const nameable = allStrong.filter((t) => t.nameable)
  const strong = nameable.length > 0 ? nameable : allStrong
  if (strong.length === 0)
    return {
      name: 'Typical customers',
      reason: 'Close to the average on every feature: nothing sets these customers apart.',
      qualifiers: [],
    }
  const named = strong.slice(0, 2)
  const words = named.map((t) => t.trait.words)
  return {
    name: named.map((t) => t.short).join(' · '),
    reason: `Set apart by ${words.join(' and ')}.`,
    qualifiers: strong.slice(2).map((t) => t.short),
  }
}

/**
 * Appends qualifiers to colliding names, one round at a time, for every member of a collision that has one left; a
 * collision no member can qualify further numbers its later members ("Typical customers 2") in segment order.
 */
function distinctNames(drafts: readonly Draft[]): string[] {
  const names = drafts.map((d) => d.name)
  const used = drafts.map(() => 0)
  for (;;) {
    const groups = new Map<string, number[]>()
    names.forEach((name, j) => groups.set(name, [...(groups.get(name) ?? []), j]))
    const collisions = [...groups.values()].filter((g) => g.length > 1)
    if (collisions.length === 0) return names
    for (const group of collisions) {
      const advancing = group.filter((j) => used[j] < drafts[j].qualifiers.length)
      for (const j of advancing) names[j] = `${names[j]} · ${drafts[j].qualifiers[used[j]++]}`
      if (advancing.length > 0) continue
      const taken = new Set(names)
      for (const j of group.slice(1)) {
        let number = 2
        while (taken.has(`${names[j]} ${number}`)) number++
        names[j] = `${names[j]} ${number}`
        taken.add(names[j])
      }
    }
  }
}
