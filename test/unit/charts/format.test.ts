import { afterAll, describe, it, expect, vi } from 'vitest'
import fc from 'fast-check'
import { useDefaultLocale } from '../helpers/locale'

// The formats follow the machine's locale; these expectations are written for en-US (as the E2E tests are), so the
// test sets it rather than depending on the machine. The module builds its formatters on load: import it after.
afterAll(useDefaultLocale('en-US'))
const { chartPercent, formatCount, formatNumber, valueFormatFor } = await import('../../../src/shared/charts/format')

describe('number formatting (en-US)', () => {
  it('groups thousands in counts and writes a dash for what is not a number', () => {
    expect(formatCount(4119)).toBe('4,119')
    expect(formatCount(1_234_567)).toBe('1,234,567')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(Number.NaN)).toBe('—')
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('—')
  })

  it('keeps four significant digits for small measurements and whole numbers for large ones', () => {
    expect(formatNumber(0.123456)).toBe('0.1235')
    expect(formatNumber(12.3456)).toBe('12.35')
    expect(formatNumber(9999.4)).toBe('9,999')
    expect(formatNumber(12345.6)).toBe('12,346')
    expect(formatNumber(-2.144)).toBe('-2.144')
    expect(formatNumber(null)).toBe('—')
    expect(formatNumber(Number.NaN)).toBe('—')
  })

  it('writes the years of a year column as calendars do, and everything else as a number', () => {
    for (const name of ['Year_Birth', 'birth year', 'YOB', 'OrderYear']) {
      const format = valueFormatFor(name)
      expect([format(1940), format(1996), format(1940.5), format(12_345), format(Number.NaN)]).toEqual([
        '1940',
        '1996',
        '1,941',
        '12,345',
        '—',
      ])
    }
    expect(valueFormatFor('Income')(1940)).toBe('1,940')
    expect(valueFormatFor('Yearly_spend')).toBe(formatNumber)
  })

  it('shows floating-point residue as 0, not as a value', () => {
    // A 0/1 column's average through scaling and back (issue 17).
    expect(formatNumber(-1.7e-16)).toBe('0')
    expect(formatNumber(2.2e-13)).toBe('0')
    expect(formatNumber(-0)).toBe('0')
    expect(formatNumber(0.00012345)).toBe('0.0001235')
  })

  it('keeps a decimal on chart shares below 10% and writes "<0.1%" for a share that would round to zero', () => {
    expect(chartPercent(0.6)).toBe('60%')
    expect(chartPercent(0.0213)).toBe('2.1%')
    expect(chartPercent(0.095)).toBe('9.5%')
    expect(chartPercent(0.0004)).toBe('<0.1%')
    expect(chartPercent(0)).toBe('0%')
    expect(chartPercent(Number.NaN)).toBe('—')
  })
})

describe('number formatting follows the locale', () => {
  it('groups and separates decimals the German way in German', async () => {
    const restore = useDefaultLocale('de-DE')
    try {
      vi.resetModules()
      const german = await import('../../../src/shared/charts/format')
      expect(german.formatCount(4119)).toBe('4.119')
      expect(german.formatNumber(12.3456)).toBe('12,35')
      expect(german.chartPercent(0.0213)).toBe('2,1%')
    } finally {
      restore()
    }
  })
})

describe('properties', () => {
  it('a formatted count, with separators removed, is the rounded number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const digits = formatCount(n).replace(/[^\d-]/g, '')
        expect(Number(digits)).toBe(n)
      }),
    )
  })

  it('a chart share is never written as 0% unless it is exactly zero', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (share) => {
        expect(chartPercent(share) === '0%').toBe(share === 0)
      }),
    )
  })
})
