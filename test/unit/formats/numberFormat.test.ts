import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  comboFor,
  createNumberScan,
  numberCombos,
  parseNumber,
  scanNumber,
  type NumberFormat,
} from '../../../src/main/formats/typing/numberFormat'

const point = { decimal: '.', thousands: ',' } as const
const comma = { decimal: ',', thousands: '.' } as const
const commaSpace = { decimal: ',', thousands: ' ' } as const
const swiss = { decimal: '.', thousands: "'" } as const

describe('parseNumber', () => {
  it.each([
    ['1234.56', point, 1234.56],
    ['1,234.56', point, 1234.56],
    ['1,234,567', point, 1234567],
    ['1.234,56', comma, 1234.56],
    ['12.345.678,9', comma, 12345678.9],
    ['1 234,56', commaSpace, 1234.56],
    ['1\u00a0234,56', commaSpace, 1234.56],
    ['1\u202f234,56', commaSpace, 1234.56],
    ["1'234.50", swiss, 1234.5],
    ['£12.50', point, 12.5],
    ['12,50 €', comma, 12.5],
    ['€ 1.234,00', comma, 1234],
    ['EUR 99', point, 99],
    ['99 USD', point, 99],
    ['R$ 10,5', comma, 10.5],
    ['$-5.25', point, -5.25],
    ['-$5.25', point, -5.25],
    ['(1,234.00)', point, -1234],
    ['12%', point, 12],
    ['-0.5 %', point, -0.5],
    ['9.78043902348e+12', point, 9780439023480],
    ['1E-3', point, 0.001],
    ['.5', point, 0.5],
    [',5', comma, 0.5],
    ['+7', point, 7],
    ['−3', point, -3],
    ['  42  ', point, 42],
    ['00042', point, 42],
  ] as const)('reads %j with %j as %d', (raw, format, expected) => {
    expect(parseNumber(raw, format)).toBeCloseTo(expected, 10)
  })

  it.each([
    ['abc', point],
    ['12.5', comma], // "." would be a thousands separator followed by one digit
    ['1,5', point],
    ['1,23,456', point], // Indian grouping is not one of the supported formats
    ['1..2', point],
    ['1.', point],
    ['--1', point],
    ['(-1)', point],
    ['1.234.5', point],
    ['NA', point],
    [' ', point],
    ['', point],
    ['12 apples', point],
    ['$', point],
    ['1e', point],
  ] as const)('rejects %j with %j', (raw, format) => {
    expect(parseNumber(raw, format)).toBeNaN()
  })

  it('treats a missing thousands separator as the usual one for the decimal mark', () => {
    expect(parseNumber('1.234', { decimal: ',', thousands: '' })).toBe(1234)
    expect(parseNumber('1,234', { decimal: '.', thousands: '' })).toBe(1234)
    expect(comboFor({ decimal: ',', thousands: '' })).toBe(comboFor(comma))
  })
})

describe('scanNumber', () => {
  const scan = createNumberScan()
  const combosOf = (raw: string) => {
    scanNumber(raw, scan)
    return numberCombos.filter((_, c) => scan.mask & (1 << c)).map((k) => k.decimal + k.thousands)
  }

  it('keeps every format an ambiguous value fits', () => {
    expect(combosOf('1,234')).toEqual(['.,', ',.', ', '])
    expect(combosOf('1.234')).toEqual(['.,', '. ', ".'", ',.'])
    expect(combosOf('1234')).toHaveLength(numberCombos.length)
  })

  it('narrows to the formats a value proves', () => {
    expect(combosOf('1,5')).toEqual([',.', ', '])
    expect(combosOf('1.234,56')).toEqual([',.'])
    expect(combosOf('1,234.56')).toEqual(['.,'])
    expect(combosOf('1 234.5')).toEqual(['. '])
    expect(combosOf('hello')).toEqual([])
  })

  it('flags leading zeros, plain digits, currency and percent', () => {
    scanNumber('00042', scan)
    expect([scan.plainDigits, scan.leadingZero]).toEqual([true, true])
    scanNumber('0', scan)
    expect([scan.plainDigits, scan.leadingZero]).toEqual([true, false])
    scanNumber('£1,200', scan)
    expect([scan.plainDigits, scan.currency]).toEqual([false, '£'])
    scanNumber('15%', scan)
    expect(scan.percent).toBe(true)
  })
})

/** Writes x with a format independently of the parser: fixed decimals, then thousands groups from the right. */
function write(x: number, decimals: number, format: Pick<NumberFormat, 'decimal' | 'thousands'>): string {
  const [int, frac] = Math.abs(x).toFixed(decimals).split('.')
  let grouped = ''
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += format.thousands
    grouped += int[i]
  }
  return (x < 0 ? '-' : '') + grouped + (frac ? format.decimal + frac : '')
}

describe('parseNumber properties', () => {
  const formats = fc.constantFrom(...numberCombos)

  it('reads back any number written in any supported format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 4 }),
        formats,
        (units, decimals, format) => {
          const x = units / 10 ** decimals
          const text = write(x, decimals, format)
          expect(parseNumber(text, format)).toBeCloseTo(x, 6)
        },
      ),
    )
  })

  it('every format that reads a written number reads the same integer part when there are no decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
        for (const f of numberCombos) expect(parseNumber(String(n), f)).toBe(n)
      }),
    )
  })
})
