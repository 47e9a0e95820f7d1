import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatIsoDate, isYyyymmdd, parseDate } from '../../../src/main/formats/typing/dateFormat'

const utc = Date.UTC

describe('parseDate', () => {
  it.each([
    ['2011-03-10', 'iso', utc(2011, 2, 10)],
    ['2011-03-10 16:16:00', 'iso', utc(2011, 2, 10, 16, 16)],
    ['2011-03-10T16:16', 'iso', utc(2011, 2, 10, 16, 16)],
    ['2011-03-10T16:16:05.250Z', 'iso', utc(2011, 2, 10, 16, 16, 5, 250)],
    ['2011-03-10T16:16:00+02:00', 'iso', utc(2011, 2, 10, 14, 16)],
    ['2011-03-10T16:16:00-0530', 'iso', utc(2011, 2, 10, 21, 46)],
    ['2011/3/1', 'iso', utc(2011, 2, 1)],
    ['25/03/2011', 'dmy', utc(2011, 2, 25)],
    ['25.03.2011 08:30', 'dmy', utc(2011, 2, 25, 8, 30)],
    ['01-02-29', 'dmy', utc(2029, 1, 1)],
    ['01-02-30', 'dmy', utc(1930, 1, 1)],
    ['03/25/2011', 'mdy', utc(2011, 2, 25)],
    ['3/25/2011 4:05 PM', 'mdy', utc(2011, 2, 25, 16, 5)],
    ['3/25/2011 12:05 am', 'mdy', utc(2011, 2, 25, 0, 5)],
    ['10-Mar-2011', 'd-mon-y', utc(2011, 2, 10)],
    ['1 December 2011', 'd-mon-y', utc(2011, 11, 1)],
    ['3rd Sept 2011', 'd-mon-y', utc(2011, 8, 3)],
    ['Mar 10, 2011', 'mon-d-y', utc(2011, 2, 10)],
    ['December 1 2011 10:00', 'mon-d-y', utc(2011, 11, 1, 10)],
    ['19970101', 'yyyymmdd', utc(1997, 0, 1)],
    ['964982703', 'unix-seconds', 964982703000],
    ['964982703000', 'unix-millis', 964982703000],
  ] as const)('reads %j as %s', (raw, format, expected) => {
    expect(parseDate(raw, format)).toBe(expected)
  })

  it.each([
    ['2011-02-29', 'iso'], // not a leap year
    ['2012-13-01', 'iso'],
    ['2011-03-10 24:00', 'iso'],
    ['31/04/2011', 'dmy'],
    ['25/03/2011', 'mdy'],
    ['13:00 PM', 'mdy'],
    ['10-Foo-2011', 'd-mon-y'],
    ['19971301', 'yyyymmdd'],
    ['18991231', 'yyyymmdd'],
    ['1997010', 'yyyymmdd'],
    ['NA', 'iso'],
    ['', 'dmy'],
    ['2011-03-10', 'dmy'],
  ] as const)('rejects %j as %s', (raw, format) => {
    expect(parseDate(raw, format)).toBeNaN()
  })

  it('knows leap years', () => {
    expect(parseDate('2000-02-29', 'iso')).toBe(utc(2000, 1, 29))
    expect(parseDate('1900-02-29', 'iso')).toBeNaN()
    expect(isYyyymmdd('20240229')).toBe(true)
    expect(isYyyymmdd('20230229')).toBe(false)
  })

  it('formats ISO text without a time at midnight', () => {
    expect(formatIsoDate(utc(2011, 2, 10))).toBe('2011-03-10')
    expect(formatIsoDate(utc(2011, 2, 10, 16, 16))).toBe('2011-03-10 16:16:00')
  })
})

describe('parseDate properties', () => {
  const moment = fc.record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  const p2 = (n: number) => String(n).padStart(2, '0')

  it('reads every format written independently to the same instant', () => {
    fc.assert(
      fc.property(moment, ({ y, m, d, h, mi, s }) => {
        const day = utc(y, m - 1, d)
        const time = utc(y, m - 1, d, h, mi, s)
        const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
        expect(parseDate(`${y}-${p2(m)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`, 'iso')).toBe(time)
        expect(parseDate(`${p2(d)}/${p2(m)}/${y}`, 'dmy')).toBe(day)
        expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toBe(day)
        expect(parseDate(`${d}-${months[m - 1]}-${y}`, 'd-mon-y')).toBe(day)
        expect(parseDate(`${y}${p2(m)}${p2(d)}`, 'yyyymmdd')).toBe(day)
        expect(parseDate(formatIsoDate(time), 'iso')).toBe(time)
      }),
    )
  })
})
