import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  binLabel,
  binRect,
  describeHistogram,
  histogramOption,
} from '../../../src/renderer/src/ui/charts/histogramOption'
import { horizontalBarOption } from '../../../src/renderer/src/ui/charts/barOption'
import { darkPalette, lightPalette } from '../../../src/renderer/src/ui/charts/palette'

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
    const fill = binRect({ value: (d) => [0, 10, 5][d], coord: ([x, y]) => [x, -y] }, darkPalette.accent).style.fill
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
      format: (v) => new Date(v).toISOString().slice(0, 10),
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

describe('horizontalBarOption', () => {
  const bars = [
    { label: 'Champions', value: 412 },
    { label: 'Loyal Customers', value: 554 },
    { label: 'Hibernating', value: 688 },
  ]

  it('lists the first bar on top (ECharts draws categories bottom-up) with its value', () => {
    const option = horizontalBarOption(bars, lightPalette) as unknown as Loose
    expect(option.yAxis.data).toEqual(['Hibernating', 'Loyal Customers', 'Champions'])
    expect(option.series[0].data).toEqual([688, 554, 412])
    expect(option.series[0].label.formatter({ value: 1234 })).toBe('1,234')
    expect(option.tooltip.formatter({ dataIndex: 2 })).toBe('Champions: 412')
  })

  it('does not reorder the caller’s array', () => {
    const copy = bars.map((b) => ({ ...b }))
    horizontalBarOption(bars, lightPalette)
    expect(bars).toEqual(copy)
  })

  it('refuses negative or non-finite values, naming the bar', () => {
    expect(() => horizontalBarOption([{ label: 'At Risk', value: -1 }], lightPalette)).toThrow(/"At Risk" has value -1/)
    expect(() => horizontalBarOption([{ label: 'X', value: Number.NaN }], lightPalette)).toThrow(/"X"/)
  })
})
