/**
 * Order statistics shared by profiling, outlier fences, scalers and RFM scores. All follow numpy's default 'linear'
 * quantile method (Hyndman & Fan type 7), reproduced operation for operation — including numpy's two-sided
 * interpolation — so that values lying exactly on a quantile (common with whole-day recencies) fall on the same side
 * of it as in numpy and pandas.
 */

/** The non-missing (finite or infinite, not NaN) values, sorted ascending. O(n log n). */
export function sortedPresent(values: Float64Array): Float64Array {
  let n = 0
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++
  const out = new Float64Array(n)
  let j = 0
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[j++] = values[i]
  return out.sort()
}

/**
 * Quantile `p` (0..1) of ascending `sorted` values by numpy's 'linear' method; NaN when there are no values.
 * Matches `np.quantile(x, p)` exactly, not just to rounding.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile must be between 0 and 1; got ${p}.`)
  const n = sorted.length
  if (n === 0) return NaN
  const virtual = (n - 1) * p
  let previous = Math.floor(virtual)
  let next = previous + 1
  if (virtual >= n - 1) {
    previous = n - 1
    next = n - 1
  }
  const gamma = virtual - Math.floor(virtual)
  return lerp(sorted[previous], sorted[next], gamma)
}

/** numpy's `_lerp`: interpolates from the nearer end so that t = 1 gives b exactly and the result is monotone in t. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

/** Median of the non-missing values; NaN when there are none. */
export function median(values: Float64Array): number {
  return quantileSorted(sortedPresent(values), 0.5)
}
