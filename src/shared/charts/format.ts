/**
 * Number formats for chart labels. The renderer's `ui/format` has the same rules, but shared code may not import the
 * renderer, and the report formats on the server; locale is the runtime's.
 */

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const significant = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 4 })
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })

export function chartCount(n: number): string {
  return Number.isFinite(n) ? integer.format(n) : '—'
}

/** Four significant digits below 10,000, whole numbers with separators above. */
export function chartNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return Math.abs(n) >= 10_000 ? integer.format(n) : significant.format(n)
}

/**
 * A share 0..1 as "14%", keeping one decimal below 10% ("0.4%", "3.5%") and "<0.1%" below that, so a small segment
 * never reads as empty.
 */
export function chartPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—'
  const percent = fraction * 100
  if (percent > 0 && percent < 0.05) return '<0.1%'
  return `${percent > 0 && percent < 10 ? oneDecimal.format(percent) : integer.format(percent)}%`
}
