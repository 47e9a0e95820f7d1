import type { OutlierReport } from '../../../shared/domain/prep'
import { quantileSorted } from './quantile'

/** Iglewicz & Hoaglin (1993): 0.6745 makes the MAD consistent with σ for normal data; 3.5 is their cut-off. */
const MAD_CONSISTENCY = 0.6745
const ROBUST_Z_CUTOFF = 3.5
/** √(π/2): makes the mean absolute deviation consistent with σ, used when the MAD is 0 (as IBM SPSS does). */
const MEAN_AD_CONSISTENCY = 1.253314

/** Tukey's fences: outside [Q1 − k·IQR, Q3 + k·IQR] (strictly). `sorted` holds the column's present values. */
export function iqrOutliers(values: Float64Array, sorted: Float64Array, k = 1.5, rowCap = 100): OutlierReport {
  const q1 = quantileSorted(sorted, 0.25)
  const q3 = quantileSorted(sorted, 0.75)
  const lower = q1 - k * (q3 - q1)
  const upper = q3 + k * (q3 - q1)
  return collect(values, rowCap, lower, upper, (v) => (v < lower ? -1 : v > upper ? 1 : 0))
}

/**
 * Modified z-score M = 0.6745·(x − median)/MAD, outlier when |M| > 3.5 (Iglewicz & Hoaglin, "How to Detect and
 * Handle Outliers", 1993). When more than half the values are equal the MAD is 0 and M is undefined; then the mean
 * absolute deviation scaled by 1.253314 stands in for MAD/0.6745, and the report says so in `note`.
 */
export function robustZOutliers(values: Float64Array, sorted: Float64Array, rowCap = 100): OutlierReport {
  const med = quantileSorted(sorted, 0.5)
  const deviations = sortedDeviations(sorted, med)
  let meanAbs = 0
  for (let i = 0; i < sorted.length; i++) meanAbs += Math.abs(sorted[i] - med)
  meanAbs /= Math.max(1, sorted.length)
  const mad = quantileSorted(deviations, 0.5)
  let spread: number
  let note: string | undefined
  if (mad > 0) spread = mad / MAD_CONSISTENCY
  else if (meanAbs > 0) {
    spread = MEAN_AD_CONSISTENCY * meanAbs
    note = 'More than half of the values are equal, so the mean absolute deviation replaced the MAD.'
  } else {
    return { lower: med, upper: med, count: 0, low: 0, high: 0, rows: [], note: 'All values are equal.' }
  }
  const report = collect(values, rowCap, med - ROBUST_Z_CUTOFF * spread, med + ROBUST_Z_CUTOFF * spread, (v) => {
    const z = (v - med) / spread
    return z < -ROBUST_Z_CUTOFF ? -1 : z > ROBUST_Z_CUTOFF ? 1 : 0
  })
  return note ? { ...report, note } : report
}

/**
 * |x − centre| of every value of `sorted`, in ascending order, without sorting them: read outwards from the centre,
 * the values below it and those at or above it give two ascending runs of deviations, merged in one pass (a million
 * values: one pass instead of a sort, per column of a quality check). A centre that is not finite (more than half
 * the values infinite) makes NaN deviations, which only a sort places as before.
 */
export function sortedDeviations(sorted: Float64Array, centre: number): Float64Array {
  const n = sorted.length
  const out = new Float64Array(n)
  if (!Number.isFinite(centre)) {
    for (let i = 0; i < n; i++) out[i] = Math.abs(sorted[i] - centre)
    return out.sort()
  }
  let right = 0
  while (right < n && sorted[right] < centre) right++
  let left = right - 1
  for (let k = 0; k < n; k++) {
    const fromLeft = right >= n || (left >= 0 && Math.abs(sorted[left] - centre) <= Math.abs(sorted[right] - centre))
    out[k] = Math.abs(sorted[fromLeft ? left-- : right++] - centre)
  }
  return out
}

function collect(
  values: Float64Array,
  rowCap: number,
  lower: number,
  upper: number,
  side: (v: number) => -1 | 0 | 1,
): OutlierReport {
  let low = 0
  let high = 0
  const rows: number[] = []
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isNaN(v)) continue
    const s = side(v)
    if (s === 0) continue
    if (s < 0) low++
    else high++
    if (rows.length < rowCap) rows.push(i)
  }
  return { lower, upper, count: low + high, low, high, rows }
}
