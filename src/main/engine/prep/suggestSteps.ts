import type { ColumnProfile, FrameProfile, PrepStepInput, StepSuggestion } from '../../../shared/domain/prep'
import { isBirthYearName } from '../../../shared/birthYear'
import { prepStepSchema } from '../../../shared/domain/prep'
import { STRONG_SKEW, MODERATE_SKEW } from '../profile/describeQuality'
import { MAX_AGE } from './ageStep'
import { countOf, formatPercent, formatValue, listNames, noun } from '../profile/wording'

export interface SuggestOptions {
  /** What a row is, plural (default "customers"). */
  readonly entityNoun?: string
  readonly entitySingular?: string
}

/** Above this share of missing values a column is better dropped than filled. */
export const DROP_MISSING_SHARE = 0.5
/** Categories with at most this many values are one-hot encoded; more would add too many columns. */
export const ONE_HOT_MAX_VALUES = 10
/** Birth years before this are not offered as ages: in customer data they are typos or placeholders. */
export const EARLIEST_BIRTH_YEAR = 1900

/**
 * Steps worth considering before clustering, in the order they should run: remove duplicate rows; drop identifier,
 * constant and mostly empty columns; fill gaps (median for skewed numbers, mean otherwise, most frequent value for
 * categories); turn years of birth into ages; tame strong right skew (log for non-negative columns, Yeo-Johnson
 * otherwise); one-hot encode small categories; standardise the numeric columns. Each comes with one sentence, phrased
 * as a question. Every suggestion names the columns as profiled, so that any of them can be skipped: the Prepare
 * screen renames Year_Birth to Age in a later one when it adds it after the age step.
 */
export function suggestSteps(profile: FrameProfile, options: SuggestOptions = {}): StepSuggestion[] {
  const entity = noun(options.entityNoun ?? 'customers', options.entitySingular)
  const out: StepSuggestion[] = []
  const suggest = (step: PrepStepInput, why: string) => out.push({ step: prepStepSchema.parse(step), why })
  const rows = profile.rowCount

  if (profile.duplicates.count > 0) {
    const n = profile.duplicates.count
    suggest(
      { id: 'suggested-removeDuplicates', kind: 'removeDuplicates' },
      `${countOf(n, noun('rows'))} ${n === 1 ? 'repeats' : 'repeat'} an earlier row exactly: remove the copies?`,
    )
  }

  const dropped = new Set<string>()
  for (const col of profile.columns) {
    const reason = dropReason(col, rows, entity.plural)
    if (!reason) continue
    dropped.add(col.name)
    suggest({ id: `suggested-drop-${col.name}`, kind: 'dropColumns', columns: [col.name] }, reason)
  }
  const usable = profile.columns.filter((c) => !dropped.has(c.name))

  for (const col of usable) {
    if (col.missing === 0) continue
    const lead = `${col.name} is missing for ${countOf(col.missing, entity)}`
    if (col.kind === 'number' && col.numeric) {
      const skewed = Math.abs(col.numeric.skewness ?? 0) >= MODERATE_SKEW
      const strategy = skewed ? 'median' : 'mean'
      const value = skewed ? col.numeric.median : col.numeric.mean
      suggest(
        { id: `suggested-impute-${col.name}`, kind: 'impute', columns: [col.name], strategy },
        `${lead}: fill with the ${strategy} (${formatValue(value)})?`,
      )
    } else if (col.kind === 'category' && col.top.length > 0) {
      suggest(
        { id: `suggested-impute-${col.name}`, kind: 'impute', columns: [col.name], strategy: 'mode' },
        `${lead}: fill with the most frequent value ("${col.top[0].value}")?`,
      )
    }
  }

  // Before skew and scaling, so that these act on the age rather than on the years.
  const thisYear = new Date().getFullYear()
  for (const col of usable) {
    if (!looksLikeBirthYears(col, thisYear)) continue
    const n = col.numeric!
    const odd = n.min < thisYear - MAX_AGE || n.max > thisYear
    suggest(
      // The year is pinned in the step, so the ages of a saved pipeline do not move on 1 January.
      { id: `suggested-age-${col.name}`, kind: 'age', columns: [col.name], referenceYear: thisYear },
      `${col.name} holds years of birth: use the age instead (${thisYear} − year), which reads more naturally in segment profiles?` +
        (odd
          ? ` The few impossible years (such as ${n.min < thisYear - MAX_AGE ? n.min : n.max}) would be left empty.`
          : ''),
    )
  }

  const skewed = usable.filter((c) => c.kind === 'number' && c.numeric && (c.numeric.skewness ?? 0) >= STRONG_SKEW)
  const logFriendly = skewed.filter((c) => c.numeric!.min >= 0).map((c) => c.name)
  const others = skewed.filter((c) => c.numeric!.min < 0).map((c) => c.name)
  if (logFriendly.length > 0) {
    suggest(
      { id: 'suggested-log', kind: 'transform', columns: logFriendly, method: 'log1p' },
      `${listNames(logFriendly)} ${logFriendly.length === 1 ? 'is' : 'are'} strongly right-skewed: take logs so that a few very large values do not dominate?`,
    )
  }
  if (others.length > 0) {
    suggest(
      { id: 'suggested-yeoJohnson', kind: 'transform', columns: others, method: 'yeoJohnson' },
      `${listNames(others)} ${others.length === 1 ? 'is' : 'are'} strongly skewed and ${others.length === 1 ? 'has' : 'have'} negative values: apply a Yeo-Johnson transform to even ${others.length === 1 ? 'it' : 'them'} out?`,
    )
  }

  const small = usable
    .filter((c) => c.kind === 'category' && c.distinct >= 2 && c.distinct <= ONE_HOT_MAX_VALUES)
    .map((c) => c.name)
  if (small.length > 0) {
    suggest(
      { id: 'suggested-oneHot', kind: 'encode', columns: small, method: 'oneHot' },
      `${listNames(small)} ${small.length === 1 ? 'has' : 'have'} only a few values: turn ${small.length === 1 ? 'it' : 'them'} into 0/1 columns so clustering can use ${small.length === 1 ? 'it' : 'them'}?`,
    )
  }

  const numeric = usable.filter((c) => c.kind === 'number' && c.numeric && c.distinct > 1)
  if (numeric.length >= 2) {
    const widest = numeric.reduce((a, b) => (spread(b) > spread(a) ? b : a))
    const narrowest = numeric.reduce((a, b) => (spread(b) < spread(a) ? b : a))
    suggest(
      { id: 'suggested-scale', kind: 'scale', columns: numeric.map((c) => c.name), method: 'standard' },
      `The numbers are on different scales (${widest.name} spans ${formatValue(spread(widest))}, ${narrowest.name} ${formatValue(spread(narrowest))}): standardise them before clustering so that no column dominates?`,
    )
  }
  return out
}

function dropReason(col: ColumnProfile, rows: number, plural: string): string | null {
  if (col.idLike) return `${col.name} looks like an identifier, which says nothing about ${plural}: leave it out?`
  if (rows > 0 && col.count === 0) return `${col.name} is empty: drop it?`
  if (rows > 0 && col.missing / rows > DROP_MISSING_SHARE) {
    return `${col.name} is missing for ${formatPercent(col.missing / rows)} of ${plural}, too many to fill in: drop the column?`
  }
  if (col.distinct === 1)
    return `${col.name} has the same value for all ${plural}, so it cannot tell them apart: drop it?`
  if (col.kind === 'text') return `${col.name} is free text, which clustering cannot use: leave it out?`
  return null
}

/**
 * Named for birth (Year_Birth, yob) and whole years, at least 98% of them from `EARLIEST_BIRTH_YEAR` to this year: a
 * year of orders is not offered, and neither is a column of mostly odd years; the odd few of a real birth-year column
 * (the marketing data's 1893) do not hide the offer — the age step leaves them empty and says so.
 */
function looksLikeBirthYears(col: ColumnProfile, thisYear: number): boolean {
  const n = col.numeric
  if (col.kind !== 'number' || n === null || !n.allIntegers || !isBirthYearName(col.name)) return false
  const at = (p: number) => n.quantiles[n.quantileProbabilities.indexOf(p)]
  const low = n.quantileProbabilities.includes(0.01) ? at(0.01) : n.min
  const high = n.quantileProbabilities.includes(0.99) ? at(0.99) : n.max
  return low >= EARLIEST_BIRTH_YEAR && high <= thisYear
}

function spread(col: ColumnProfile): number {
  return col.numeric ? col.numeric.max - col.numeric.min : 0
}
