/**
 * Numbers, durations, sizes and lists as people read them: thousands separators, a sensible number of digits, and a
 * dash for what is not a number. The locale is the user's (undefined = the browser's).
 */

import { formatCount } from '../../../shared/charts/format'

// Counts and measurements are formatted where the charts are, so screen, tooltip and report agree.
export { formatCount, formatNumber, valueFormatFor } from '../../../shared/charts/format'

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** A share 0..1 as "14%"; below 1% keeps one decimal ("0.4%") so a small but real share does not read as zero. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—'
  const percent = fraction * 100
  if (percent > 0 && percent < 1)
    return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(percent)}%`
  return `${integer.format(percent)}%`
}

/** "1 row", "4,119 rows"; the plural defaults to singular + "s". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`
}

/** "12", "12 and 40", "12, 40 and 41", "12, 40, 41 and 7 more" — at most `max` items named. */
export function listItems(items: readonly (string | number)[], max = 5, total = items.length): string {
  const shown = items.slice(0, max).map((x) => (typeof x === 'number' ? formatCount(x) : x))
  const rest = total - shown.length
  if (rest > 0) return `${shown.join(', ')} and ${formatCount(rest)} more`
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
}

/** Milliseconds as "0.4 s", "12 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  const seconds = ms / 1000
  // "0 s" reads as "took no time" (or as broken); say how short it was instead.
  if (seconds < 0.1) return 'under 0.1 s'
  if (seconds < 10) return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(seconds)} s`
  if (seconds < 60) return `${Math.round(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
}

/** File sizes as "812 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${formatCount(bytes)} bytes`
  const units = ['KB', 'MB', 'GB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${units[unit]}`
}

/** Epoch milliseconds as an ISO calendar day ("2011-06-30"), the unambiguous form in every locale. */
export function formatDate(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '—'
  const date = new Date(epochMs)
  return Number.isNaN(date.getTime()) ? '—' : date.toISOString().slice(0, 10)
}
