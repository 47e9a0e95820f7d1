import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { segmentSizeBars, segmentSizesOption } from '../../../src/shared/charts/segmentSizes'
import { darkChartPalette, lightChartPalette } from '../../../src/shared/charts/palette'
import { renderSvg } from './render'

describe('segmentSizeBars', () => {
  it('turns sizes into shares, names segments from 1 and flags segments under 1% as tiny', () => {
    const bars = segmentSizeBars([600, 395, 5])
    expect(bars.map((b) => b.label)).toEqual(['Segment 1', 'Segment 2', 'Segment 3'])
    expect(bars.map((b) => b.share)).toEqual([0.6, 0.395, 0.005])
    expect(bars.map((b) => b.tiny)).toEqual([false, false, true])
  })

  it('uses the given names and threshold; exactly at the threshold is not tiny', () => {
    const bars = segmentSizeBars([95, 5], { names: ['Loyal', 'Lapsed'], tinyShare: 0.05 })
    expect(bars.map((b) => [b.label, b.tiny])).toEqual([
      ['Loyal', false],
      ['Lapsed', false],
    ])
    expect(segmentSizeBars([96, 4], { tinyShare: 0.05 })[1].tiny).toBe(true)
  })

  it('refuses sizes that cannot be counts, naming the segment and the value', () => {
    expect(() => segmentSizeBars([10, -1])).toThrow(/Segment 2 has size -1/)
    expect(() => segmentSizeBars([10, 2.5])).toThrow(/Segment 2 has size 2.5/)
    expect(() => segmentSizeBars([])).toThrow(/no segments/)
    expect(() => segmentSizeBars([0, 0])).toThrow(/empty/)
    expect(() => segmentSizeBars([1, 2], { names: ['a'] })).toThrow(/1 names were given for 2 segments/)
    expect(() => segmentSizeBars([1, 2], { tinyShare: 1.5 })).toThrow(/got 1.5/)
  })

  it('shares always sum to 1 and tiny is exactly share < threshold (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 })
          .filter((s) => s.some((x) => x > 0)),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (sizes, tinyShare) => {
          const bars = segmentSizeBars(sizes, { tinyShare })
          const total = sizes.reduce((a, b) => a + b, 0)
          expect(bars.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 9)
          bars.forEach((b, i) => {
            expect(b.count).toBe(sizes[i])
            expect(b.tiny).toBe(sizes[i] / total < tinyShare)
          })
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('segmentSizesOption', () => {
  it('draws each segment in its own colour (the one it has on every chart), tiny ones still in the warning colour', () => {
    const bars = segmentSizeBars([600, 395, 5], { colours: [4, 0, 2] })
    const option = segmentSizesOption(bars, lightChartPalette)
    const series = (option.series as { data: { itemStyle: { color: string } }[] }[])[0]
    // Drawn bottom up: segment 3 (tiny), segment 2, segment 1.
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([
      lightChartPalette.warn,
      lightChartPalette.series[0],
      lightChartPalette.series[4],
    ])
    expect(() => segmentSizeBars([1, 2], { colours: [0] })).toThrow(/1 colours were given for 2 segments/)
  })

  it('lists segment 1 on top, one bar per segment, tiny ones in the warning colour', () => {
    const bars = segmentSizeBars([600, 395, 5])
    const option = segmentSizesOption(bars, lightChartPalette)
    const yAxis = option.yAxis as { data: string[] }
    expect(yAxis.data).toEqual(['Segment 3', 'Segment 2', 'Segment 1'])
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]
    expect(series.data.map((d) => d.value)).toEqual([0.005, 0.395, 0.6])
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([
      lightChartPalette.warn,
      lightChartPalette.accent,
      lightChartPalette.accent,
    ])
  })

  it('labels each bar with its share and count, and renders to SVG in both themes', () => {
    const bars = segmentSizeBars([1234, 56_789, 3])
    for (const palette of [lightChartPalette, darkChartPalette]) {
      const svg = renderSvg(segmentSizesOption(bars, palette))
      expect(svg).toContain('Segment 1')
      // 56,789 / 58,026 = 97.87%, 1,234 / 58,026 = 2.13%, 3 / 58,026 = 0.005%
      expect(svg).toContain('98% · 56,789')
      expect(svg).toContain('2.1% · 1,234')
      expect(svg).toContain('&lt;0.1% · 3')
      expect(svg).toContain(`fill="${palette.warn}"`)
    }
  })
})
