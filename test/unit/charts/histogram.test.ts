import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { binLabel, binRect, describeHistogram, histogramOption } from '../../../src/shared/charts/histogram'
import { darkChartPalette as darkPalette, lightChartPalette as lightPalette } from '../../../src/shared/charts/palette'
import { renderSvg } from './render'

/** ECharts option types are unions over every axis and series shape; the tests read plain fields and call formatters. */
type Loose = { readonly [key: string]: Loose } & ((...args: unknown[]) => unknown)

const histogram = { edges: [0, 10, 20, 30], counts: [5, 12, 3] }

describe('histogramOption', () => {
  it('draws one item per bin spanning its edges, on value axes bounded by the outer edges', () => {
    const option = histogramOption(histogram, lightPalette) as unknown as Loose
    const series = option.series[0]
    expect(series.type).toBe('custom')
    expect(series.data).toEqual([
      [0, 10, 5],
      [10, 20, 12],
      [20, 30, 3],
    ])
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 30 })
    expect(option.tooltip.renderMode).toBe('richText')
  })

  it('is a pure function of its inputs and follows the palette', () => {
    const a = histogramOption(histogram, darkPalette) as unknown as Loose
    const b = histogramOption(histogram, darkPalette) as unknown as Loose
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.yAxis.axisLabel.color).toBe(darkPalette.muted)
    const api = { value: (d: number) => [0, 10, 5][d], coord: ([x, y]: [number, number]) => [x, -y] }
    const fill = binRect(api, darkPalette.accent).style.fill
    expect(fill).toBe(darkPalette.accent)
  })

  it('tooltip names the bin and its count', () => {
    const option = histogramOption(histogram, lightPalette) as unknown as Loose
    expect(option.tooltip.formatter({ dataIndex: 1 })).toBe('10 – 20: 12')
  })

  it('widens the axis around a single-valued column so its one bar is visible', () => {
    const option = histogramOption({ edges: [7, 7], counts: [40] }, lightPalette) as unknown as Loose
    expect(option.xAxis.min).toBeLessThan(7)
    expect(option.xAxis.max).toBeGreaterThan(7)
  })

  it('refuses a histogram whose edges and counts disagree, naming both lengths', () => {
    expect(() => histogramOption({ edges: [0, 1], counts: [1, 2] }, lightPalette)).toThrow(/2 edges for 2 counts/)
    expect(() => histogramOption({ edges: [0, 2, 1], counts: [1, 2] }, lightPalette)).toThrow(/must increase/)
  })

  it('formats the axis with the formatter given (dates)', () => {
    const day = Date.UTC(2011, 0, 1)
    const option = histogramOption({ edges: [day, day + 864e5], counts: [3] }, lightPalette, {
      format: (v: number) => new Date(v).toISOString().slice(0, 10),
    }) as unknown as Loose
    expect(option.xAxis.axisLabel.formatter(day)).toBe('2011-01-01')
  })
})

describe('binRect', () => {
  it('maps a bin to a rectangle from its left edge to its right edge and from its count down to zero', () => {
    // A fake coordinate system: x pixels = 10·x, y pixels = 100 − y.
    const api = { value: (d: number) => [2, 4, 30][d], coord: ([x, y]: [number, number]) => [10 * x, 100 - y] }
    const rect = binRect(api, '#000')
    expect(rect.shape).toEqual({ x: 20.5, y: 70, width: 19, height: 30 })
  })

  it('never has a negative size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.nat(1e6),
        (left, width, count) => {
          const api = {
            value: (d: number) => [left, left + width, count][d],
            coord: ([x, y]: [number, number]) => [x, 1e7 - y],
          }
          const { shape } = binRect(api, '#000')
          expect(shape.width).toBeGreaterThan(0)
          expect(shape.height).toBeGreaterThanOrEqual(0)
        },
      ),
    )
  })
})

describe('describeHistogram', () => {
  it('says how many values, their range and the busiest bin', () => {
    expect(describeHistogram(histogram, 'Age')).toBe('Age: 20 values from 0 to 30, most between 10 – 20.')
    expect(describeHistogram({ edges: [], counts: [] }, 'Age')).toBe('Age: no values.')
    expect(binLabel([0.5, 1.25], 0)).toBe('0.5 – 1.25')
  })
})

/** The bars of a rendered histogram: the custom series draws each bin as a closed path "M x y l w 0 l 0 h l -w 0 Z". */
function barsOf(svg: string) {
  const bars: { x: number; top: number; width: number; height: number; fill: string; index: number }[] = []
  const path =
    /<path d="M([\d.]+) ([\d.]+)l([\d.]+) 0l0 ([\d.]+)l-[\d.]+ 0Z" fill="([^"]+)"[^>]*ecmeta_data_index="(\d+)"/g
  for (const m of svg.matchAll(path)) {
    bars.push({ x: +m[1], top: +m[2], width: +m[3], height: +m[4], fill: m[5], index: +m[6] })
  }
  return bars
}

describe('histogramOption rendered to SVG (as the report does)', () => {
  it('draws one touching bar per bin, heights in proportion to the counts, in the colour asked for', () => {
    for (const palette of [lightPalette, darkPalette]) {
      const svg = renderSvg(histogramOption(histogram, palette, { color: palette.muted }))
      const bars = barsOf(svg)
      expect(bars.map((b) => b.index)).toEqual([0, 1, 2])
      expect(new Set(bars.map((b) => b.fill))).toEqual(new Set([palette.muted]))
      // Equal-width bins give equal-width bars, each starting where the previous one ends (plus the 1-pixel gap).
      for (const b of bars) expect(b.width).toBeCloseTo(bars[0].width, 0)
      for (let i = 1; i < bars.length; i++) expect(bars[i].x - bars[i - 1].x).toBeCloseTo(bars[0].width + 1, 0)
      // Counts 5, 12, 3 on a shared zero baseline.
      expect(bars[1].height / bars[0].height).toBeCloseTo(12 / 5, 1)
      expect(bars[2].height / bars[0].height).toBeCloseTo(3 / 5, 1)
      for (const b of bars) expect(b.top + b.height).toBeCloseTo(bars[0].top + bars[0].height, 0)
      // The value axis is labelled with round numbers in the palette's font.
      for (const label of ['>0<', '>10<', '>20<', '>30<']) expect(svg).toContain(label)
      expect(svg).toContain(`font-family:${palette.font}`)
    }
  })

  it('renders a compact (sparkline) histogram without axis labels, and a single-valued column as one visible bar', () => {
    const compact = renderSvg(histogramOption(histogram, lightPalette, { compact: true }), 96, 24)
    expect(barsOf(compact)).toHaveLength(3)
    expect(compact).not.toContain('<text')
    const single = barsOf(renderSvg(histogramOption({ edges: [7, 7], counts: [40] }, lightPalette)))
    expect(single).toHaveLength(1)
    expect(single[0].height).toBeGreaterThan(0)
  })
})
