import { isMissing } from './missing'

/**
 * How a column writes its dates. All are read as wall-clock time in UTC (no time-zone conversion) unless the value
 * carries its own offset ("Z", "+02:00"), so that a date means the same calendar day on every machine.
 *
 * - `iso`: 2011-03-10, 2011-03-10 16:16:00, 2011-03-10T16:16:00Z, also with "/" or "." between the parts.
 * - `dmy` / `mdy`: 10/03/2011 (day first) and 03/10/2011 (month first), separators / . -, 2- or 4-digit years.
 * - `d-mon-y` / `mon-d-y`: 10-Mar-2011, 10 March 2011 / Mar 10, 2011 (English month names).
 * - `yyyymmdd`: 8-digit numbers such as 19970101 (CDNOW).
 * - `unix-seconds` / `unix-millis`: seconds or milliseconds since 1970 (MovieLens timestamps).
 */
export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'd-mon-y' | 'mon-d-y' | 'yyyymmdd' | 'unix-seconds' | 'unix-millis'

export const dateFormatLabels: Record<DateFormat, string> = {
  iso: 'year-month-day (e.g. 2011-03-10)',
  dmy: 'day/month/year (e.g. 25/03/2011)',
  mdy: 'month/day/year (e.g. 03/25/2011)',
  'd-mon-y': 'day, month name, year (e.g. 10-Mar-2011)',
  'mon-d-y': 'month name, day, year (e.g. Mar 10, 2011)',
  yyyymmdd: 'eight digits year-month-day (e.g. 19970101)',
  'unix-seconds': 'seconds since 1 January 1970',
  'unix-millis': 'milliseconds since 1 January 1970',
}

/** Years we accept as dates; outside this, "dates" are usually codes or typos. */
export const minYear = 1800
export const maxYear = 2200
/**
 * 9999-12-31 is how databases and ERP exports write "no end date" (valid_to, contract_end): a date, kept as itself, and
 * the only one accepted beyond maxYear.
 */
export const openEndDate = Date.UTC(9999, 11, 31)

/** Bits for the text formats a value fits (numeric formats are judged from number statistics). */
export const DATE_ISO = 1
export const DATE_DMY = 2
export const DATE_MDY = 4
export const DATE_DMON = 8
export const DATE_MOND = 16

export interface DateScan {
  mask: number
  hasTime: boolean
  /** Epoch milliseconds per reading: [iso or named-month, dmy, mdy]. */
  msIso: number
  msDmy: number
  msMdy: number
}

export function createDateScan(): DateScan {
  return { mask: 0, hasTime: false, msIso: NaN, msDmy: NaN, msMdy: NaN }
}

const TIME = String.raw`(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`
const isoRe = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})` + TIME + '$')
const numericDateRe = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})` + TIME + '$')
const dayMonthNameRe = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[-\s./]?([A-Za-z]{3,9})\.?[-\s./,]*(\d{4}|\d{2})` + TIME + '$',
)
const monthNameDayRe = new RegExp(
  String.raw`^([A-Za-z]{3,9})\.?[-\s]+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + TIME + '$',
)

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** The first three letters of each month name, lower-cased, as one number each (see `monthPrefixKey`). */
const monthPrefixes = new Set(monthNames.map((name) => monthPrefixKey(name, 0)))

/** The three characters at `i` as one number, letters lower-cased: a set lookup with no string made per value. */
function monthPrefixKey(value: string, i: number): number {
  return ((value.charCodeAt(i) | 32) << 16) | ((value.charCodeAt(i + 1) | 32) << 8) | (value.charCodeAt(i + 2) | 32)
}

/** Month number 1–12 for an English month name or its 3-letter (or "sept") abbreviation; 0 otherwise. */
function monthFromName(word: string): number {
  const w = word.toLowerCase()
  for (let m = 0; m < 12; m++) {
    const full = monthNames[m]
    if (w === full || w === full.substring(0, 3) || (m === 8 && w === 'sept')) return m + 1
  }
  return 0
}

/**
 * Scans one raw (non-missing) value for date shapes: the shapes nearly every exported date column has ("2024-03-05",
 * "2024-03-05 14:30", "2024-03-05T14:30:00") in one pass over the characters, anything else by the patterns below.
 * An import types every cell; through the patterns a date costs ~7× a number and a date-time ~13×.
 */
export function scanDate(raw: string, out: DateScan): boolean {
  const simple = scanSimpleIsoDate(raw, out)
  return simple === null ? scanAnyDate(raw, out) : simple
}

/**
 * yyyy-mm-dd (or with '/' or '.'), then optionally 'T' or a space and hh:mm or hh:mm:ss, and nothing else: the answer
 * scanAnyDate gives for it (tested on generated values), or null for any other shape.
 */
export function scanSimpleIsoDate(value: string, out: DateScan): boolean | null {
  const n = value.length
  if (n !== 10 && n !== 16 && n !== 19) return null
  const sep = value.charCodeAt(4)
  if ((sep !== 45 && sep !== 47 && sep !== 46) || value.charCodeAt(7) !== sep) return null
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 2)
  const day = digitsAt(value, 8, 2)
  if (year < 0 || month < 0 || day < 0) return null
  let hour = 0
  let minute = 0
  let second = 0
  if (n > 10) {
    const t = value.charCodeAt(10)
    if ((t !== 84 /* T */ && t !== 32) || value.charCodeAt(13) !== 58 /* : */) return null
    hour = digitsAt(value, 11, 2)
    minute = digitsAt(value, 14, 2)
    if (n === 19) {
      if (value.charCodeAt(16) !== 58) return null
      second = digitsAt(value, 17, 2)
    }
    if (hour < 0 || minute < 0 || second < 0) return null
  }
  out.mask = 0
  out.hasTime = false
  out.msIso = NaN
  out.msDmy = NaN
  out.msMdy = NaN
  // The checks and arithmetic of dateMs.
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return false
  out.mask = DATE_ISO
  out.msIso = Date.UTC(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000
  out.hasTime = n > 10
  return true
}

/** The number written by `count` digits at `start`, or -1 when one of them is not a digit. */
function digitsAt(value: string, start: number, count: number): number {
  let v = 0
  for (let k = start; k < start + count; k++) {
    const c = value.charCodeAt(k) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

/**
 * Every date shape, by patterns. Cheap rejections first: dates start with a digit or a letter, contain a separator,
 * and are 6–40 characters long.
 */
export function scanAnyDate(raw: string, out: DateScan): boolean {
  out.mask = 0
  out.hasTime = false
  out.msIso = NaN
  out.msDmy = NaN
  out.msMdy = NaN
  const value = raw.trim()
  const n = value.length
  if (n < 6 || n > 40) return false
  const c0 = value.charCodeAt(0)
  const digitFirst = c0 >= 48 && c0 <= 57
  if (digitFirst) {
    const c4 = value.charCodeAt(4)
    if (
      (c4 === 45 || c4 === 47 || c4 === 46) &&
      isDigit(value.charCodeAt(1)) &&
      isDigit(value.charCodeAt(2)) &&
      isDigit(value.charCodeAt(3))
    ) {
      const m = isoRe.exec(value)
      if (m) {
        const ms = dateMs(+m[1], +m[3], +m[4], m, 5)
        if (!Number.isNaN(ms)) {
          out.mask |= DATE_ISO
          out.msIso = ms
          out.hasTime = m[5] !== undefined
        }
      }
      return out.mask !== 0
    }
    let m = numericDateRe.exec(value)
    if (m) {
      const year = expandYear(m[4])
      const dmy = dateMs(year, +m[3], +m[1], m, 5)
      const mdy = dateMs(year, +m[1], +m[3], m, 5)
      if (!Number.isNaN(dmy)) {
        out.mask |= DATE_DMY
        out.msDmy = dmy
      }
      if (!Number.isNaN(mdy)) {
        out.mask |= DATE_MDY
        out.msMdy = mdy
      }
      out.hasTime = m[5] !== undefined
      return out.mask !== 0
    }
    m = dayMonthNameRe.exec(value)
    if (m) {
      const month = monthFromName(m[2])
      const ms = month ? dateMs(expandYear(m[3]), month, +m[1], m, 4) : NaN
      if (!Number.isNaN(ms)) {
        out.mask |= DATE_DMON
        out.msIso = ms
        out.hasTime = m[4] !== undefined
      }
    }
    return out.mask !== 0
  }
  const isLetter = (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)
  // A date that starts with a letter starts with a month's name: "C1024", "gold" and "City 12" stop here.
  if (!isLetter || !monthPrefixes.has(monthPrefixKey(value, 0))) return false
  const m = monthNameDayRe.exec(value)
  if (m) {
    const month = monthFromName(m[1])
    const ms = month ? dateMs(+m[3], month, +m[2], m, 4) : NaN
    if (!Number.isNaN(ms)) {
      out.mask |= DATE_MOND
      out.msIso = ms
      out.hasTime = m[4] !== undefined
    }
  }
  return out.mask !== 0
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Two-digit years follow Excel's rule: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function expandYear(text: string): number {
  const y = +text
  if (text.length === 4) return y
  return y < 30 ? 2000 + y : 1900 + y
}

/**
 * Epoch milliseconds for a calendar date plus the optional time groups of TIME starting at match index t
 * (hour, minute, second, fraction, am/pm, offset); NaN when any part is out of range.
 */
function dateMs(year: number, month: number, day: number, m: RegExpExecArray, t: number): number {
  if (!validDate(year, month, day)) return NaN
  let ms = Date.UTC(year, month - 1, day)
  if (m[t] === undefined) return ms
  let hour = +m[t]
  const minute = +m[t + 1]
  const second = m[t + 2] === undefined ? 0 : +m[t + 2]
  const fraction = m[t + 3] === undefined ? 0 : Number('0.' + m[t + 3])
  const ampm = m[t + 4]
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return NaN
    const pm = ampm === 'p' || ampm === 'P'
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return NaN
  ms += ((hour * 60 + minute) * 60 + second) * 1000 + Math.round(fraction * 1000)
  const offset = m[t + 5]
  if (offset !== undefined && offset !== 'Z') {
    const sign = offset[0] === '-' ? -1 : 1
    const digits = offset.substring(1).replace(':', '')
    const minutes = +digits.substring(0, 2) * 60 + (digits.length > 2 ? +digits.substring(2) : 0)
    ms -= sign * minutes * 60_000
  }
  return ms
}

export function validDate(year: number, month: number, day: number): boolean {
  if (year === 9999 && month === 12 && day === 31) return true
  if (year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Whether 8 plain digits read as a valid date yyyymmdd between 1900 and 2100 (CDNOW's `date` column). */
export function isYyyymmdd(raw: string): boolean {
  if (raw.length !== 8) return false
  const year = +raw.substring(0, 4)
  return year >= 1900 && year <= 2100 && validDate(year, +raw.substring(4, 6), +raw.substring(6, 8))
}

const scratch = createDateScan()

/** Epoch milliseconds (UTC) for a raw value in the given format; NaN when missing or not a date in that format. */
export function parseDate(raw: string | null | undefined, format: DateFormat): number {
  if (raw == null || isMissing(raw)) return NaN
  const value = raw.trim()
  switch (format) {
    case 'yyyymmdd':
      return /^\d{8}$/.test(value) && isYyyymmdd(value)
        ? Date.UTC(+value.substring(0, 4), +value.substring(4, 6) - 1, +value.substring(6, 8))
        : NaN
    case 'unix-seconds':
    case 'unix-millis': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return NaN
      const ms = Number(value) * (format === 'unix-seconds' ? 1000 : 1)
      return Number.isFinite(ms) ? ms : NaN
    }
    case 'iso':
      return scanDate(value, scratch) && scratch.mask & DATE_ISO ? scratch.msIso : NaN
    case 'd-mon-y':
      return scanDate(value, scratch) && scratch.mask & DATE_DMON ? scratch.msIso : NaN
    case 'mon-d-y':
      return scanDate(value, scratch) && scratch.mask & DATE_MOND ? scratch.msIso : NaN
    case 'dmy':
      return scanDate(value, scratch) && scratch.mask & DATE_DMY ? scratch.msDmy : NaN
    case 'mdy':
      return scanDate(value, scratch) && scratch.mask & DATE_MDY ? scratch.msMdy : NaN
  }
}

/** ISO text for epoch milliseconds: "YYYY-MM-DD" at midnight, "YYYY-MM-DD HH:MM:SS" otherwise. */
export function formatIsoDate(ms: number): string {
  const iso = new Date(ms).toISOString()
  const time = iso.substring(11, 19)
  return time === '00:00:00' ? iso.substring(0, 10) : `${iso.substring(0, 10)} ${time}`
}
