import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  histogramOfSorted,
  iqrOutliers,
  moments,
  quantileSorted,
  robustZOutliers,
  sortedPresent,
} from '../../../src/main/engine/profile'
import { dataset, fixture, numbers } from '../prep/fixtures'

/** Reference: scripts/reference/prep_reference.py (numpy quantile/histogram 'auto', scipy skew(bias=False)). */
const reference = fixture('prep/profile_reference.json')
const probabilities: number[] = reference.probabilities

function valuesOf(key: string): Float64Array {
  const [source, name] = key.split(':')
  if (source === 'synthetic')
    return Float64Array.from(reference.columns[key].values as (number | null)[], (v) => (v === null ? NaN : v))
  return numbers(dataset(source as 'wholesale' | 'iris'), name)
}

const close = (actual: number, expected: number, rel = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)))

describe.each(Object.keys(reference.columns))('column %s against numpy/scipy', (key) => {
  const expected = reference.columns[key]
  const values = valuesOf(key)
  const sorted = sortedPresent(values)

  it('has numpy linear quantiles, bit for bit', () => {
    expect(probabilities.map((p) => quantileSorted(sorted, p))).toEqual(expected.quantiles)
  })

  it('has the mean, sample std (ddof=1) and adjusted skewness', () => {
    const m = moments(values)
    expect(m.count).toBe(expected.count)
    close(m.mean, expected.mean)
    if (expected.std === null) expect(m.std).toBeNaN()
    else close(m.std, expected.std)
    if (key === 'synthetic:constant') expect(m.skewness).toBe(0)
    else if (expected.skewness === null) expect(m.skewness).toBeNaN()
    else close(m.skewness, expected.skewness, 1e-10)
  })

  it("has numpy's 'auto' histogram edges and counts", () => {
    const h = histogramOfSorted(sorted, { maxBins: 10_000 })
    expect(h.counts).toEqual(expected.histogram.counts)
    expect(h.edges.length).toBe(expected.histogram.edges.length)
    h.edges.forEach((e, i) => close(e, expected.histogram.edges[i]))
  })

  it('counts IQR and robust z outliers like the reference', () => {
    expect(iqrOutliers(values, sorted).count).toBe(expected.iqrOutliers)
    expect(robustZOutliers(values, sorted).count).toBe(expected.robustZOutliers)
  })
})

describe('quantileSorted', () => {
  it('is monotone in p and stays within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p, q) => {
          const sorted = Float64Array.from(xs).sort()
          const [lo, hi] = p <= q ? [p, q] : [q, p]
          const a = quantileSorted(sorted, lo)
          const b = quantileSorted(sorted, hi)
          return a <= b && a >= sorted[0] && b <= sorted[sorted.length - 1]
        },
      ),
    )
  })

  it('refuses probabilities outside 0..1 and gives NaN for no values', () => {
    expect(() => quantileSorted(new Float64Array([1]), 1.5)).toThrow(/between 0 and 1; got 1.5/)
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN()
  })
})

describe('histogramOfSorted', () => {
  it('caps the number of bins and still counts every value', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => Math.exp(i / 700)).sort()
    const h = histogramOfSorted(values, { maxBins: 20 })
    expect(h.counts.length).toBe(20)
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(10_000)
  })

  it('puts every value in the bin whose edges surround it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const sorted = Float64Array.from(xs).sort()
        const h = histogramOfSorted(sorted)
        if (h.counts.reduce((a, b) => a + b, 0) !== xs.length) return false
        let k = 0
        for (const x of sorted) {
          while (k < h.counts.length - 1 && x >= h.edges[k + 1]) k++
          if (x < h.edges[k] || x > h.edges[h.edges.length - 1]) return false
        }
        return h.edges.every((e, i) => i === 0 || e > h.edges[i - 1])
      }),
    )
  })
})

describe('robustZOutliers', () => {
  it('falls back to the mean absolute deviation when most values are equal, and says so', () => {
    const values = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2, 50])
    const report = robustZOutliers(values, sortedPresent(values))
    // median 0, MAD 0, mean |dev| 5.3 → spread 6.6426; only 50 is beyond 3.5 × 6.6426 = 23.25.
    expect(report.note).toMatch(/mean absolute deviation/)
    expect(report.rows).toEqual([9])
    expect(report.upper).toBeCloseTo(3.5 * 1.253314 * 5.3, 10)
  })

  it('caps the listed rows but not the count', () => {
    // 1..100 then ten values of 10,000 at rows 100..109: Q1 28.25, Q3 82.75 (numpy), upper fence 164.5.
    const values = Float64Array.from({ length: 110 }, (_, i) => (i < 100 ? i + 1 : 10_000))
    const report = iqrOutliers(values, sortedPresent(values), 1.5, 5)
    expect(report.upper).toBeCloseTo(164.5, 12)
    expect(report).toMatchObject({ count: 10, high: 10, low: 0, rows: [100, 101, 102, 103, 104] })
  })
})
