import type { FeatureProfile, FeatureSeparation, FeatureUnits } from '../../../../shared/domain/understand'
import { quantileSorted } from '../quantile'

/**
 * One numeric column across the segments of a run: per segment its mean, median and box, how far the mean sits from
 * the overall mean (index, standardised mean difference), and for the column how much of its variance the
 * segmentation explains (η², one-way ANOVA F as `scipy.stats.f_oneway`).
 *
 * Missing values (NaN, and ±Infinity, which no mean can use) are left out of every statistic, so a segment's numbers
 * describe its customers that have a value. The ANOVA counts only the segments with at least one value (f_oneway
 * rejects empty groups).
 *
 * A segment with no value in the column has no numbers of its own. Rather than NaN, it reads as exactly average: mean,
 * median and a flat box at the overall mean and median, smd 0 (so it is never a trait), index null. A column with no
 * value at all reads 0 throughout, with η² and F null.
 *
 * Complexity: O(n) for the sums plus O(n log n) to sort each segment's values for its quartiles.
 */

export interface NumericColumnProfile {
  /** One entry per segment, segment 0 first. */
  readonly bySegment: readonly FeatureProfile[]
  readonly separation: FeatureSeparation
}

/** Labels must be whole numbers in 0..k−1 and as long as `values`; `profileSegments` checks both at the door. */
export function numericProfile(
  name: string,
  values: Float64Array,
  units: FeatureUnits,
  labels: Int32Array,
  k: number,
): NumericColumnProfile {
  if (values.length !== labels.length)
    throw new RangeError(`Column "${name}" has ${values.length} values but there are ${labels.length} labels.`)
  const counts = new Float64Array(k)
  const sums = new Float64Array(k)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!Number.isFinite(v)) continue
    counts[labels[i]]++
    sums[labels[i]] += v
  }
  const segmentValues = Array.from(counts, (c) => new Float64Array(c))
  const filled = new Int32Array(k)
  const roughMeans = Array.from(sums, (s, j) => (counts[j] > 0 ? s / counts[j] : 0))
  // Second pass about the rough means: the residual sums correct the means (the "corrected two-pass" algorithm),
  // so money columns whose mean dwarfs their spread keep their digits.
  const residual = new Float64Array(k)
  const squares = new Float64Array(k)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!Number.isFinite(v)) continue
    const j = labels[i]
    segmentValues[j][filled[j]++] = v
    const d = v - roughMeans[j]
    residual[j] += d
    squares[j] += d * d
  }
  let n = 0
  let groups = 0
  let weighted = 0
  let ssWithin = 0
  const means = new Float64Array(k)
  for (let j = 0; j < k; j++) {
    if (counts[j] === 0) continue
    n += counts[j]
    groups++
    means[j] = roughMeans[j] + residual[j] / counts[j]
    weighted += counts[j] * means[j]
    ssWithin += Math.max(0, squares[j] - (residual[j] * residual[j]) / counts[j])
  }
  if (n === 0) return noValues(name, units, k)

  const overallMean = weighted / n
  let ssBetween = 0
  for (let j = 0; j < k; j++) if (counts[j] > 0) ssBetween += counts[j] * (means[j] - overallMean) ** 2
  // Total = within + between holds exactly for group means, so a third pass over the data is not needed.
  const ssTotal = ssWithin + ssBetween
  const sd = Math.sqrt(ssTotal / n)

  let overallMedian = NaN // only needed for a segment without values; computed at most once
  const bySegment: FeatureProfile[] = []
  for (let j = 0; j < k; j++) {
    if (counts[j] === 0) {
      if (Number.isNaN(overallMedian)) overallMedian = quantileSorted(finiteOnly(values).sort(), 0.5)
      const m = overallMedian
      bySegment.push({
        feature: name,
        units,
        mean: overallMean,
        median: m,
        overallMean,
        index: null,
        smd: 0,
        box: [m, m, m, m, m],
      })
      continue
    }
    const s = segmentValues[j].sort()
    const median = quantileSorted(s, 0.5)
    bySegment.push({
      feature: name,
      units,
      mean: means[j],
      median,
      overallMean,
      index: units === 'original' && overallMean !== 0 ? (100 * means[j]) / overallMean : null,
      smd: sd > 0 ? (means[j] - overallMean) / sd : 0,
      box: [s[0], quantileSorted(s, 0.25), median, quantileSorted(s, 0.75), s[s.length - 1]],
    })
  }
  return { bySegment, separation: separation(name, ssBetween, ssWithin, ssTotal, n, groups) }
}

/**
 * η² = SSB / SST and F = (SSB / (g − 1)) / (SSW / (n − g)) over the g segments with values. Both are null where they
 * are undefined: a constant column (SST 0), one segment, no more values than segments, or no spread within any
 * segment. The last is judged relative to the total (1e-12) because segments of equal values rarely sum to exactly 0
 * in floating point, and F would then be a meaningless huge number instead of "undefined".
 */
function separation(
  name: string,
  ssBetween: number,
  ssWithin: number,
  ssTotal: number,
  n: number,
  groups: number,
): FeatureSeparation {
  const eta2 = ssTotal > 0 ? Math.min(1, Math.max(0, ssBetween / ssTotal)) : null
  const f =
    groups >= 2 && n > groups && ssWithin > 1e-12 * ssTotal
      ? ssBetween / (groups - 1) / (ssWithin / (n - groups))
      : null
  return { feature: name, kind: 'number', eta2, f, cramersV: null }
}

function finiteOnly(values: Float64Array): Float64Array {
  return values.filter((v) => Number.isFinite(v))
}

function noValues(name: string, units: FeatureUnits, k: number): NumericColumnProfile {
  const bySegment: FeatureProfile[] = []
  for (let j = 0; j < k; j++)
    bySegment.push({
      feature: name,
      units,
      mean: 0,
      median: 0,
      overallMean: 0,
      index: null,
      smd: 0,
      box: [0, 0, 0, 0, 0],
    })
  return { bySegment, separation: { feature: name, kind: 'number', eta2: null, f: null, cramersV: null } }
}
