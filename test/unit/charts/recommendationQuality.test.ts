import { describe, expect, it } from 'vitest'
import {
  recommendationQuality,
  type RecommendationQualityInput,
} from '../../../src/shared/charts/recommendationQuality'
import { darkChartPalette, lightChartPalette } from '../../../src/shared/charts/palette'
import { renderSvg } from './render'

const input: RecommendationQualityInput = {
  method: 'Bought together (item-based)',
  k: 10,
  measures: [
    { label: 'NDCG@10', value: 0.123, baseline: 0.057 },
    { label: 'Hit rate', value: 0.41, baseline: 0.22, asShare: true },
    { label: 'Catalogue coverage', value: 0.6, baseline: 0.003, asShare: true },
  ],
}

type Series = {
  name: string
  data: number[]
  itemStyle: { color: string }
  label: { formatter: (p: unknown) => string }
}

describe('recommendationQuality', () => {
  it('draws each measure as a pair, this method beside the best-sellers, first measure on top', () => {
    const spec = recommendationQuality(input, lightChartPalette)
    expect(spec.title).toBe('Recommendation quality')
    expect(spec.caption).toMatch(/top 10 .* best-sellers/)
    expect((spec.option.yAxis as { data: string[] }).data).toEqual(['Catalogue coverage', 'Hit rate', 'NDCG@10'])
    const [baseline, method] = spec.option.series as Series[]
    expect(method.name).toBe('Bought together (item-based)')
    expect(method.data).toEqual([0.6, 0.41, 0.123])
    expect(baseline.name).toBe('Best-sellers')
    expect(baseline.data).toEqual([0.003, 0.22, 0.057])
    // Scores to three decimals, shares as percentages.
    expect(method.label.formatter({ dataIndex: 2 })).toBe('0.123')
    expect(method.label.formatter({ dataIndex: 1 })).toMatch(/^41(\.0)?%$/)
    expect((spec.option.legend as { data: string[] }).data).toEqual(['Bought together (item-based)', 'Best-sellers'])
  })

  it('uses two colour-blind-safe series colours (Okabe–Ito blue and vermilion), distinct in both themes', () => {
    for (const palette of [lightChartPalette, darkChartPalette]) {
      const [baseline, method] = recommendationQuality(input, palette).option.series as Series[]
      expect(method.itemStyle.color).toBe(palette.series[0])
      expect(baseline.itemStyle.color).toBe(palette.series[1])
      expect(method.itemStyle.color).not.toBe(baseline.itemStyle.color)
    }
    expect(lightChartPalette.series.slice(0, 2)).toEqual(['#0072b2', '#d55e00'])
  })

  it('grows with the number of measures', () => {
    const one = recommendationQuality({ ...input, measures: input.measures.slice(0, 1) }, lightChartPalette)
    expect(recommendationQuality(input, lightChartPalette).height).toBeGreaterThan(one.height)
  })

  it('refuses values outside 0–1, naming the measure and who scored it', () => {
    const bad = (value: number, baseline = 0.1) =>
      recommendationQuality({ ...input, measures: [{ label: 'MAP@10', value, baseline }] }, lightChartPalette)
    expect(() => bad(1.2)).toThrow(/MAP@10 of Bought together \(item-based\) is 1.2/)
    expect(() => bad(0.1, Number.NaN)).toThrow(/MAP@10 of Best-sellers is NaN/)
    expect(() => recommendationQuality({ ...input, measures: [] }, lightChartPalette)).toThrow(/no measures/)
    expect(() => recommendationQuality({ ...input, k: 0 }, lightChartPalette)).toThrow(/got 0/)
  })

  it('renders to SVG with both series, the measure names and the legend', () => {
    const spec = recommendationQuality(input, darkChartPalette)
    const svg = renderSvg(spec.option, 640, spec.height)
    expect(svg).toContain('<svg')
    expect(svg).toContain('NDCG@10')
    expect(svg).toContain('Best-sellers')
    expect(svg).toContain(darkChartPalette.series[0])
    expect(svg).toContain(darkChartPalette.series[1])
  })
})
