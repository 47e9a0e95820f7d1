import { describe, expect, it } from 'vitest'
import { silhouettePlot, silhouetteSlots } from '../../../src/shared/charts/silhouettePlot'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import type { SilhouetteSummary } from '../../../src/shared/domain/understand'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names } from './understandFixture'

const summary: SilhouetteSummary = {
  sampleSize: 9,
  mean: 0.35,
  // Segment 2 deliberately unsorted: the plot sorts each blade high to low.
  bySegment: [
    [0.7, 0.5, 0.2, -0.1],
    [0.1, 0.6, 0.4],
    [0.3, 0.3],
  ],
}

describe('silhouettePlot', () => {
  it('stacks the segments as blades of sorted bars, one series per segment in its colour', () => {
    for (const palette of palettes) {
      const spec = silhouettePlot(summary, labels, palette)
      const series = spec.option.series as Loose[]
      expect(series.map((s) => s.name)).toEqual(names)
      expect(series.map((s) => s.itemStyle.color)).toEqual(labels.map((l) => seriesColour(palette, l.colour)))
      // Slots: 4 bars, a gap of 2, 3 bars, a gap of 2, 2 bars.
      expect(series.map((s) => s.data)).toEqual([
        [
          [0.7, 0],
          [0.5, 1],
          [0.2, 2],
          [-0.1, 3],
        ],
        [
          [0.6, 6],
          [0.4, 7],
          [0.1, 8],
        ],
        [
          [0.3, 11],
          [0.3, 12],
        ],
      ])
      // All series share the full slot rather than sitting side by side in it.
      for (const s of series) expect(s).toMatchObject({ type: 'bar', barGap: '-100%' })
      const names_ = (spec.option.yAxis as Loose).data as string[]
      expect(names_).toHaveLength(13)
      expect([names_[2], names_[7], names_[12]]).toEqual(names)
      expect(series[0].markLine.data).toEqual([{ xAxis: 0.35 }])
      // The axis reaches down to the lowest value, in tenths, and always a little below zero.
      expect((spec.option.xAxis as Loose).min).toBe(-0.1)
      expect(
        (silhouettePlot({ ...summary, bySegment: [[0.5], [0.4], [0.31]] }, labels, palette).option.xAxis as Loose).min,
      ).toBe(-0.1)
      expect(
        (silhouettePlot({ ...summary, bySegment: [[0.5], [-0.42], [0]] }, labels, palette).option.xAxis as Loose).min,
      ).toBe(-0.5)
    }
  })

  it('lays slots out with a gap growing with the number of bars, and one slot for an empty segment', () => {
    expect(silhouetteSlots([4, 0, 2])).toEqual({ starts: [0, 6, 9], total: 11, gap: 2 })
    expect(silhouetteSlots([300, 300])).toEqual({ starts: [0, 318], total: 618, gap: 18 })
  })

  it('says the value in the tooltip and the mean on the line', () => {
    const spec = silhouettePlot(summary, labels, lightChartPalette)
    expect(format((spec.option.tooltip as Loose).formatter, { seriesIndex: 2, value: [0.3, 11] })).toBe(
      'Fresh Fans: silhouette 0.3',
    )
    expect((spec.option.series as Loose[])[0].markLine.label.formatter).toBe('Mean 0.35')
  })

  it('renders to SVG with every segment named, its bars in its colour', () => {
    const svg = expectRendered(
      (palette) => silhouettePlot(summary, labels, palette),
      names,
      (palette) => labels.map((l) => seriesColour(palette, l.colour)),
    )
    expect(svg).toContain('Mean 0.35')
  })

  it('refuses values outside −1..1', () => {
    expect(() => silhouettePlot({ ...summary, mean: 2 }, labels, lightChartPalette)).toThrow(/mean silhouette is 2/)
    const bad = { ...summary, bySegment: [[0.1], [1.5], [0]] }
    expect(() => silhouettePlot(bad, labels, lightChartPalette)).toThrow(/Segment 2 has silhouette value 1.5/)
    expect(() => silhouettePlot({ ...summary, bySegment: [] }, labels, lightChartPalette)).toThrow(/no segments/)
  })
})
