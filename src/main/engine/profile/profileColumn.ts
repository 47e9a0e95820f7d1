import type { ColumnProfile, NumberProfile } from '../../../shared/domain/prep'
import type { FrameColumn } from '../frame'
import { histogramOfSorted } from './histogram'
import { moments } from './moments'
import { iqrOutliers, robustZOutliers } from './outliers'
import { quantileSorted, sortedPresent } from './quantile'
import { numberCounts } from './numberCounts'

export interface ColumnProfileOptions {
  /** Quantile probabilities to report (default 1%, 5%, 25%, 50%, 75%, 95%, 99%). */
  readonly quantiles?: readonly number[]
  /** Number of most frequent values to keep (default 10). */
  readonly topK?: number
  /** Histogram bin cap (default 50), see `histogramOfSorted`. */
  readonly maxBins?: number
  /** Most row indices listed per outlier report (default 100). */
  readonly rowCap?: number
}

const defaultQuantiles = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]

/** Profile of one column: counts, top values, id-likeness and, for numbers and dates, the numeric summary. O(n log n). */
export function profileColumn(col: FrameColumn, options: ColumnProfileOptions = {}): ColumnProfile {
  const topK = options.topK ?? 10
  if (!Number.isInteger(topK) || topK < 0) throw new RangeError(`topK must be a whole number ≥ 0; got ${topK}.`)
  const n = col.values.length
  let counted: { present: number; distinct: number; top: { value: string | number; count: number }[] }
  let numeric: NumberProfile | null = null
  if (col.kind === 'number' || col.kind === 'date') {
    const sorted = sortedPresent(col.values)
    counted = { present: sorted.length, ...numberCounts(col.values, sorted, topK) }
    numeric = numberProfile(col.values, sorted, options)
  } else {
    counted = labelCounts(col.values, topK)
  }
  const { present: count, distinct } = counted
  const missing = n - count
  const top = counted.top.map(({ value, count: c }) => ({ value: display(value, col.kind), count: c }))
  return {
    name: col.name,
    kind: col.kind,
    count,
    missing,
    distinct,
    top,
    idLike: looksLikeId(col.name, col.kind, count, distinct),
    numeric,
  }
}

/**
 * Labels present (missing is null), distinct, and the `topK` most frequent by count and then first appearance, in one
 * pass over the column.
 */
function labelCounts(
  values: readonly (string | null)[],
  topK: number,
): { present: number; distinct: number; top: { value: string; count: number }[] } {
  const counts = new Map<string, number>()
  let present = 0
  for (const v of values) {
    if (v === null) continue
    present++
    counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  const top = [...counts.entries()]
    .map(([value, c], order) => ({ value, count: c, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, topK)
    .map(({ value, count: c }) => ({ value, count: c }))
  return { present, distinct: counts.size, top }
}

function numberProfile(
  values: Float64Array,
  sorted: Float64Array,
  options: ColumnProfileOptions,
): NumberProfile | null {
  if (sorted.length === 0) return null
  const probabilities = [...(options.quantiles ?? defaultQuantiles)]
  const m = moments(values)
  let allIntegers = true
  for (let i = 0; i < sorted.length && allIntegers; i++) allIntegers = Number.isInteger(sorted[i])
  const rowCap = options.rowCap ?? 100
  return {
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: m.mean,
    median: quantileSorted(sorted, 0.5),
    std: Number.isNaN(m.std) ? null : m.std,
    skewness: Number.isNaN(m.skewness) ? null : m.skewness,
    quantileProbabilities: probabilities,
    quantiles: probabilities.map((p) => quantileSorted(sorted, p)),
    histogram: histogramOfSorted(sorted, { maxBins: options.maxBins }),
    allIntegers,
    outliers: { iqr: iqrOutliers(values, sorted, 1.5, rowCap), robustZ: robustZOutliers(values, sorted, rowCap) },
  }
}

function display(value: string | number, kind: FrameColumn['kind']): string {
  if (typeof value === 'string') return value
  if (kind === 'date') {
    const iso = new Date(value).toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
  }
  return String(value)
}

/** "customer_id", "Stock Code", "id" (separated words, any case). */
const separatedIdName = /(^|[_\s.-])(id|key|code|no|nr|number)$/i
/** "CustomerID", "InvoiceNo" (camel case) — but not "Paid" or "Video". */
const camelIdName = /[a-z](ID|Id|Key|Code|No|Nr|Number)$/

/**
 * An identifier tells customers apart but says nothing about them, so it should stay out of a segmentation. A column
 * is id-like when at least 95% of its values are distinct and its name says id/key/code/no/number, or when it is text
 * with every one of at least 20 values distinct.
 */
function looksLikeId(name: string, kind: FrameColumn['kind'], count: number, distinct: number): boolean {
  if (count === 0 || kind === 'date') return false
  const trimmed = name.trim()
  const named = separatedIdName.test(trimmed) || camelIdName.test(trimmed)
  if (named && distinct >= 0.95 * count) return true
  return (kind === 'category' || kind === 'text') && count >= 20 && distinct === count
}
