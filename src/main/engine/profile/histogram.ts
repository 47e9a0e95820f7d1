import type { Histogram } from '../../../shared/domain/prep'
import { quantileSorted } from './quantile'

export interface HistogramOptions {
  /**
   * Upper bound on the number of bins (default 50): beyond it a chart is unreadable, and the 'auto' rule would give
   * thousands of bins on 100,000 heavy-tailed amounts. Below the cap the bins are exactly numpy's.
   */
  readonly maxBins?: number
}

/**
 * Equal-width histogram of ascending `sorted` values with numpy's `bins='auto'` rule: the narrower of the
 * Freedman–Diaconis width 2·IQR·n^(−1/3) and the Sturges width range/(log2 n + 1), Sturges alone when the IQR is 0
 * (many equal values). Edges and counts match `np.histogram(x, 'auto')` when the cap does not bind; all values
 * equal give one bin [v − 0.5, v + 0.5]. No values give an empty histogram. O(n).
 */
export function histogramOfSorted(sorted: Float64Array, options: HistogramOptions = {}): Histogram {
  const maxBins = options.maxBins ?? 50
  if (!Number.isInteger(maxBins) || maxBins < 1) {
    throw new RangeError(`maxBins must be a positive whole number; got ${maxBins}.`)
  }
  const n = sorted.length
  if (n === 0) return { edges: [], counts: [] }
  let first = sorted[0]
  let last = sorted[n - 1]
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    throw new RangeError('A histogram needs finite values; the column contains an infinite value.')
  }
  if (first === last) {
    first -= 0.5
    last += 0.5
  }
  const width = autoBinWidth(sorted)
  let bins = width > 0 ? Math.ceil((last - first) / width) : 1
  bins = Math.max(1, Math.min(bins, maxBins))
  const edges = linspace(first, last, bins + 1)
  const counts = new Array<number>(bins).fill(0)
  const denominator = last - first
  for (let i = 0; i < n; i++) {
    const x = sorted[i]
    // numpy's index computation and its two corrections for values that rounding put in a neighbouring bin.
    let k = Math.trunc(((x - first) / denominator) * bins)
    if (k === bins) k--
    if (x < edges[k]) k--
    if (k !== bins - 1 && x >= edges[k + 1]) k++
    counts[k]++
  }
  return { edges, counts }
}

function autoBinWidth(sorted: Float64Array): number {
  const n = sorted.length
  const sturges = (sorted[n - 1] - sorted[0]) / (Math.log2(n) + 1)
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)
  const fd = 2 * iqr * Math.pow(n, -1 / 3)
  return fd ? Math.min(fd, sturges) : sturges
}

/** numpy's `linspace(start, stop, num)`: i·step + start, with the last point exactly `stop`. */
function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1)
  const out = new Array<number>(num)
  for (let i = 0; i < num; i++) out[i] = i * step + start
  out[num - 1] = stop
  return out
}
