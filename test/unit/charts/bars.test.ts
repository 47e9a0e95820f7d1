import { describe, it, expect } from 'vitest'
import { horizontalBarOption } from '../../../src/shared/charts/bars'
import { darkChartPalette, lightChartPalette as lightPalette } from '../../../src/shared/charts/palette'
import { renderSvg } from './render'

/** ECharts option types are unions over every axis and series shape; the tests read plain fields and call formatters. */
type Loose = { readonly [key: string]: Loose } & ((...args: unknown[]) => unknown)

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

describe('horizontalBarOption rendered to SVG (as the report does)', () => {
  it('writes each name and count, first bar on top, in both themes', () => {
    const bars = [
      { label: 'Champions', value: 412 },
      { label: 'Hibernating', value: 1688 },
      { label: 'Lost', value: 0 },
    ]
    for (const palette of [lightPalette, darkChartPalette]) {
      const svg = renderSvg(horizontalBarOption(bars, palette))
      const y = (text: string) => {
        const m = new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)" fill="[^"]+">${text}</text>`).exec(svg)
        expect(m, `label ${text}`).not.toBeNull()
        return Number(m![1])
      }
      expect(y('Champions')).toBeLessThan(y('Hibernating'))
      expect(y('Hibernating')).toBeLessThan(y('Lost'))
      // Each count sits on its bar's row.
      expect(y('412')).toBeCloseTo(y('Champions'), 0)
      expect(y('1,688')).toBeCloseTo(y('Hibernating'), 0)
      expect(svg).toContain(`fill="${palette.accent}"`)
      expect(svg).toContain(`fill="${palette.text}">Champions</text>`)
    }
  })
})
