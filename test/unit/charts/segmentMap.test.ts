import { describe, expect, it } from 'vitest'
import { segmentMap } from '../../../src/shared/charts/segmentMap'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import type { SegmentMap } from '../../../src/shared/domain/understand'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names } from './understandFixture'

/** n customers on three separated blobs, segment = i mod 3. */
function blobs(n: number, total = n): SegmentMap {
  const x: number[] = []
  const y: number[] = []
  const segment: number[] = []
  const customer: string[] = []
  for (let i = 0; i < n; i++) {
    const s = i % 3
    x.push(s * 4 + Math.sin(i))
    y.push(s + Math.cos(i * 1.7))
    segment.push(s)
    customer.push(`C-${i + 1}`)
  }
  return { x, y, segment, customer, explained: [0.34, 0.215], total }
}

describe('segmentMap', () => {
  it('draws one large-mode series per segment, named and coloured by its label', () => {
    for (const palette of palettes) {
      const spec = segmentMap(blobs(30), labels, palette)
      const series = spec.option.series as Loose[]
      expect(series.map((s) => s.name)).toEqual(names)
      expect(series.map((s) => s.itemStyle.color)).toEqual(labels.map((l) => seriesColour(palette, l.colour)))
      expect(series.map((s) => s.data.length)).toEqual([10, 10, 10])
      expect(series[1].data[0]).toEqual([4 + Math.sin(1), 1 + Math.cos(1.7)])
      for (const s of series) expect(s).toMatchObject({ type: 'scatter', large: true, progressive: 2000 })
      expect(spec.option.animation).toBe(false)
      expect((spec.option.tooltip as Loose).renderMode).toBe('richText')
    }
  })

  it('names the axes by the variation they explain and the tooltip by customer and segment', () => {
    const spec = segmentMap(blobs(30, 1200), labels, lightChartPalette)
    expect((spec.option.xAxis as Loose).name).toBe('Component 1 (34% of variation)')
    expect((spec.option.yAxis as Loose).name).toBe('Component 2 (22% of variation)')
    // Series 1 holds customers 2, 5, 8, …: its fourth point is customer C-11.
    expect(format((spec.option.tooltip as Loose).formatter, { seriesIndex: 1, dataIndex: 3 })).toBe(
      'C-11: Dairy Lovers',
    )
    expect(spec.title).toBe('Segment map')
    expect(spec.caption).toMatch(/Each dot is a customer.*sample of 30 of 1,200 customers/)
  })

  it('keeps a series (and a legend entry) for a labelled segment with no customers in the sample', () => {
    const spec = segmentMap(blobs(30), [...labels, { segment: 3, name: 'Absent', colour: 3 }], lightChartPalette)
    expect((spec.option.series as Loose[]).map((s) => s.data.length)).toEqual([10, 10, 10, 0])
  })

  it('renders 6,000 customers to SVG with every segment named, in their colours', () => {
    const svg = expectRendered(
      (palette) => segmentMap(blobs(6000), labels, palette),
      names,
      (palette) => labels.map((l) => seriesColour(palette, l.colour)),
    )
    expect(svg).toContain('Component 1 (34% of variation)')
    // Large mode draws each segment as one path of many dots rather than an element per dot.
    expect((svg.match(/<path/g) ?? []).length).toBeLessThan(200)
    // …and draws every dot at once, progressive rendering or not (one move-to per dot).
    expect((svg.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(6000)
  })

  it('refuses maps that do not line up, naming the problem', () => {
    const map = blobs(6)
    expect(() => segmentMap({ ...map, y: map.y.slice(1) }, labels, lightChartPalette)).toThrow(
      /6 x positions but 5 y values/,
    )
    expect(() => segmentMap({ ...map, x: [NaN, ...map.x.slice(1)] }, labels, lightChartPalette)).toThrow(
      /Customer C-1 has position \(NaN/,
    )
    expect(() => segmentMap({ ...map, segment: [-1, ...map.segment.slice(1)] }, labels, lightChartPalette)).toThrow(
      /C-1 is in segment -1/,
    )
    expect(() => segmentMap({ ...map, explained: [1.2, 0] }, labels, lightChartPalette)).toThrow(/explains 1.2/)
    expect(() => segmentMap({ ...map, total: 3 }, labels, lightChartPalette)).toThrow(/6 customers out of a total of 3/)
    expect(() => segmentMap(blobs(0), labels, lightChartPalette)).toThrow(/no customers/)
  })
})
