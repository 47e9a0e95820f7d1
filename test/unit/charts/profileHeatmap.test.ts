import { describe, expect, it } from 'vitest'
import { cellText, profileHeatmap } from '../../../src/shared/charts/profileHeatmap'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names, profile } from './understandFixture'

describe('profileHeatmap', () => {
  it('puts features in rows by eta² and segments in columns, values clamped to ±2', () => {
    const spec = profileHeatmap(profile, labels, lightChartPalette)
    expect((spec.option.yAxis as Loose).data).toEqual(['Milk', 'PC1', 'Fresh', 'Grocery'])
    expect((spec.option.xAxis as Loose).data).toEqual(names)
    const series = (spec.option.series as Loose[])[0]
    const cell = (segment: number, row: number) =>
      series.data.find((d: Loose) => d.value[0] === segment && d.value[1] === row).value[2]
    // Milk: smd −1.2, 3.1, −2.7 → −1.2, 2, −2.
    expect([0, 1, 2].map((s) => cell(s, 0))).toEqual([-1.2, 2, -2])
    expect(series.data).toHaveLength(12)
    const visualMap = spec.option.visualMap as Loose
    expect(visualMap).toMatchObject({ min: -2, max: 2, dimension: 2 })
    expect(visualMap.inRange.color).toEqual([...lightChartPalette.diverging])
  })

  it('labels a cell with the index, or the difference where there is no index', () => {
    expect(cellText({ index: 142.4, smd: 1 })).toBe('142')
    expect(cellText({ index: null, smd: -0.83 })).toBe('−0.8 SD')
    const spec = profileHeatmap(profile, labels, lightChartPalette)
    const series = (spec.option.series as Loose[])[0]
    const labelOf = (i: number) => format(series.label.formatter, { dataIndex: i })
    // Cells run segment by segment, features in row order: index 1 is segment 1's PC1, index 4 segment 2's Milk.
    expect([labelOf(0), labelOf(1), labelOf(4)]).toEqual(['50', '−0.8 SD', '200'])
    expect(format((spec.option.tooltip as Loose).formatter, { dataIndex: 4 })).toBe(
      'Dairy Lovers · Milk: average 20 vs 10 overall (index 200, +3.1 SD)',
    )
  })

  it('writes numbers in a colour readable on their cell, in both themes', () => {
    const textAt = (palette: typeof lightChartPalette, segment: number, row: number) =>
      ((profileHeatmap(profile, labels, palette).option.series as Loose[])[0].data as Loose[]).find(
        (d) => d.value[0] === segment && d.value[1] === row,
      ).label.color
    const [light, dark] = palettes
    // Segment 3's Milk is at −2: deep blue in the light theme (white text), bright blue in the dark one (dark text).
    expect([textAt(light, 2, 0), textAt(dark, 2, 0)]).toEqual(['#ffffff', '#111111'])
    // Segment 1's Grocery (−0.2) is near the neutral: near-white in the light theme, near the dark surface in the other.
    expect([textAt(light, 0, 3), textAt(dark, 0, 3)]).toEqual(['#111111', '#ffffff'])
  })

  it('renders to SVG with segment and feature names, segment colours on the column heads', () => {
    const svg = expectRendered(
      (palette) => profileHeatmap(profile, labels, palette),
      [...names, 'Milk', 'Grocery', '200', '−0.8 SD'],
      (palette) => labels.map((l) => seriesColour(palette, l.colour)),
    )
    expect(svg).toContain('2 SD above average')
  })

  it('refuses a profile without numeric features or with one missing in a segment', () => {
    const onlyCategory = { ...profile, features: profile.features.filter((f) => f.kind === 'category') }
    expect(() => profileHeatmap(onlyCategory, labels, lightChartPalette)).toThrow(/no numeric features/)
    const [a, b, c] = profile.segments
    const broken = { ...profile, segments: [a, { ...b, features: b.features.slice(1) }, c] }
    expect(() => profileHeatmap(broken, labels, lightChartPalette)).toThrow(/Segment 2 has no profile for "Fresh"/)
  })
})
