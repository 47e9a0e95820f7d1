import { isMissing } from './missing'

/**
 * How a column writes its numbers. Business files use a decimal point or a decimal comma, group thousands with
 * ",", ".", a space or an apostrophe, and decorate amounts with currency symbols and percent signs. Typing decides
 * one format per column from all its values; parsing applies it.
 */
export interface NumberFormat {
  readonly decimal: '.' | ','
  /** '' when no value in the column groups its thousands. */
  readonly thousands: '' | ',' | '.' | ' ' | "'"
  /** Currency symbol or code seen in the column (e.g. "£", "EUR"), null if none. */
  readonly currency: string | null
  /** Values carry a percent sign; they are parsed as written ("12%" → 12), not divided by 100. */
  readonly percent: boolean
}

/**
 * The (decimal, thousands) pairs a value can be read with. Every value is tested against all of them at once and
 * the column keeps the pair no value contradicts; "1,234" fits both the first and the fourth, "1,5" only the
 * comma-decimal ones.
 */
export const numberCombos = [
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: ' ' },
  { decimal: '.', thousands: "'" },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
] as const
export const comboCount = numberCombos.length
export const allCombos = (1 << comboCount) - 1

/** Result of scanning one value; reused between calls so the hot loop allocates nothing. */
export interface NumberScan {
  /** Bit c set when the value reads as a number with numberCombos[c]; 0 when it is not a number. */
  mask: number
  /** Bit c set when, read with combo c, the value has a fractional part. */
  decimalMask: number
  /** Bit c set when, read with combo c, the value groups thousands. */
  groupedMask: number
  currency: string | null
  percent: boolean
  negative: boolean
  exponent: boolean
  /** Only digits, perhaps with a sign: "00042", "19970101", "-3". */
  plainDigits: boolean
  /** Plain digits written with a leading zero ("00042"): codes, not quantities. */
  leadingZero: boolean
  /** Start and end (exclusive) of the digits-and-separators part, and of the exponent digits. */
  bodyStart: number
  bodyEnd: number
  expStart: number
  expEnd: number
}

export function createNumberScan(): NumberScan {
  return {
    mask: 0,
    decimalMask: 0,
    groupedMask: 0,
    currency: null,
    percent: false,
    negative: false,
    exponent: false,
    plainDigits: false,
    leadingZero: false,
    bodyStart: 0,
    bodyEnd: 0,
    expStart: -1,
    expEnd: -1,
  }
}

const currencySymbols = new Set([
  '$',
  '£',
  '€',
  '¥',
  '₹',
  '₽',
  '₩',
  '₺',
  '₪',
  '₫',
  '฿',
  '₱',
  '₦',
  'R$',
  'kr',
  'zł',
  'Fr',
  'CHF',
])
const currencyCodes = new Set([
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'INR',
  'CNY',
  'BRL',
  'ZAR',
  'MXN',
  'SGD',
  'HKD',
])

// Scratch space for the groups of digits between separators; 64 groups is far beyond any real number.
const maxGroups = 64
const groupLength = new Int32Array(maxGroups)
const groupSep = new Int32Array(maxGroups) // separator *before* group g (g ≥ 1), as a char code

const SPACE = 32
const APOS = 39

/**
 * Scans one raw value. Returns true when it is a number in at least one format. Missing markers must be filtered
 * out before (they are not numbers, nor evidence against being one).
 */
export function scanNumber(raw: string, out: NumberScan): boolean {
  const plain = scanPlainNumber(raw, out)
  return plain === PLAIN_UNSURE ? scanAnyNumber(raw, out) : plain === PLAIN_NUMBER
}

export const PLAIN_NOT_NUMBER = 0
export const PLAIN_NUMBER = 1
export const PLAIN_UNSURE = 2

/**
 * The shape almost every numeric cell has — digits, perhaps a leading minus and one '.' or ',' inside ("-1234.50",
 * "7", "3,25") — read in one pass; an import types every cell, so this is most of its work. Anything else is
 * PLAIN_UNSURE and goes through the general scan, which gives the same answer for these shapes (tested).
 */
export function scanPlainNumber(raw: string, out: NumberScan): number {
  const n = raw.length
  let i = 0
  let negative = false
  if (n > 1 && raw.charCodeAt(0) === 45 /* - */) {
    negative = true
    i = 1
  }
  let sep = 0
  let sepAt = -1
  for (let k = i; k < n; k++) {
    const c = raw.charCodeAt(k)
    if (c >= 48 && c <= 57) continue
    if ((c === 46 || c === 44) && sep === 0 && k > i && k < n - 1) {
      sep = c
      sepAt = k
      continue
    }
    return PLAIN_UNSURE
  }
  if (i === n) return PLAIN_UNSURE
  resetScan(out)
  out.negative = negative
  out.bodyStart = i
  out.bodyEnd = n
  if (sep === 0) {
    out.mask = allCombos
    out.plainDigits = true
    out.leadingZero = n - i > 1 && raw.charCodeAt(i) === 48
    return PLAIN_NUMBER
  }
  const fit = oneSeparatorFit(sep, sepAt - i, n - sepAt - 1)
  out.mask = fit.mask
  out.decimalMask = fit.decimalMask
  out.groupedMask = fit.groupedMask
  return fit.mask !== 0 ? PLAIN_NUMBER : PLAIN_NOT_NUMBER
}

interface ComboFit {
  readonly mask: number
  readonly decimalMask: number
  readonly groupedMask: number
}

/**
 * What fitCombos answers for digits, one '.' or ',' and digits: it depends only on the separator and on whether the
 * two runs could be a thousands group (1–3 digits, then 3). Asked of fitCombos once per case, so the two always agree.
 */
const oneSeparatorFits: readonly ComboFit[] = [46, 44].flatMap((sep) =>
  [
    [1, 3],
    [4, 1],
  ].map(([before, after]) => {
    const out = createNumberScan()
    groupLength[0] = before
    groupLength[1] = after
    groupSep[1] = sep
    fitCombos(1, out)
    return { mask: out.mask, decimalMask: out.decimalMask, groupedMask: out.groupedMask }
  }),
)

function oneSeparatorFit(sep: number, before: number, after: number): ComboFit {
  const couldGroup = before <= 3 && after === 3 // before ≥ 1: a separator never comes first
  return oneSeparatorFits[(sep === 46 ? 0 : 2) + (couldGroup ? 0 : 1)]
}

/** The general scan: signs, currencies, percent, parentheses, exponents, any thousands grouping. */
export function scanAnyNumber(raw: string, out: NumberScan): boolean {
  resetScan(out)

  let i = 0
  let j = raw.length
  while (i < j && isBlank(raw.charCodeAt(i))) i++
  while (j > i && isBlank(raw.charCodeAt(j - 1))) j--
  if (i === j) return false

  let paren = false
  if (raw.charCodeAt(i) === 40 /* ( */ && raw.charCodeAt(j - 1) === 41 /* ) */) {
    // Accounting negative: (1,234.00)
    paren = true
    i++
    j--
    while (i < j && isBlank(raw.charCodeAt(i))) i++
    while (j > i && isBlank(raw.charCodeAt(j - 1))) j--
  }

  let sign = false
  for (let k = 0; k < 2 && i < j; k++) {
    const c = raw.charCodeAt(i)
    if (isDigit(c) || c === 46 || c === 44) break
    if (!sign && (c === 45 /* - */ || c === 43 /* + */ || c === 0x2212) /* − */) {
      sign = true
      out.negative = c !== 43
      i++
    } else if (out.currency === null) {
      const len = currencyAt(raw, i, j, out)
      if (len === 0) break
      i += len
    } else break
    while (i < j && isBlank(raw.charCodeAt(i))) i++
  }
  for (let k = 0; k < 2 && j > i; k++) {
    const c = raw.charCodeAt(j - 1)
    if (isDigit(c)) break
    if (c === 37 /* % */ && !out.percent) {
      out.percent = true
      j--
    } else if (out.currency === null) {
      const len = currencyBefore(raw, i, j, out)
      if (len === 0) break
      j -= len
    } else break
    while (j > i && isBlank(raw.charCodeAt(j - 1))) j--
  }
  if (i === j) return false
  if (paren) {
    if (sign) return false
    out.negative = true
  }

  // Exponent: 9.78043902348e+12 (how spreadsheets print long ISBNs).
  let bodyEnd = j
  for (let k = i + 1; k < j; k++) {
    const c = raw.charCodeAt(k)
    if (c === 101 || c === 69) {
      let e = k + 1
      if (e < j && (raw.charCodeAt(e) === 43 || raw.charCodeAt(e) === 45)) e++
      if (e === j) return false
      for (let m = e; m < j; m++) if (!isDigit(raw.charCodeAt(m))) return false
      out.exponent = true
      out.expStart = k + 1
      out.expEnd = j
      bodyEnd = k
      break
    }
  }

  // Body: digits split into groups by single separators.
  let groups = 0
  let digits = 0
  let run = 0
  let prevSep = true
  groupSep[0] = 0
  for (let k = i; k < bodyEnd; k++) {
    const c = raw.charCodeAt(k)
    if (isDigit(c)) {
      run++
      digits++
      prevSep = false
      continue
    }
    const sep = separatorKind(c)
    if (sep === 0) return false
    if (prevSep && k !== i) return false // two separators in a row
    if (groups + 1 >= maxGroups) return false
    groupLength[groups] = run
    groups++
    groupSep[groups] = sep
    run = 0
    prevSep = true
  }
  if (digits === 0 || prevSep) return false
  groupLength[groups] = run
  out.bodyStart = i
  out.bodyEnd = bodyEnd

  if (groups === 0) {
    out.mask = allCombos
    out.plainDigits = !out.currency && !out.percent && !out.exponent && !paren
    out.leadingZero = out.plainDigits && run > 1 && raw.charCodeAt(i) === 48
    return true
  }

  return fitCombos(groups, out)
}

/** Clears what a scan sets as it goes; the body and exponent bounds are set by the scan that finds them. */
function resetScan(out: NumberScan): void {
  out.mask = 0
  out.decimalMask = 0
  out.groupedMask = 0
  out.currency = null
  out.percent = false
  out.negative = false
  out.exponent = false
  out.plainDigits = false
  out.leadingZero = false
  out.expStart = -1
}

/** Sets the combos a body of `groups` + 1 digit groups (groupLength, groupSep) reads with; true when any does. */
function fitCombos(groups: number, out: NumberScan): boolean {
  for (let c = 0; c < comboCount; c++) {
    const dec = numberCombos[c].decimal.charCodeAt(0)
    const thou = numberCombos[c].thousands.charCodeAt(0)
    const hasDecimal = groupSep[groups] === dec
    const intGroups = hasDecimal ? groups - 1 : groups // separators inside the integer part
    let ok = true
    if (intGroups === 0) {
      ok = groupLength[0] > 0 || hasDecimal
    } else {
      ok = groupLength[0] >= 1 && groupLength[0] <= 3
      for (let g = 1; ok && g <= intGroups; g++) ok = groupSep[g] === thou && groupLength[g] === 3
    }
    if (!ok) continue
    const bit = 1 << c
    out.mask |= bit
    if (hasDecimal) out.decimalMask |= bit
    if (intGroups > 0) out.groupedMask |= bit
  }
  return out.mask !== 0
}

/**
 * Parses a raw value with the column's format; NaN when it is missing or does not fit. A value that does not use
 * the thousands separator is fine; a value using a different one is not (it would be read wrongly).
 */
export function parseNumber(
  raw: string | null | undefined,
  format: Pick<NumberFormat, 'decimal' | 'thousands'>,
): number {
  return numberReader(format)(raw)
}

/** `parseNumber` for a whole column: the format's combo is looked up once, not per value. */
export function numberReader(
  format: Pick<NumberFormat, 'decimal' | 'thousands'>,
): (raw: string | null | undefined) => number {
  const c = comboFor(format)
  return (raw) => {
    if (raw == null || isMissing(raw)) return NaN
    if (!scanNumber(raw, parseScratch)) return NaN
    if ((parseScratch.mask & (1 << c)) === 0) return NaN
    return numberValue(raw, parseScratch, c)
  }
}

const parseScratch = createNumberScan()

/** The combo used to read a column format; with no thousands separator, the usual one for its decimal mark. */
export function comboFor(format: Pick<NumberFormat, 'decimal' | 'thousands'>): number {
  const thousands = format.thousands === '' ? (format.decimal === '.' ? ',' : '.') : format.thousands
  const index = numberCombos.findIndex((k) => k.decimal === format.decimal && k.thousands === thousands)
  if (index < 0)
    throw new RangeError(`Unsupported number format: decimal "${format.decimal}" with thousands "${format.thousands}".`)
  return index
}

/** The value of a scanned number read with combo c (which must be in scan.mask). */
export function numberValue(raw: string, scan: NumberScan, c: number): number {
  const value = (scan.exponent ? null : bodyAsIs(raw, scan, decimalCodes[c])) ?? builtValue(raw, scan, c)
  return scan.negative ? -value : value
}

const decimalCodes = numberCombos.map((k) => k.decimal.charCodeAt(0))

/**
 * The body's value read directly when it is only digits and at most one decimal mark ("1234.50", "3,25": nearly every
 * cell), or null when grouping must be dropped first. With at most 15 significant digits and 22 decimals, the digits
 * as an integer and the power of ten are both exact doubles, so one division rounds once, to the same double
 * `Number()` gives for the text (Clinger's fast path); longer ones are read by `Number()` itself.
 */
function bodyAsIs(raw: string, scan: NumberScan, dec: number): number | null {
  let mantissa = 0
  let digits = 0
  let decimals = -1
  for (let k = scan.bodyStart; k < scan.bodyEnd; k++) {
    const ch = raw.charCodeAt(k)
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48)
      if (mantissa > 0) digits++
      if (decimals >= 0) decimals++
    } else if (ch === dec && decimals < 0) decimals = 0
    else return null
  }
  if (digits <= 15 && decimals <= 22) return decimals > 0 ? mantissa / powersOfTen[decimals] : mantissa
  const body = raw.substring(scan.bodyStart, scan.bodyEnd)
  return Number(dec === 46 ? body : body.replace(String.fromCharCode(dec), '.'))
}

const powersOfTen = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`))

/** The body with its grouping dropped and its decimal mark made '.', and its exponent, read as a number. */
function builtValue(raw: string, scan: NumberScan, c: number): number {
  const dec = decimalCodes[c]
  let text = ''
  for (let k = scan.bodyStart; k < scan.bodyEnd; k++) {
    const ch = raw.charCodeAt(k)
    if (isDigit(ch)) text += raw[k]
    else if (ch === dec) text += '.'
  }
  if (scan.exponent) text += 'e' + raw.substring(scan.expStart, scan.expEnd)
  return Number(text)
}

function currencyAt(raw: string, i: number, j: number, out: NumberScan): number {
  return currencyToken(raw, i, j, +1, out)
}

function currencyBefore(raw: string, i: number, j: number, out: NumberScan): number {
  return currencyToken(raw, j - 1, i - 1, -1, out)
}

/**
 * A currency symbol or code starting at `from` and reading in direction `step` (stopping before `stop`): a symbol
 * character, or a run of at most three letters ("EUR", "kr", "R$"). Longer words ("United") fail at once, which keeps
 * text values cheap.
 */
function currencyToken(raw: string, from: number, stop: number, step: 1 | -1, out: NumberScan): number {
  let k = from
  let len = 0
  while (k !== stop && len < 4 && isLetterOrDollar(raw.charCodeAt(k))) {
    k += step
    len++
  }
  if (len === 0) {
    const symbol = raw[from]
    if (symbol !== undefined && currencySymbols.has(symbol)) {
      out.currency = symbol
      return 1
    }
    return 0
  }
  if (len > 3) return 0
  const token = step === 1 ? raw.substring(from, from + len) : raw.substring(from - len + 1, from + 1)
  if (currencySymbols.has(token) || (len === 3 && currencyCodes.has(token))) {
    out.currency = token
    return len
  }
  return 0
}

function isLetterOrDollar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 0x142 /* ł */
}

/** Separator class of a character inside a number: '.', ',', ' ' (any space) or "'"; 0 for anything else. */
function separatorKind(c: number): number {
  if (c === 46 || c === 44) return c
  if (c === SPACE || c === 0xa0 || c === 0x202f) return SPACE
  if (c === APOS || c === 0x2019) return APOS
  return 0
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isBlank(c: number): boolean {
  return c === SPACE || c === 9 || c === 0xa0 || c === 0x202f
}
