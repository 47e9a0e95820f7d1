/**
 * A segment rule in words — "Annual income > 70 and spending score ≤ 40 → Segment 3" — for the Understand screen, the
 * exports and the printed report alike, so that a rule reads the same everywhere. Pure: no runtime imports.
 */
import type { SegmentRule } from './domain/understand'

/** Formats a threshold for display; gets the feature too, so a caller can apply its units ("$70k", "12 days"). */
export type ThresholdFormat = (feature: string, value: number) => string

// The runtime's locale, as in charts/format: the renderer shows the user's separators ("1,234" or "1.234").
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const threeDigits = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 3 })

/**
 * The default threshold format: whole numbers in full with thousands separators ("12,669"); others to 3 significant
 * digits ("2.45", "0.0123", "70.5"), but never rounding away whole digits ("1,185" for 1184.5, not "1,180"). Display
 * rounding can move a boundary by that last digit; the rule itself keeps the exact threshold.
 */
export function formatThreshold(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Number.isInteger(value) || Math.abs(value) >= 100) return whole.format(value)
  return threeDigits.format(value)
}

/** A column name as words: underscores and runs of spaces become single spaces ("Detergents_Paper" → "Detergents Paper"). */
export function featureWords(feature: string): string {
  return feature.replace(/[_\s]+/g, ' ').trim()
}

/**
 * "Annual income > 70 and spending score ≤ 40 → Segment 3": the conditions in path order joined by "and", the
 * sentence's first letter capitalised (other letters kept, so acronyms such as "RFM" survive). A rule without
 * conditions (a tree that could not split) reads "All customers → Segment 1".
 */
export function ruleText(
  rule: SegmentRule,
  segmentName: (segment: number) => string,
  formatValue: ThresholdFormat = (_feature, value) => formatThreshold(value),
): string {
  const conditions = rule.conditions.map(
    (c) => `${featureWords(c.feature)} ${c.op === '<=' ? '≤' : '>'} ${formatValue(c.feature, c.threshold)}`,
  )
  const when = conditions.length === 0 ? 'All customers' : conditions.join(' and ')
  return `${when.charAt(0).toUpperCase()}${when.slice(1)} → ${segmentName(rule.segment)}`
}
