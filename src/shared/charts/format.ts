/**
 * Numbers as people read them, for chart labels and for the screens around the charts alike: the renderer's
 * `ui/format` re-exports these, so a count reads the same in a table, a tooltip and the printed report. The locale is
 * the runtime's (the user's in the renderer), so a German marketer sees "4.119" where an American sees "4,119".
 */
import { nameWords } from '../nameWords'

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const significant = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 4 })
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })

/** "4,119"; a dash for NaN or ±Infinity so a broken value never reads as a count. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? integer.format(n) : '—'
}

/**
 * Below this a value is floating-point residue, not data: the average of a 0/1 column computed through scaling and
 * back comes out as −1.7e−16 where it is 0. Customer data has no real values this small.
 */
export const floatResidue = 1e-9

/** The value, with residue (and −0) made 0. */
export function withoutResidue(n: number): number {
  return Math.abs(n) < floatResidue ? 0 : n
}

/**
 * A measurement: four significant digits for small values ("0.1234", "12.35"), whole numbers with separators for large
 * ones ("12,346" rather than "12,350", which would invent a rounding the data does not have), residue as "0".
 */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  const v = withoutResidue(n)
  return Math.abs(v) >= 10_000 ? integer.format(v) : significant.format(v)
}

/**
 * How to write the values of a column: a year column ("Year_Birth", "year", "YOB") writes its years as calendars do,
 * "1940" rather than "1,940"; anything else, and any value of a year column that is not a whole year, as
 * `formatNumber`.
 */
export function valueFormatFor(columnName: string): (n: number) => string {
  const words = nameWords(columnName)
  return words.includes('year') || words.includes('yob') ? formatYearValue : formatNumber
}

function formatYearValue(n: number): string {
  return Number.isInteger(n) && n >= 1000 && n <= 2999 ? String(n) : formatNumber(n)
}

/**
 * A share 0..1 on a chart label as "14%", keeping one decimal below 10% ("0.4%", "3.5%") and "<0.1%" below that, so a
 * small segment never reads as empty. Tables use `ui/format`'s `formatPercent`, which rounds whole above 1%.
 */
export function chartPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—'
  const percent = fraction * 100
  if (percent > 0 && percent < 0.05) return '<0.1%'
  return `${percent > 0 && percent < 10 ? oneDecimal.format(percent) : integer.format(percent)}%`
}
