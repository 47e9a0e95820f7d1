import { describe, expect, it } from 'vitest'
import { profileSegments, type ProfileColumns } from '../../../../src/main/engine/profile/segments'
import { fixture } from '../../prep/fixtures'

/**
 * Reference: test/fixtures/profile/make_segment_reference.py (pandas quantile/mean, scipy.stats.f_oneway,
 * scipy.stats.contingency.association 'cramer'); see its header for the cases and how to regenerate.
 */
const reference = fixture('profile/segment_reference.json')

const close = (actual: number | null, expected: number | null, rel = 1e-9) => {
  if (expected === null) return expect(actual).toBeNull()
  expect(actual).not.toBeNull()
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)))
}

interface Case {
  name: string
  k: number
  labels: number[]
  numeric: { name: string; values: (number | null)[] }[]
  categories: { name: string; values: (string | null)[] }[]
  monetary: string | null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expected: any
}

describe.each((reference.cases as Case[]).map((c) => [c.name, c] as const))('%s against pandas/SciPy', (_, c) => {
  const columns: ProfileColumns = {
    numeric: c.numeric.map((col) => ({
      name: col.name,
      units: 'original' as const,
      values: Float64Array.from(col.values, (v) => (v === null ? NaN : v)),
    })),
    categories: c.categories,
    monetary: c.monetary,
  }
  const { segments, features } = profileSegments(Int32Array.from(c.labels), c.k, columns)

  it('has the segment sizes, shares and value shares', () => {
    expect(segments.map((s) => s.size)).toEqual(c.expected.sizes)
    segments.forEach((s) => close(s.share, s.size / c.labels.length))
    if (c.expected.valueShares === null) segments.forEach((s) => expect(s.valueShare).toBeNull())
    else segments.forEach((s, j) => close(s.valueShare, c.expected.valueShares[j]))
  })

  it.each(c.numeric.map((col) => col.name))('has the means, medians, quartiles, smd, η² and F of %s', (name) => {
    const e = c.expected.numeric[name]
    const separation = features.find((f) => f.feature === name)!
    expect(separation.kind).toBe('number')
    close(separation.eta2, e.eta2)
    close(separation.f, e.f)
    segments.forEach((s, j) => {
      const p = s.features.find((f) => f.feature === name)!
      close(p.overallMean, e.overallMean)
      const seg = e.segments[j]
      if (seg === null) {
        // No values: reads as exactly average, never NaN.
        expect(p.smd).toBe(0)
        expect(p.index).toBeNull()
        close(p.mean, e.overallMean)
        return
      }
      close(p.mean, seg.mean)
      close(p.median, seg.median)
      p.box.forEach((v, i) => close(v, seg.box[i]))
      close(p.smd, seg.smd)
      close(p.index, (100 * seg.mean) / e.overallMean)
    })
  })

  it.each(c.categories.map((col) => col.name))('has the top categories, shares and Cramér V of %s', (name) => {
    const e = c.expected.categories[name]
    const separation = features.find((f) => f.feature === name)!
    expect(separation.kind).toBe('category')
    expect(separation.eta2).toBeNull()
    close(separation.cramersV, e.cramersV)
    segments.forEach((s, j) => {
      const p = s.categories.find((f) => f.feature === name)!
      expect(p.shares.map((x) => x.category)).toEqual(e.top)
      p.shares.forEach((x, i) => close(x.overallShare, e.overallShares[i]))
      if (e.shares[j] === null) p.shares.forEach((x) => expect([x.share, x.lift]).toEqual([0, null]))
      else p.shares.forEach((x, i) => close(x.share, e.shares[j][i]))
    })
  })
})
