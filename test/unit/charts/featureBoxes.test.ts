import { describe, expect, it } from 'vitest'
import { featureBoxes } from '../../../src/shared/charts/featureBoxes'
import { withAlpha } from '../../../src/shared/charts/colour'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names, segments } from './understandFixture'

describe('featureBoxes', () => {
  it("draws each segment's five numbers in its colour, with the overall average marked", () => {
    for (const palette of palettes) {
      const spec = featureBoxes(segments, 'Milk', labels, palette)
      const series = (spec.option.series as Loose[])[0]
      expect(spec.option.series as Loose[]).toHaveLength(1)
      expect(series.data.map((d: Loose) => d.value)).toEqual([
        [2, 4, 5, 6, 9],
        [17, 19, 20, 21, 24],
        [3, 5, 6, 7, 10],
      ])
      const colours = labels.map((l) => seriesColour(palette, l.colour))
      expect(series.data.map((d: Loose) => d.itemStyle.borderColor)).toEqual(colours)
      expect(series.data.map((d: Loose) => d.itemStyle.color)).toEqual(colours.map((c) => withAlpha(c, 0.3)))
      expect(series.markLine.data).toEqual([{ xAxis: 10, name: 'Average of all customers' }])
      expect((spec.option.yAxis as Loose).data).toEqual(names)
      expect(spec.title).toBe('Milk by segment')
    }
  })

  it('describes a box in words in the tooltip', () => {
    const spec = featureBoxes(segments, 'Fresh', labels, lightChartPalette)
    const tooltip = (spec.option.tooltip as Loose).formatter
    expect(format(tooltip, { dataIndex: 1, componentType: 'series' })).toBe(
      'Dairy Lovers: median 13; middle half 12 – 14; range 10 – 17',
    )
    expect(format(tooltip, { dataIndex: 0, componentType: 'markLine' })).toBe('Average of all customers: 10')
  })

  it('renders to SVG with the segment names and colours', () => {
    expectRendered(
      (palette) => featureBoxes(segments, 'Milk', labels, palette),
      [...names, 'Milk'],
      (palette) => labels.map((l) => seriesColour(palette, l.colour)),
    )
  })

  it('refuses an unknown feature and boxes that are not five ascending numbers', () => {
    expect(() => featureBoxes(segments, 'Frozen', labels, lightChartPalette)).toThrow(
      /Segment 1 has no profile for "Frozen"/,
    )
    const [a, b, c] = segments
    const swapped = {
      ...b,
      features: b.features.map((f) => (f.feature === 'Milk' ? { ...f, box: [1, 5, 3, 6, 9] as const } : f)),
    }
    expect(() => featureBoxes([a, swapped, c], 'Milk', labels, lightChartPalette)).toThrow(
      /Segment 2's box for "Milk" is not in ascending order: 1,5,3,6,9/,
    )
    const nan = { ...c, features: c.features.map((f) => ({ ...f, box: [0, 1, NaN, 3, 4] as const })) }
    expect(() => featureBoxes([a, b, nan], 'Milk', labels, lightChartPalette)).toThrow(/not five finite numbers/)
  })
})
