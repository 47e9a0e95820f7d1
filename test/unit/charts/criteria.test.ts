import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { KRecommendation, SweepPoint } from '../../../src/shared/domain/cluster'
import {
  bestK,
  criteria,
  criteriaOf,
  criterionOption,
  excludedSentence,
  type CriterionKey,
} from '../../../src/shared/charts/criteria'
import { kCriterionNames } from '../../../src/shared/domain/cluster'
import { lightChartPalette as palette } from '../../../src/shared/charts/palette'
import { renderSvg } from './render'

function point(k: number, over: Partial<SweepPoint> = {}): SweepPoint {
  return {
    k,
    inertia: 1000 / k,
    silhouette: 0.3 + (k === 4 ? 0.2 : 0) - 0.01 * k,
    calinskiHarabasz: 200 - k,
    daviesBouldin: 0.5 + Math.abs(k - 4) * 0.1,
    stability: null,
    smallestShare: 0.1,
    ...over,
  }
}
const sweep = [2, 3, 4, 5, 6].map((k) => point(k))
const recommendation: KRecommendation = { k: 4, reason: 'best silhouette', warnings: [], elbowK: 3 }

type Series = {
  name: string
  data: { value: [number, number | null]; symbolSize: number }[]
  markLine: { data: { xAxis: number; name: string }[] }
  markArea?: { data: [{ xAxis: number }, { xAxis: number }][] }
}
const seriesOf = (key: CriterionKey, rec: KRecommendation | null = recommendation, s = sweep) =>
  (criterionOption(s, key, rec, palette).series as Series[])[0]

describe('criteria', () => {
  it('offers stability only when the sweep computed it', () => {
    expect(criteriaOf(sweep).map((c) => c.key)).toEqual(['inertia', 'silhouette', 'calinskiHarabasz', 'daviesBouldin'])
    const withStability = sweep.map((p, i) => ({ ...p, stability: i === 0 ? null : 0.9 }))
    expect(criteriaOf(withStability).map((c) => c.key)).toContain('stability')
  })

  it('titles each chart with the name the recommendation’s words use', () => {
    expect(criteria.map((c) => c.title)).toEqual(criteria.map((c) => kCriterionNames[c.key]))
  })

  it('says which way is better for each criterion', () => {
    const better = Object.fromEntries(criteria.map((c) => [c.key, c.better]))
    expect(better).toEqual({
      inertia: 'elbow',
      silhouette: 'higher',
      calinskiHarabasz: 'higher',
      daviesBouldin: 'lower',
      stability: 'higher',
    })
    for (const c of criteria) expect(c.meaning.length).toBeGreaterThan(20)
  })

  it('finds the best k in the right direction', () => {
    const byKey = (key: CriterionKey) =>
      bestK(
        sweep,
        criteria.find((c) => c.key === key)!,
      )
    expect(byKey('silhouette')).toBe(4)
    expect(byKey('calinskiHarabasz')).toBe(2)
    expect(byKey('daviesBouldin')).toBe(4)
    expect(byKey('inertia')).toBeNull()
    expect(byKey('stability')).toBeNull()
  })
})

describe('criterionOption', () => {
  it('draws one point per swept k, with the criterion value', () => {
    for (const c of criteria.filter((x) => x.key !== 'stability')) {
      const s = seriesOf(c.key)
      expect(s.data.map((d) => d.value)).toEqual(sweep.map((p) => [p.k, p[c.key]]))
    }
  })

  it('marks the recommended k in every chart, and the elbow only on the inertia chart', () => {
    for (const key of ['inertia', 'silhouette', 'calinskiHarabasz', 'daviesBouldin'] as const) {
      const s = seriesOf(key)
      const marks = s.markLine.data.map((m) => [m.name, m.xAxis])
      expect(marks).toEqual(
        key === 'inertia'
          ? [
              ['recommended', 4],
              ['elbow', 3],
            ]
          : [['recommended', 4]],
      )
      expect(s.data.map((d) => d.symbolSize > 6)).toEqual(sweep.map((p) => p.k === 4))
    }
  })

  it('draws one line when the elbow is the recommended k, and none without a recommendation', () => {
    const same = { ...recommendation, elbowK: 4 }
    expect(seriesOf('inertia', same).markLine.data.map((m) => m.xAxis)).toEqual([4])
    expect(seriesOf('inertia', null).markLine.data).toEqual([])
  })

  it('leaves a gap where a value is missing or not finite', () => {
    const s = sweep.map((p, i) => ({ ...p, stability: i === 2 ? null : 0.8, silhouette: i === 1 ? NaN : p.silhouette }))
    expect(seriesOf('stability', recommendation, s).data.map((d) => d.value[1])).toEqual([0.8, 0.8, null, 0.8, 0.8])
    expect(seriesOf('silhouette', recommendation, s).data[1].value[1]).toBeNull()
  })

  it('refuses a sweep that is empty, unordered, or does not contain the recommended k', () => {
    expect(() => criterionOption([], 'inertia', null, palette)).toThrow(/no points/)
    expect(() => criterionOption([point(3), point(2)], 'inertia', null, palette)).toThrow(/k = 2 follows k = 3/)
    expect(() => criterionOption(sweep, 'inertia', { ...recommendation, k: 9 }, palette)).toThrow(/k = 9 is not/)
    expect(() => criterionOption(sweep, 'inertia', { ...recommendation, elbowK: 12 }, palette)).toThrow(/k = 12/)
    expect(() => criterionOption(sweep, 'nope' as CriterionKey, null, palette)).toThrow(/Unknown criterion "nope"/)
  })

  it('series length equals the sweep length and the recommendation is always marked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 30 }), fc.nat(), (from, count, pick) => {
        const ks = Array.from({ length: count }, (_, i) => from + i)
        const s = ks.map((k) => point(k))
        const rec = { k: ks[pick % count], reason: '', warnings: [], elbowK: ks[(pick * 7) % count] }
        for (const c of criteriaOf(s)) {
          const series = seriesOf(c.key, rec, s)
          expect(series.data).toHaveLength(count)
          expect(series.markLine.data.filter((m) => m.name === 'recommended').map((m) => m.xAxis)).toEqual([rec.k])
        }
      }),
      { numRuns: 100 },
    )
  })

  it('renders to SVG with the recommendation label', () => {
    const svg = renderSvg(criterionOption(sweep, 'inertia', recommendation, palette), 320, 200)
    expect(svg).toContain('Recommended 4')
    expect(svg).toContain('Elbow 3')
    expect(svg).toContain('<path')
  })

  describe('numbers of segments the recommendation left out', () => {
    // 5 and 6 have a segment under 1%: silhouette would be best at 6 and Calinski–Harabasz at 5 if they counted.
    const tiny = sweep.map((p) =>
      p.k === 5 || p.k === 6 ? { ...p, smallestShare: 0.002, silhouette: 0.9, calinskiHarabasz: 500 } : p,
    )
    const reason = 'a segment would hold under 1.0% of customers'
    const rec: KRecommendation = {
      ...recommendation,
      excluded: [
        { k: 5, reason, smallestShare: 0.002 },
        { k: 6, reason, smallestShare: 0.002 },
      ],
    }
    const all = (key: CriterionKey) => criterionOption(tiny, key, rec, palette).series as Series[]

    it('leave the main line and are drawn as a dashed series of their own in a band labelled excluded', () => {
      for (const c of criteriaOf(tiny)) {
        const [main, out] = all(c.key)
        expect(main.data.map((d) => d.value[1] === null)).toEqual([false, false, false, true, true])
        expect(out.name).toBe('Not considered')
        // The excluded points, joined to the last considered neighbour (drawn without a symbol).
        expect(out.data.map((d) => d.value[1] !== null)).toEqual([false, false, true, true, true])
        expect(out.data.map((d) => d.symbolSize)).toEqual([0, 0, 0, 7, 7])
        expect(out.markArea!.data.map(([a, b]) => [a.xAxis, b.xAxis])).toEqual([[4.5, 6]])
      }
    })

    it('are never the best of a chart, so "best here" agrees with the words', () => {
      const byKey = (key: CriterionKey, r: KRecommendation | null) =>
        bestK(
          tiny,
          criteria.find((c) => c.key === key)!,
          r,
        )
      expect(byKey('silhouette', null)).toBe(5)
      expect(byKey('silhouette', rec)).toBe(4)
      expect(byKey('calinskiHarabasz', rec)).toBe(2)
      // Within the preferred range the recommendation voted in, Calinski–Harabasz is best at its lowest k there.
      expect(
        bestK(
          tiny,
          criteria.find((c) => c.key === 'calinskiHarabasz')!,
          rec,
          [3, 8],
        ),
      ).toBe(3)
    })

    it('are said in one sentence with the reason, and in the tooltip', () => {
      expect(excludedSentence(rec)).toBe(
        'Not considered: 5 and 6 segments (a segment would hold under 1.0% of customers).',
      )
      const wide = { ...rec, excluded: [3, 5, 6, 7].map((k) => ({ k, reason, smallestShare: 0.002 })) }
      expect(excludedSentence(wide)).toBe(
        'Not considered: 3 and 5 to 7 segments (a segment would hold under 1.0% of customers).',
      )
      expect(excludedSentence(recommendation)).toBeNull()
      const tooltip = criterionOption(tiny, 'silhouette', rec, palette).tooltip as {
        formatter: (p: unknown) => string
      }
      expect(tooltip.formatter([{ data: { value: [6, null] } }])).toBe(`6 segments: 0.9 (not considered: ${reason})`)
      expect(tooltip.formatter([{ data: { value: [4, 0.46] } }])).toMatch(/^4 segments: .* \(recommended\)$/)
    })

    it('render to SVG with the band label', () => {
      const svg = renderSvg(criterionOption(tiny, 'silhouette', rec, palette), 320, 200)
      expect(svg).toContain('excluded')
      expect(svg).toContain('Recommended 4')
    })
  })
})
