import { afterAll, describe, it, expect, vi } from 'vitest'
import fc from 'fast-check'
import { useDefaultLocale } from '../helpers/locale'

// The formats follow the machine's locale; these expectations are written for en-US (as the E2E tests are), so the
// test sets it rather than depending on the machine. The module builds formatters on load: import it after.
afterAll(useDefaultLocale('en-US'))
const { countOf, formatBytes, formatDate, formatDuration, formatPercent, listItems } =
  await import('../../../src/renderer/src/ui/format')

describe('number formatting (en-US)', () => {
  it('writes shares as percentages, keeping a decimal below 1% so a small share never reads as 0%', () => {
    expect(formatPercent(0.14)).toBe('14%')
    expect(formatPercent(0.004)).toBe('0.4%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(1)).toBe('100%')
  })

  it('pluralises with the count formatted', () => {
    expect(countOf(1, 'row')).toBe('1 row')
    expect(countOf(4119, 'row')).toBe('4,119 rows')
    expect(countOf(2, 'entry', 'entries')).toBe('2 entries')
  })

  it('lists items in prose and says how many were left out', () => {
    expect(listItems([])).toBe('')
    expect(listItems([12])).toBe('12')
    expect(listItems([12, 40])).toBe('12 and 40')
    expect(listItems([12, 40, 41])).toBe('12, 40 and 41')
    expect(listItems([1, 2, 3, 4, 5, 6, 7], 5)).toBe('1, 2, 3, 4, 5 and 2 more')
    expect(listItems([1, 2, 3], 3, 1200)).toBe('1, 2, 3 and 1,197 more')
    expect(listItems([1200, 'a'])).toBe('1,200 and a')
  })

  it('writes durations and sizes the way people say them', () => {
    expect(formatDuration(412)).toBe('0.4 s')
    expect(formatDuration(30)).toBe('under 0.1 s')
    expect(formatDuration(12_400)).toBe('12 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(583_680)).toBe('570 KB')
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB')
  })
})

describe('number formatting follows the locale', () => {
  it('writes German separators in German', async () => {
    const restore = useDefaultLocale('de-DE')
    try {
      vi.resetModules()
      const german = await import('../../../src/renderer/src/ui/format')
      expect(german.countOf(4119, 'row')).toBe('4.119 rows')
      expect(german.formatPercent(0.004)).toBe('0,4%')
      expect(german.formatDuration(412)).toBe('0,4 s')
      expect(german.formatBytes(3.4 * 1024 * 1024)).toBe('3,4 MB')
    } finally {
      restore()
    }
  })
})

describe('dates', () => {
  it('writes epoch milliseconds as an ISO day', () => {
    expect(formatDate(Date.UTC(2011, 11, 10))).toBe('2011-12-10')
    expect(formatDate(Number.NaN)).toBe('—')
  })
})

describe('properties', () => {
  it('listItems names min(max, n) items and counts the rest exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (items, max) => {
          const text = listItems(items, max)
          const rest = items.length - Math.min(max, items.length)
          if (rest > 0) expect(text.endsWith(` and ${rest} more`)).toBe(true)
          else expect(text.includes('more')).toBe(false)
        },
      ),
    )
  })
})
