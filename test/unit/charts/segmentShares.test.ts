import { describe, expect, it } from 'vitest'
import { segmentShares } from '../../../src/shared/charts/segmentShares'
import { withAlpha } from '../../../src/shared/charts/colour'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names, profile } from './understandFixture'

const noValue = { segments: profile.segments.map((s) => ({ ...s, valueShare: null })), monetaryFeature: null }

describe('segmentShares', () => {
  it('draws customer and value bars per segment in the segment colours, the value bars see-through', () => {
    for (const palette of palettes) {
      const spec = segmentShares(profile, labels, palette)
      const series = spec.option.series as Loose[]
      expect(series.map((s) => s.name)).toEqual(['Share of customers', 'Share of Spend'])
      expect(series[0].data.map((d: Loose) => d.value)).toEqual([0.6, 0.3, 0.1])
      expect(series[1].data.map((d: Loose) => d.value)).toEqual([0.3, 0.5, 0.2])
      const colours = labels.map((l) => seriesColour(palette, l.colour))
      expect(series[0].data.map((d: Loose) => d.itemStyle.color)).toEqual(colours)
      expect(series[1].data.map((d: Loose) => d.itemStyle.borderColor)).toEqual(colours)
      expect(series[1].data.map((d: Loose) => d.itemStyle.color)).toEqual(colours.map((c) => withAlpha(c, 0.3)))
      expect((spec.option.yAxis as Loose).data).toEqual(names)
      expect(spec.option.animation).toBe(false)
    }
  })

  it('draws only customer bars, without a legend, when the run has no monetary column', () => {
    const spec = segmentShares(noValue, labels, lightChartPalette)
    expect((spec.option.series as Loose[]).map((s) => s.name)).toEqual(['Share of customers'])
    expect((spec.option.legend as Loose).show).toBe(false)
    expect(spec.title).toBe('Segment sizes')
  })

  it('says size and value in the tooltip', () => {
    const spec = segmentShares(profile, labels, lightChartPalette)
    const text = format((spec.option.tooltip as Loose).formatter, [{ dataIndex: 1 }])
    expect(text).toBe('Dairy Lovers: 300 customers (30%), 50% of Spend')
  })

  it('renders to SVG with the segment names, shares and colours', () => {
    const svg = expectRendered(
      (palette) => segmentShares(profile, labels, palette),
      names,
      (palette) => labels.map((l) => seriesColour(palette, l.colour)),
    )
    for (const text of ['60%', '50%', 'Share of Spend']) expect(svg).toContain(text)
  })

  it('refuses shares outside 0..1 and value shares on only some segments', () => {
    const [a, b, c] = profile.segments
    const with_ = (s: typeof a) => ({ ...profile, segments: [a, b, s] })
    expect(() => segmentShares(with_({ ...c, valueShare: null }), labels, lightChartPalette)).toThrow(
      /Segment 3 has no value share, but other segments have one/,
    )
    expect(() => segmentShares(with_({ ...c, share: 1.5 }), labels, lightChartPalette)).toThrow(
      /Segment 3 has customer share 1.5/,
    )
    expect(() => segmentShares(with_({ ...c, valueShare: -0.1 }), labels, lightChartPalette)).toThrow(
      /Segment 3 has value share -0.1/,
    )
  })
})
