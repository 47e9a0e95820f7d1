import { describe, expect, it } from 'vitest'
import { toFrameColumn } from '../../../src/main/formats/typing/toFrameColumn'

describe('toFrameColumn', () => {
  const raw = ['1.234,5', ' ', 'NA', '7', 'oops', null]

  it('parses numbers with the column format; missing and bad values become NaN', () => {
    const c = toFrameColumn('amount', raw, {
      type: 'number',
      numberFormat: { decimal: ',', thousands: '.', currency: null, percent: false },
      dateFormat: null,
    })
    expect(c.kind).toBe('number')
    expect(Array.from(c.values as Float64Array)).toEqual([1234.5, NaN, NaN, 7, NaN, NaN])
  })

  it('parses dates to epoch milliseconds', () => {
    const c = toFrameColumn('when', ['19970101', '', '19980630'], {
      type: 'date',
      numberFormat: null,
      dateFormat: 'yyyymmdd',
    })
    expect(c.kind).toBe('date')
    expect(Array.from(c.values as Float64Array)).toEqual([Date.UTC(1997, 0, 1), NaN, Date.UTC(1998, 5, 30)])
  })

  it('turns yes/no spellings into a two-level category', () => {
    const c = toFrameColumn('churn', ['Yes', 'no', '1', 'unknown', 'TRUE'], {
      type: 'boolean',
      numberFormat: null,
      dateFormat: null,
    })
    expect(c).toEqual({ name: 'churn', kind: 'category', values: ['Yes', 'No', 'Yes', null, 'Yes'] })
  })

  it('trims categories and keys, keeps text raw, and nulls missing markers', () => {
    expect(
      toFrameColumn('c', [' Gold ', 'NA', 'Silver'], { type: 'category', numberFormat: null, dateFormat: null }).values,
    ).toEqual(['Gold', null, 'Silver'])
    expect(toFrameColumn('k', ['00042', ''], { type: 'id', numberFormat: null, dateFormat: null }).values).toEqual([
      '00042',
      null,
    ])
    expect(
      toFrameColumn('t', [' two  words ', '?'], { type: 'text', numberFormat: null, dateFormat: null }).values,
    ).toEqual([' two  words ', null])
  })

  it('refuses a number or date type without its format', () => {
    expect(() => toFrameColumn('x', ['1'], { type: 'number', numberFormat: null, dateFormat: null })).toThrow(
      /no number format/,
    )
    expect(() => toFrameColumn('x', ['1'], { type: 'date', numberFormat: null, dateFormat: null })).toThrow(
      /no date format/,
    )
  })
})
