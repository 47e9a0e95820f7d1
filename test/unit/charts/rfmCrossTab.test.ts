import { describe, expect, it } from 'vitest'
import { rfmCrossTab } from '../../../src/shared/charts/rfmCrossTab'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import type { RfmCrossTab } from '../../../src/shared/domain/understand'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names } from './understandFixture'

const tab: RfmCrossTab = {
  rfmSegments: ['Champions', 'At risk'],
  counts: [
    [120, 10, 0],
    [5, 200, 30],
  ],
}

describe('rfmCrossTab', () => {
  it('puts RFM segments in rows and clusters in columns, one cell per count', () => {
    for (const palette of palettes) {
      const spec = rfmCrossTab(tab, labels, palette)
      expect((spec.option.yAxis as Loose).data).toEqual(['Champions', 'At risk'])
      const xAxis = spec.option.xAxis as Loose
      expect(xAxis.data).toEqual(names)
      // Column heads in the segment colours.
      expect([0, 1, 2].map((i) => xAxis.axisLabel.color(names[i], i))).toEqual(
        labels.map((l) => seriesColour(palette, l.colour)),
      )
      const series = (spec.option.series as Loose[])[0]
      expect(series.data.map((d: Loose) => d.value)).toEqual([
        [0, 0, 120],
        [1, 0, 10],
        [2, 0, 0],
        [0, 1, 5],
        [1, 1, 200],
        [2, 1, 30],
      ])
      expect(spec.option.visualMap).toMatchObject({ min: 0, max: 200, show: false })
      expect(format(series.label.formatter, { value: [1, 1, 1200] })).toBe('1,200')
    }
  })

  it('gives the count and its share of the RFM segment in the tooltip', () => {
    const spec = rfmCrossTab(tab, labels, lightChartPalette)
    expect(format((spec.option.tooltip as Loose).formatter, { value: [2, 1, 30] })).toBe(
      'At risk · Fresh Fans: 30 customers (13% of the RFM segment)',
    )
  })

  it('renders to SVG with RFM segment and cluster names and the counts', () => {
    expectRendered(
      (palette) => rfmCrossTab(tab, labels, palette),
      [...names, 'Champions', 'At risk', '120', '200'],
      (palette) => labels.map((l) => seriesColour(palette, l.colour)),
    )
  })

  it('refuses ragged tables, counts that are not whole, and labels for clusters the table lacks', () => {
    expect(() => rfmCrossTab({ ...tab, counts: [[1, 2, 3], [1]] }, labels, lightChartPalette)).toThrow(
      /"At risk" has 1 counts; the first row has 3/,
    )
    expect(() => rfmCrossTab({ ...tab, counts: [[1, 2, 3]] }, labels, lightChartPalette)).toThrow(
      /names 2 RFM segments but has 1 rows/,
    )
    expect(() =>
      rfmCrossTab(
        {
          ...tab,
          counts: [
            [1, 2.5, 3],
            [1, 2, 3],
          ],
        },
        labels,
        lightChartPalette,
      ),
    ).toThrow(/"Champions" has 2.5 customers in cluster 2/)
    const twoColumns = { ...tab, counts: tab.counts.map((r) => r.slice(0, 2)) }
    expect(() => rfmCrossTab(twoColumns, labels, lightChartPalette)).toThrow(/label for segment 3.*2 segments/)
  })
})
