import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  featureLabel,
  numericProfile,
  profileSegments,
  type ProfileColumns,
} from '../../../../src/main/engine/profile/segments'

/** Random small runs: k segments (some possibly empty), two numeric columns with gaps, one categorical, money ≥ 0. */
const runs = fc.record({ k: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 60 }) }).chain(({ k, n }) =>
  fc.record({
    k: fc.constant(k),
    labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
    x: fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), {
      minLength: n,
      maxLength: n,
    }),
    money: fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(NaN)), { minLength: n, maxLength: n }),
    c: fc.array(fc.constantFrom('a', 'b', 'c', null), { minLength: n, maxLength: n }),
  }),
)

describe('invariants of a profile', () => {
  it('holds sizes, shares, value shares, η², V, names and traits in range, without NaN', () => {
    fc.assert(
      fc.property(runs, ({ k, labels, x, money, c }) => {
        const columns: ProfileColumns = {
          numeric: [
            { name: 'x', values: Float64Array.from(x), units: 'original' },
            { name: 'money', values: Float64Array.from(money), units: 'original' },
          ],
          categories: [{ name: 'c', values: c }],
          monetary: 'money',
        }
        const { segments, features } = profileSegments(Int32Array.from(labels), k, columns)
        expect(segments.reduce((a, s) => a + s.size, 0)).toBe(labels.length)
        expect(segments.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12)
        if (segments[0].valueShare !== null) expect(segments.reduce((a, s) => a + s.valueShare!, 0)).toBeCloseTo(1, 12)
        for (const f of features) {
          if (f.eta2 !== null) expect(f.eta2).toBeGreaterThanOrEqual(0)
          if (f.eta2 !== null) expect(f.eta2).toBeLessThanOrEqual(1)
          if (f.f !== null) expect(f.f).toBeGreaterThanOrEqual(0)
          if (f.cramersV !== null) expect(f.cramersV).toBeGreaterThanOrEqual(0)
          if (f.cramersV !== null) expect(f.cramersV).toBeLessThanOrEqual(1)
        }
        expect(new Set(segments.map((s) => s.suggestedName)).size).toBe(k)
        for (const s of segments) {
          expect(s.distinguishing.length).toBeLessThanOrEqual(5)
          // Three traits at least, as far as the two numeric columns and a strong category allow.
          if (s.size > 0) expect(s.distinguishing.length).toBeGreaterThanOrEqual(2)
          for (const f of s.features) expect(f.box[0] <= f.median && f.median <= f.box[4]).toBe(true)
        }
        expect(JSON.stringify({ segments, features })).not.toMatch(/NaN|Infinity/)
        expect(hasNonFinite({ segments, features })).toBe(false)
      }),
      { numRuns: 300, seed: 12 },
    )
  })
})

describe('where statistics are undefined', () => {
  const labels = Int32Array.from([0, 0, 0, 1, 1, 1])

  it('gives F null, not a huge number, when no segment varies (0.1 + 0.1 + 0.1 is not 0.3)', () => {
    const p = numericProfile('x', Float64Array.from([0.1, 0.1, 0.1, 0.2, 0.2, 0.2]), 'original', labels, 2)
    expect(p.separation.f).toBeNull()
    expect(p.separation.eta2).toBeCloseTo(1, 12)
  })

  it('gives η², F, smd and index a safe value on a constant or zero-mean column', () => {
    const constant = numericProfile('x', new Float64Array(6).fill(4), 'original', labels, 2)
    expect(constant.separation).toMatchObject({ eta2: null, f: null })
    expect(constant.bySegment[0]).toMatchObject({ smd: 0, index: 100 })
    const zeroMean = numericProfile('x', Float64Array.from([-1, -1, -1, 1, 1, 1]), 'original', labels, 2)
    expect(zeroMean.bySegment[0].index).toBeNull()
  })

  it('gives F null with one segment, or no more values than segments', () => {
    expect(
      numericProfile('x', Float64Array.from([1, 2, 3]), 'original', Int32Array.from([0, 0, 0]), 1).separation.f,
    ).toBeNull()
    expect(
      numericProfile('x', Float64Array.from([1, 2]), 'original', Int32Array.from([0, 1]), 2).separation.f,
    ).toBeNull()
  })

  it('reads a column without any value as zeros, not NaN', () => {
    const p = numericProfile('x', Float64Array.from([NaN, NaN, NaN, NaN, NaN, NaN]), 'original', labels, 2)
    expect(p.bySegment[0]).toMatchObject({ mean: 0, median: 0, overallMean: 0, smd: 0, index: null })
    expect(p.separation).toMatchObject({ eta2: null, f: null })
  })

  it('gives value shares null when the money column does not add up to more than 0', () => {
    const result = profileSegments(labels, 2, {
      numeric: [{ name: 'm', values: Float64Array.from([1, -1, 0, 0, 0, 0]), units: 'original' }],
      categories: [],
      monetary: 'm',
    })
    expect(result.segments.map((s) => s.valueShare)).toEqual([null, null])
  })
})

describe('checks at the door', () => {
  const columns: ProfileColumns = {
    numeric: [{ name: 'x', values: Float64Array.from([1, 2, 3]), units: 'original' }],
    categories: [{ name: 'c', values: ['a', 'b', 'a'] }],
    monetary: null,
  }

  it('names the row and segment of a label out of range', () => {
    expect(() => profileSegments(Int32Array.from([0, 1, 5]), 2, columns)).toThrow(
      'Row 3 has segment 5; segments run from 0 to 1.',
    )
    expect(() => profileSegments(Int32Array.from([0, -1, 1]), 2, columns)).toThrow('Row 2 has segment -1')
  })

  it('names a column whose length differs from the labels', () => {
    expect(() => profileSegments(Int32Array.from([0, 1]), 2, columns)).toThrow(
      'Column "x" has 3 values but there are 2 labelled rows.',
    )
  })

  it('rejects a bad k, a missing money column, no rows and silhouettes of the wrong length', () => {
    const labels = Int32Array.from([0, 1, 0])
    expect(() => profileSegments(labels, 0, columns)).toThrow('got 0')
    expect(() => profileSegments(labels, 2, { ...columns, monetary: 'spend' })).toThrow('"spend"')
    expect(() => profileSegments(new Int32Array(0), 2, { numeric: [], categories: [], monetary: null })).toThrow(
      'no rows',
    )
    expect(() => profileSegments(labels, 2, columns, [0.5])).toThrow('1 silhouette values for 2 segments')
  })

  it('passes silhouettes through, NaN as null', () => {
    const { segments } = profileSegments(Int32Array.from([0, 1, 0]), 2, columns, [0.4, NaN])
    expect(segments.map((s) => s.silhouette)).toEqual([0.4, null])
  })
})

describe('featureLabel', () => {
  it('turns underscores into spaces and raises only the first letter', () => {
    expect(featureLabel('Detergents_Paper')).toBe('Detergents Paper')
    expect(featureLabel('recency_days')).toBe('Recency days')
    expect(featureLabel('mean__days_')).toBe('Mean days')
    expect(featureLabel('PC1')).toBe('PC1')
    expect(featureLabel('_')).toBe('_')
  })
})

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (Array.isArray(value)) return value.some(hasNonFinite)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNonFinite)
  return false
}
