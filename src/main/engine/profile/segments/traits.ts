import type { CategoryProfile, FeatureProfile, Trait } from '../../../../shared/domain/understand'
import { formatPercent, formatValue } from '../wording'
import { featureLabel } from './featureLabel'

/**
 * What sets a segment apart, in words a marketer reads. Numbers and categories are ranked on one scale, the
 * standardised mean difference: for a category that is the smd of its 0/1 indicator, (share − overall share) /
 * √(overall share · (1 − overall share)), so "81% Hotel vs 32% overall" and "2.4× the average Fresh" compete fairly.
 */

/** Below this |smd| a difference is too small to call a trait (Cohen's "small" effect). */
export const MIN_TRAIT_SMD = 0.2
export const MIN_TRAITS = 3
export const MAX_TRAITS = 5
/** A category is a trait only when it is clearly over-represented and common in the segment. */
export const MIN_CATEGORY_LIFT = 1.5
export const MIN_CATEGORY_SHARE = 0.3

export interface RankedTrait {
  readonly trait: Trait
  readonly kind: 'number' | 'category'
  /** Two or three words for a segment name: "High Fresh", "Channel Hotel". */
  readonly short: string
  /** |smd| ≥ MIN_TRAIT_SMD. */
  readonly strong: boolean
  /**
   * Fit for a segment's name. A category that is a bare code ("Channel 2") says nothing to a reader, so it is shown as
   * a trait but kept out of names.
   */
  readonly nameable: boolean
}

/**
 * Every numeric feature and each categorical column's strongest over-represented category (if it passes the lift and
 * share thresholds), strongest first; equal |smd| keep the columns' order, so the ranking is deterministic.
 */
export function rankTraits(
  features: readonly FeatureProfile[],
  categories: readonly CategoryProfile[],
): readonly RankedTrait[] {
  const ranked: RankedTrait[] = features.map(numberTrait)
  for (const column of categories) {
    const trait = categoryTrait(column)
    if (trait) ranked.push(trait)
  }
  return ranked.sort((a, b) => Math.abs(b.trait.smd) - Math.abs(a.trait.smd))
}

/**
 * The 3–5 traits to show: the strong ones, at most five; when fewer than three are strong, the next best make up
 * three and their words say "close to average" (a segment that differs little should read that way).
 */
export function distinguishingTraits(ranked: readonly RankedTrait[]): readonly Trait[] {
  const strong = ranked.filter((r) => r.strong).slice(0, MAX_TRAITS)
  const weak = ranked.filter((r) => !r.strong).slice(0, Math.max(0, MIN_TRAITS - strong.length))
  return [...strong, ...weak].map((r) => r.trait)
}

function numberTrait(f: FeatureProfile): RankedTrait {
  const label = featureLabel(f.feature)
  // A ratio reads naturally only for amounts in the file's units with a positive average ("2.4× the average").
  const ratio = f.units === 'original' && f.overallMean > 0 ? f.mean / f.overallMean : null
  const strong = Math.abs(f.smd) >= MIN_TRAIT_SMD
  const detail =
    ratio !== null
      ? ` (${formatValue(f.mean)} vs ${formatValue(f.overallMean)})`
      : ` (${f.smd >= 0 ? '+' : '−'}${Math.abs(f.smd).toFixed(1)} SD)`
  let words: string
  if (!strong) words = `close to average ${label}`
  else if (ratio !== null && ratio >= 0) words = ratioWords(ratio, label)
  else words = sdWords(f.smd, label)
  return {
    trait: { feature: f.feature, smd: f.smd, ratio, words: words + detail },
    kind: 'number',
    short: `${f.smd >= 0 ? 'High' : 'Low'} ${label}`,
    strong,
    nameable: true,
  }
}

/** "2.4× the average Fresh", "35% above average Milk", "about half the average Grocery", "30% below average …". */
export function ratioWords(ratio: number, label: string): string {
  if (ratio >= 1.5) return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}× the average ${label}`
  const percent = Math.round(Math.abs(ratio - 1) * 100)
  if (ratio >= 1) return percent < 1 ? `slightly above average ${label}` : `${percent}% above average ${label}`
  if (ratio >= 0.45 && ratio <= 0.55) return `about half the average ${label}`
  if (ratio >= 0.3 && ratio <= 0.36) return `about a third of the average ${label}`
  return percent < 1 ? `slightly below average ${label}` : `${percent}% below average ${label}`
}

/** For columns without a meaningful ratio (prepared scores, averages at or below 0): distance in standard deviations. */
function sdWords(smd: number, label: string): string {
  const size = Math.abs(smd)
  const degree = size >= 1.5 ? 'far ' : size >= 0.8 ? 'well ' : size >= 0.5 ? '' : 'slightly '
  return `${degree}${smd >= 0 ? 'above' : 'below'} average on ${label}`
}

function categoryTrait(column: CategoryProfile): RankedTrait | null {
  let best: RankedTrait | null = null
  for (const s of column.shares) {
    if (s.lift === null || s.lift < MIN_CATEGORY_LIFT || s.share < MIN_CATEGORY_SHARE) continue
    const sd = Math.sqrt(s.overallShare * (1 - s.overallShare))
    if (!(sd > 0)) continue
    const smd = (s.share - s.overallShare) / sd
    if (best !== null && smd <= best.trait.smd) continue
    const label = featureLabel(column.feature)
    const words = `${s.share >= 0.5 ? 'mostly' : 'often'} ${label} = ${s.category} (${formatPercent(s.share)} vs ${formatPercent(s.overallShare)} overall)`
    best = {
      trait: { feature: column.feature, smd, ratio: s.lift, words },
      kind: 'category',
      short: `${label} ${s.category}`,
      strong: Math.abs(smd) >= MIN_TRAIT_SMD,
      nameable: !/^[-+]?\d+([.,]\d+)?$/.test(s.category.trim()),
    }
  }
  return best
}
