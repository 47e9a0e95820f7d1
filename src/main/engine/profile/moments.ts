/**
 * Mean, standard deviation and skewness of the non-missing values of a column. Two passes (mean first, then centred
 * sums) because one-pass formulas lose most digits on money columns whose mean dwarfs their spread.
 */

export interface Moments {
  readonly count: number
  readonly mean: number
  /** Sample standard deviation, divisor n − 1 (pandas `std()`, numpy `std(ddof=1)`); NaN when n < 2. */
  readonly std: number
  /** Population standard deviation, divisor n (numpy `std()`, scikit-learn `StandardScaler`); NaN when n < 1. */
  readonly populationStd: number
  /**
   * Adjusted Fisher–Pearson skewness G1 = g1·√(n(n−1))/(n−2) (pandas `skew()`, Excel `SKEW`,
   * `scipy.stats.skew(bias=False)`); NaN when n < 3, 0 when all values are equal.
   */
  readonly skewness: number
}

export function moments(values: Float64Array): Moments {
  let n = 0
  let sum = 0
  let compensation = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isNaN(v)) continue
    n++
    // Neumaier summation: money columns add many values of very different size.
    const t = sum + v
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum
    sum = t
  }
  if (n === 0) return { count: 0, mean: NaN, std: NaN, populationStd: NaN, skewness: NaN }
  const mean = (sum + compensation) / n
  let m2 = 0
  let m3 = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isNaN(v)) continue
    const d = v - mean
    m2 += d * d
    m3 += d * d * d
  }
  const std = n < 2 ? NaN : Math.sqrt(m2 / (n - 1))
  const populationStd = Math.sqrt(m2 / n)
  let skewness = NaN
  if (n >= 3) {
    const biasedVar = m2 / n
    // Relative threshold: a column of equal values has rounding-level spread, and its skewness is defined as 0.
    if (biasedVar <= (Number.EPSILON * mean) ** 2 || biasedVar === 0) skewness = 0
    else {
      const g1 = m3 / n / Math.pow(biasedVar, 1.5)
      skewness = (g1 * Math.sqrt(n * (n - 1))) / (n - 2)
    }
  }
  return { count: n, mean, std, populationStd, skewness }
}
