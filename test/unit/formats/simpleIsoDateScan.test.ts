import { describe, expect, it } from 'vitest'
import { seededRandom } from '../helpers/random'
import { createDateScan, scanAnyDate, scanDate, scanSimpleIsoDate } from '../../../src/main/formats/typing/dateFormat'

/** Mostly date-shaped values, with a character swapped now and then: valid, impossible and near-miss dates alike. */
function values(count: number): string[] {
  const next = seededRandom(11)
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)]
  const digits = (k: number) => Array.from({ length: k }, () => pick('0123456789')).join('')
  const noisy = (v: string) =>
    next() < 0.2
      ? v.slice(0, Math.floor(next() * v.length)) +
        pick('0123456789-/.T :Z') +
        v.slice(1 + Math.floor(next() * v.length))
      : v
  const out = [
    '2024-03-05',
    '2024-02-30',
    '2023-02-29',
    '2024-02-29',
    '2024/12/31 23:59:59',
    '2024.01.01T00:00',
    '9999-12-31',
  ]
  for (let n = 0; n < count; n++) {
    const sep = pick('-/.')
    const year = next() < 0.7 ? String(1990 + Math.floor(next() * 50)) : digits(4)
    const month = next() < 0.8 ? String(1 + Math.floor(next() * 12)).padStart(2, '0') : digits(2)
    const day = next() < 0.8 ? String(1 + Math.floor(next() * 31)).padStart(2, '0') : digits(2)
    let v = `${year}${sep}${month}${sep}${day}`
    const shape = next()
    if (shape > 0.4)
      v += `${pick('T ')}${next() < 0.8 ? String(Math.floor(next() * 25)).padStart(2, '0') : digits(2)}:${digits(2)}`
    if (shape > 0.7) v += `:${digits(2)}`
    out.push(noisy(v))
  }
  return out
}

describe('the one-pass scan of simple ISO dates', () => {
  it('answers exactly as the patterns do wherever it answers, and covers the common shapes', () => {
    let answered = 0
    for (const value of values(100_000)) {
      const simple = createDateScan()
      const verdict = scanSimpleIsoDate(value, simple)
      if (verdict === null) continue
      answered++
      const general = createDateScan()
      const isDate = scanAnyDate(value, general)
      expect({ value, isDate: verdict, scan: simple }).toEqual({ value, isDate, scan: general })
    }
    expect(answered).toBeGreaterThan(70_000)
  })

  it('leaves every other shape to the patterns, with the same answer through scanDate', () => {
    for (const value of [
      '2024-3-5',
      ' 2024-03-05',
      '2024-03-05Z',
      '2024-03-05 2:30',
      '2024-03-05T14:30:00.5',
      '05/03/2024',
    ]) {
      expect(scanSimpleIsoDate(value, createDateScan())).toBeNull()
      const viaScanDate = createDateScan()
      const viaPatterns = createDateScan()
      expect([scanDate(value, viaScanDate), viaScanDate]).toEqual([scanAnyDate(value, viaPatterns), viaPatterns])
    }
  })
})
