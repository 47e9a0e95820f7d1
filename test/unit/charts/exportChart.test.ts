import { describe, expect, it } from 'vitest'
import { chartFileName, exportOption } from '../../../src/renderer/src/charts/exportChart'

describe('chart export helpers', () => {
  it('makes file names from titles', () => {
    expect(chartFileName('Segment map', 'png')).toBe('segment-map.png')
    expect(chartFileName('Café — Fresh & Milk by segment!', 'svg')).toBe('cafe-fresh-milk-by-segment.svg')
    expect(chartFileName('  ???  ', 'svg')).toBe('chart.svg')
  })

  it('exports on an opaque background, unanimated, every series drawn in one pass', () => {
    const option = { animation: true, series: [{ type: 'scatter', progressive: 2000 }, { type: 'bar' }] }
    expect(exportOption(option, '#fff')).toEqual({
      animation: false,
      backgroundColor: '#fff',
      series: [
        { type: 'scatter', progressive: 0 },
        { type: 'bar', progressive: 0 },
      ],
    })
    expect(exportOption({ series: { type: 'line' } }, '#000').series).toEqual({ type: 'line', progressive: 0 })
    expect(exportOption({}, '#000')).toEqual({ animation: false, backgroundColor: '#000' })
    // The caller's option is left as it was.
    expect(option.series[0].progressive).toBe(2000)
  })
})
