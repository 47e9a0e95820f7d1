import { isBirthYearName } from '../../../shared/birthYear'
import type { ColumnType } from '../../../shared/domain/dataset'
import type { ColumnEvidence } from './columnEvidence'
import { booleanToken, type BooleanFamily } from './booleans'
import { codeCategoryWords, countWords, flagWords, hasWord, idWords, nameWords, timeWords } from './columnNames'
import { dateFormatLabels, minYear, openEndDate, type DateFormat } from './dateFormat'
import { comboCount, numberCombos, type NumberFormat } from './numberFormat'
import { count, examplesOf, isoDay, plural, shown } from './wording'

/**
 * Chooses a column's type from its evidence, and says why in words a marketer can check against their own data.
 * Rules, in order (the first that fits wins):
 *  1. no filled value → text (nothing to go on);
 *  2. yes/no, true/false, y/n → boolean; 1/0 too when the name suggests a flag (SeniorCitizen);
 *  3. dates: ISO, day/month/year or month/day/year (settled by values above 12), month names, 8-digit yyyymmdd in
 *     1900–2100, Unix timestamps when the name says time;
 *  4. keys: digits with leading zeros (00042), a key-like name (InvoiceNo, StockCode, book_id) with many different
 *     values and no spaces, or all-different codes without spaces (7590-VHVEG);
 *  5. numbers in one consistent format (small integer codes named channel/region/type… are categories, unless the
 *     name says they count something: NumStorePurchases);
 *  6. otherwise category when there are few different values, free text when they are many and wordy.
 * Up to 1 % of values may break a number or date pattern (typos, stray notes); they are reported and become missing.
 */

export interface TypingContext {
  /** Decimal mark to assume for values that could be either ("1,234"). */
  readonly decimal: '.' | ','
  /** Whether to read dates that could be either way (03/04/2011) as day-first. */
  readonly dayFirst: boolean
}

export interface BooleanLabels {
  readonly true: readonly string[]
  readonly false: readonly string[]
}

export interface TypeChoice {
  readonly type: ColumnType
  /** Why, in one to three sentences. */
  readonly reason: string
  readonly numberFormat: NumberFormat | null
  readonly dateFormat: DateFormat | null
  readonly booleanLabels: BooleanLabels | null
  /** Filled values that do not fit the type: they will be treated as missing. */
  readonly invalid: { readonly count: number; readonly examples: readonly string[] }
}

/** Share of filled values allowed to break a number or date pattern. */
export const invalidTolerance = 0.01

/** Category: at most this many different values, each used twice on average… */
const smallCategory = 50
/** …or up to this many when each is used 20 times on average and they are short labels, not sentences. */
const largeCategory = 1_000

export function inferType(
  e: ColumnEvidence,
  ctx: TypingContext,
): TypeChoice & { readonly alternatives: readonly ColumnType[] } {
  const words = nameWords(e.name)
  const nf = numberFit(e, ctx)
  const df = dateFit(e, ctx, words)
  const bf = booleanFit(e)
  const fitsNumber = nf !== null && nf.invalid <= tolerance(e.filled)
  const fitsDate = df !== null && df.invalid <= tolerance(e.filled)
  const alternatives = new Set<ColumnType>(['category', 'text'])
  if (fitsNumber) alternatives.add('number')
  if (fitsDate) alternatives.add('date')
  if (bf) alternatives.add('boolean')
  if (e.withSpaces <= tolerance(e.filled)) alternatives.add('id')

  const choice = choose(e, ctx, words, nf, df, bf, fitsNumber, fitsDate)
  alternatives.delete(choice.type)
  return { ...choice, alternatives: [...alternatives] }
}

function choose(
  e: ColumnEvidence,
  ctx: TypingContext,
  words: string[],
  nf: NumberFit | null,
  df: DateFit | null,
  bf: BooleanFit | null,
  fitsNumber: boolean,
  fitsDate: boolean,
): TypeChoice {
  const missing = missingSentence(e)
  if (e.filled === 0) return plain('text', 'The column has no values.' + missing)

  if (bf && (bf.family !== '1/0' || hasWord(words, flagWords))) return booleanChoice(e, bf, true)
  if (fitsDate && df) return dateChoice(e, df, ctx)

  // "+44 20 7946 0958" reads as a number with space-grouped thousands; it is a phone number, not an amount.
  if (e.pii.checked > 0 && e.pii.phone >= 0.8 * e.pii.checked) {
    return plain(
      'text',
      `Values look like phone numbers (e.g. ${examplesOf(e.examples)}): kept as text, not amounts.` +
        missingSentence(e),
    )
  }

  const key = keyReason(e, words, nf, fitsNumber)
  if (key) return { ...plain('id', key + missing) }

  if (fitsNumber && nf) {
    if (
      nf.integer &&
      e.distinct <= 20 &&
      !nf.format.currency &&
      hasWord(words, codeCategoryWords) &&
      !hasWord(words, countWords)
    ) {
      return plain(
        'category',
        `Only ${plural(e.distinct, 'different whole number')} occur (${examplesOf(topValues(e))}) and the name “${e.name}” suggests codes for groups rather than amounts, so it is treated as a category.` +
          missing,
      )
    }
    return numberChoice(e, nf)
  }
  return categoryOrText(e)
}

function plain(type: ColumnType, reason: string): TypeChoice {
  return {
    type,
    reason,
    numberFormat: null,
    dateFormat: null,
    booleanLabels: null,
    invalid: { count: 0, examples: [] },
  }
}

function tolerance(filled: number): number {
  return Math.floor(filled * invalidTolerance)
}

/**
 * The explanation of a type the user chose (or we chose), with the format that fits the values best. Used for
 * overrides: "number" on a column we called a category still gets the right decimal mark and an honest count of
 * values that will become missing.
 */
export function describeAs(e: ColumnEvidence, type: ColumnType, ctx: TypingContext): TypeChoice {
  const words = nameWords(e.name)
  const missing = missingSentence(e)
  switch (type) {
    case 'number': {
      const nf = numberFit(e, ctx)
      if (nf) return numberChoice(e, nf)
      return {
        ...plain(
          'number',
          `None of the ${plural(e.filled, 'filled value')} is a number (e.g. ${examplesOf(e.examples)}); all will count as missing.`,
        ),
        numberFormat: { decimal: ctx.decimal, thousands: '', currency: null, percent: false },
        invalid: { count: e.filled, examples: e.examples.slice(0, 5) },
      }
    }
    case 'date': {
      const df = dateFit(e, ctx, words)
      if (df) return dateChoice(e, df, ctx)
      return {
        ...plain(
          'date',
          `None of the ${plural(e.filled, 'filled value')} is a date we recognise (e.g. ${examplesOf(e.examples)}); all will count as missing.`,
        ),
        dateFormat: 'iso',
        invalid: { count: e.filled, examples: e.examples.slice(0, 5) },
      }
    }
    case 'boolean': {
      const bf = booleanFit(e)
      if (bf) return booleanChoice(e, bf, false)
      const yes = e.top.filter((t) => booleanToken(t.value)?.value === true).map((t) => t.value)
      const no = e.top.filter((t) => booleanToken(t.value)?.value === false).map((t) => t.value)
      const invalid = e.top.filter((t) => booleanToken(t.value) === undefined)
      return {
        ...plain(
          'boolean',
          `Values other than yes/no spellings (e.g. ${examplesOf(invalid.map((t) => t.value))}) will count as missing.` +
            missing,
        ),
        booleanLabels: { true: yes, false: no },
        invalid: {
          count: e.distinctExact ? invalid.reduce((n, t) => n + t.count, 0) : e.filled,
          examples: invalid.slice(0, 5).map((t) => t.value),
        },
      }
    }
    case 'id':
      return plain(
        'id',
        keyReason(e, words, numberFit(e, ctx), false) ??
          `Treated as a key or code: ${plural(e.distinct, 'different value')}${e.distinctExact ? '' : ' (estimated)'} (e.g. ${examplesOf(e.examples)}).` +
            missing,
      )
    case 'category':
    case 'text': {
      const auto = categoryOrText(e)
      if (auto.type === type) return auto
      return plain(
        type,
        `${type === 'category' ? 'Treated as a category' : 'Treated as free text'}: ${plural(e.distinct, 'different value')}${e.distinctExact ? '' : ' (estimated)'} (e.g. ${examplesOf(e.examples)}).` +
          missing,
      )
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

interface NumberFit {
  readonly combo: number
  readonly format: NumberFormat
  readonly invalid: number
  readonly integer: boolean
}

function numberFit(e: ColumnEvidence, ctx: TypingContext): NumberFit | null {
  const n = e.number
  if (n.numeric === 0) return null
  let best = -1
  for (let c = 0; c < comboCount; c++) {
    if (best < 0 || n.fits[c] > n.fits[best]) best = c
    else if (
      n.fits[c] === n.fits[best] &&
      numberCombos[c].decimal === ctx.decimal &&
      numberCombos[best].decimal !== ctx.decimal
    )
      best = c
  }
  const combo = numberCombos[best]
  const currencies = Object.entries(n.currency).sort((a, b) => b[1] - a[1])
  return {
    combo: best,
    format: {
      decimal: combo.decimal,
      thousands: n.grouped[best] > 0 ? combo.thousands : '',
      currency: currencies.length > 0 ? currencies[0][0] : null,
      percent: n.percent > n.numeric / 2,
    },
    invalid: e.filled - n.fits[best],
    integer: n.decimals[best] === 0 && n.exponent === 0,
  }
}

function numberChoice(e: ColumnEvidence, nf: NumberFit): TypeChoice {
  const n = e.number
  const f = nf.format
  const good = e.filled - nf.invalid
  const parts: string[] = []
  const exampleValues = e.examples.filter((v) => !n.failures.includes(v))
  const lead =
    nf.invalid === 0
      ? `All ${plural(e.filled, 'filled value')} are`
      : `${count(good)} of ${plural(e.filled, 'filled value')} are`
  parts.push(`${lead} ${nf.integer ? 'whole numbers' : 'numbers'} (e.g. ${examplesOf(exampleValues)})`)
  const writing: string[] = []
  if (n.decimals[nf.combo] > 0) writing.push(f.decimal === ',' ? 'a decimal comma' : 'a decimal point')
  if (f.thousands !== '') writing.push(`${thousandsName(f.thousands)} between thousands`)
  if (writing.length > 0) parts[0] += `, written with ${writing.join(' and ')}`
  if (f.currency) parts[0] += `, in ${f.currency}`
  if (f.percent) parts[0] += ', as percentages'
  parts[0] += '.'
  if (isBirthYear(e)) {
    parts.push(
      'A year of birth: not personal data on its own, and to segments it says the same as an age (older customers have earlier years).',
    )
  }
  if (nf.invalid > 0) {
    parts.push(
      `${count(nf.invalid)} ${nf.invalid === 1 ? 'value is not a number' : 'values are not numbers'} (e.g. ${examplesOf(n.failures)}) and will count as missing.`,
    )
  }
  return {
    type: 'number',
    reason: parts.join(' ') + missingSentence(e),
    numberFormat: f,
    dateFormat: null,
    booleanLabels: null,
    invalid: { count: nf.invalid, examples: n.failures.slice(0, 5) },
  }
}

/**
 * Year_Birth, yob, birth_year: whole numbers that are all plausible years, in a column named for birth. Unlike a date
 * of birth, a birth year is shared by many people and identifies nobody on its own, so it is a feature (an age).
 */
export function isBirthYear(e: ColumnEvidence): boolean {
  const n = e.number
  return (
    isBirthYearName(e.name) &&
    e.filled > 0 &&
    n.plainDigits >= e.filled - tolerance(e.filled) &&
    n.plainMin >= minYear &&
    n.plainMax <= new Date().getUTCFullYear()
  )
}

function thousandsName(t: string): string {
  switch (t) {
    case ',':
      return 'commas'
    case '.':
      return 'points'
    case ' ':
      return 'spaces'
    default:
      return 'apostrophes'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

interface DateFit {
  readonly format: DateFormat
  readonly invalid: number
  readonly range: readonly [number, number]
  /** Day-first and month-first both fit every value. */
  readonly ambiguous: boolean
}

const unixSecondsRange = [631_152_000, 4_102_444_800] as const // 1990-01-01 … 2100-01-01

function dateFit(e: ColumnEvidence, ctx: TypingContext, words: string[]): DateFit | null {
  const d = e.date
  const n = e.number
  const candidates: DateFit[] = []
  const add = (format: DateFormat, fits: number, range: readonly [number, number], ambiguous = false) => {
    if (fits > 0) candidates.push({ format, invalid: e.filled - fits, range, ambiguous })
  }
  add('iso', d.iso, d.isoRange)
  add('d-mon-y', d.dmon, d.isoRange)
  add('mon-d-y', d.mond, d.isoRange)
  const both = d.dmy === d.mdy && d.dmy > 0
  if (both) add(ctx.dayFirst ? 'dmy' : 'mdy', d.dmy, ctx.dayFirst ? d.dmyRange : d.mdyRange, true)
  else {
    add('dmy', d.dmy, d.dmyRange)
    add('mdy', d.mdy, d.mdyRange)
  }
  if (n.yyyymmdd > 0) add('yyyymmdd', n.yyyymmdd, [yyyymmddMs(n.plainMin), yyyymmddMs(n.plainMax)])
  if (n.plainDigits > 0 && hasWord(words, timeWords)) {
    const [lo, hi] = unixSecondsRange
    if (n.plainMin >= lo && n.plainMax <= hi) add('unix-seconds', n.plainDigits, [n.plainMin * 1000, n.plainMax * 1000])
    else if (n.plainMin >= lo * 1000 && n.plainMax <= hi * 1000)
      add('unix-millis', n.plainDigits, [n.plainMin, n.plainMax])
  }
  if (candidates.length === 0) return null
  return candidates.reduce((a, b) => (b.invalid < a.invalid ? b : a))
}

function yyyymmddMs(v: number): number {
  if (!Number.isFinite(v)) return NaN
  const s = String(v)
  return Date.UTC(+s.substring(0, 4), +s.substring(4, 6) - 1, +s.substring(6, 8))
}

function dateChoice(e: ColumnEvidence, df: DateFit, ctx: TypingContext): TypeChoice {
  const good = e.filled - df.invalid
  const span = `from ${isoDay(df.range[0])} to ${isoDay(df.range[1])}`
  const lead =
    df.invalid === 0
      ? `All ${plural(e.filled, 'filled value')}`
      : `${count(good)} of ${plural(e.filled, 'filled value')}`
  let reason: string
  switch (df.format) {
    case 'yyyymmdd':
      reason = `${lead} are 8-digit numbers that read as valid calendar dates year-month-day ${span} (e.g. ${examplesOf(e.examples)}), so they are dates rather than amounts.`
      break
    case 'unix-seconds':
    case 'unix-millis':
      reason = `${lead} are whole numbers in the range of ${dateFormatLabels[df.format]} (${span}) and the name “${e.name}” says time, so they are dates.`
      break
    case 'dmy':
    case 'mdy':
      reason = df.ambiguous
        ? `${lead} are dates such as ${examplesOf(e.examples, 2)}, ${span}. No day is above 12, so they could be day-first or month-first; ${ctx.dayFirst ? 'day-first' : 'month-first'} is assumed — change it if that is wrong.`
        : `${lead} are dates written ${dateFormatLabels[df.format].replace(/ \(.*\)$/, '')}, ${span}: values such as ${examplesOf(dmyWitnesses(e, df.format), 1)} can only be read that way.`
      break
    default:
      reason = `${lead} are dates written ${dateFormatLabels[df.format].replace(/ \(.*\)$/, '')} (e.g. ${examplesOf(e.examples, 2)}), ${span}.`
  }
  if (df.range[1] >= openEndDate) reason += ' 9999-12-31 is the usual way of writing “no end date”.'
  if (df.invalid > 0)
    reason += ` ${count(df.invalid)} ${df.invalid === 1 ? 'value is not a date' : 'values are not dates'} (e.g. ${examplesOf(e.date.failures)}) and will count as missing.`
  return {
    type: 'date',
    reason: reason + missingSentence(e),
    numberFormat: null,
    dateFormat: df.format,
    booleanLabels: null,
    invalid: { count: df.invalid, examples: e.date.failures.slice(0, 5) },
  }
}

/** Examples whose first (dmy) or second (mdy) number is above 12: the values that settle the order. */
function dmyWitnesses(e: ColumnEvidence, format: 'dmy' | 'mdy'): string[] {
  const part = format === 'dmy' ? 0 : 1
  const witnesses = [...e.examples, ...e.top.map((t) => t.value)].filter((v) => {
    const m = /^(\d{1,2})[-/.](\d{1,2})/.exec(v.trim())
    return m !== null && +m[1 + part] > 12
  })
  return witnesses.length > 0 ? witnesses : e.examples.slice(0, 1)
}

// ---------------------------------------------------------------------------------------------------------------
// Booleans

interface BooleanFit {
  readonly family: BooleanFamily
  readonly labels: BooleanLabels
  readonly counts: readonly [number, number]
}

function booleanFit(e: ColumnEvidence): BooleanFit | null {
  if (!e.distinctExact || e.filled === 0 || e.distinct > e.top.length) return null
  let family: BooleanFamily | null = null
  const yes: string[] = []
  const no: string[] = []
  let nYes = 0
  let nNo = 0
  for (const { value, count: c } of e.top) {
    const token = booleanToken(value)
    if (!token) return null
    if (family !== null && token.family !== family) return null
    family = token.family
    if (token.value) {
      yes.push(value)
      nYes += c
    } else {
      no.push(value)
      nNo += c
    }
  }
  return family === null ? null : { family, labels: { true: yes, false: no }, counts: [nYes, nNo] }
}

function booleanChoice(e: ColumnEvidence, bf: BooleanFit, auto: boolean): TypeChoice {
  const [nYes, nNo] = bf.counts
  const label = (values: readonly string[], n: number) => `${values.map(shown).join('/') || '—'} (${count(n)})`
  let reason =
    bf.family === '1/0'
      ? `Only 1 and 0 occur — ${label(bf.labels.true, nYes)} and ${label(bf.labels.false, nNo)}${
          auto ? ` — and the name “${e.name}” suggests a yes/no flag` : ''
        }, so 1 is read as yes and 0 as no.`
      : `Only yes/no values occur: ${label(bf.labels.true, nYes)} and ${label(bf.labels.false, nNo)}.`
  if (bf.labels.true.length === 0 || bf.labels.false.length === 0) reason += ' Every filled value is the same.'
  return {
    type: 'boolean',
    reason: reason + missingSentence(e),
    numberFormat: null,
    dateFormat: null,
    booleanLabels: bf.labels,
    invalid: { count: 0, examples: [] },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Keys, categories, text

function keyReason(e: ColumnEvidence, words: string[], nf: NumberFit | null, fitsNumber: boolean): string | null {
  const noSpaces = e.withSpaces <= tolerance(e.filled)
  const n = e.number
  if (n.leadingZero > 0 && n.plainDigits >= e.filled - tolerance(e.filled) && e.distinct > smallCategory) {
    return `Values are digits written with leading zeros (e.g. ${examplesOf(e.examples)}): codes such as customer numbers, not quantities.`
  }
  const many = e.distinct > smallCategory || e.distinct >= 0.5 * e.filled
  const codeLike = !fitsNumber || (nf !== null && (nf.integer || n.exponent > 0))
  if (hasWord(words, idWords) && noSpaces && many && codeLike) {
    return `The name “${e.name}” and values like ${examplesOf(e.examples)} point to a key or code; with ${plural(e.distinct, 'different value')}${
      e.distinctExact ? '' : ' (estimated)'
    } it is not a category${fitsNumber ? ' and sums or averages of it mean nothing' : ''}.`
  }
  const allDifferent = e.distinctExact ? e.distinct === e.filled : e.distinct >= 0.97 * e.filled
  if (!fitsNumber && allDifferent && noSpaces && e.filled >= 10 && e.meanLength <= 40) {
    return `Every value is different and has no spaces (e.g. ${examplesOf(e.examples)}), like a customer number or code.`
  }
  return null
}

function categoryOrText(e: ColumnEvidence): TypeChoice {
  const missing = missingSentence(e)
  const wordy = e.withSpaces > 0.5 * e.filled
  const d = e.distinct
  const repeats = e.filled / Math.max(1, d)
  if (
    (d <= smallCategory && repeats >= 2 && e.meanLength <= 60) ||
    (e.distinctExact && d <= largeCategory && repeats >= 20 && !wordy && e.meanLength <= 30)
  ) {
    return plain(
      'category',
      `${plural(d, 'different value')} (e.g. ${examplesOf(topValues(e))}), each used ${repeats >= 2 ? `${count(repeats)} times on average` : 'about once'}: a category.` +
        missing,
    )
  }
  const why = wordy ? 'many with several words' : 'most used only a few times'
  return plain(
    'text',
    `${plural(d, 'different value')}${e.distinctExact ? '' : ' (estimated)'}, ${why} (e.g. ${examplesOf(e.examples, 2)}): free text rather than a category.` +
      missing,
  )
}

function topValues(e: ColumnEvidence): string[] {
  return e.top.length > 0 ? e.top.map((t) => t.value) : [...e.examples]
}

/** " 11 values are missing (spaces only)." or "". */
export function missingSentence(e: ColumnEvidence): string {
  const total = e.missing.reduce((n, m) => n + m.count, 0)
  if (total === 0) return ''
  const how = e.missing
    .slice(0, 3)
    .map(
      (m) =>
        (m.marker.startsWith('(') ? m.marker.slice(1, -1) : `written as ${shown(m.marker)}`) +
        (e.missing.length > 1 ? ` ×${count(m.count)}` : ''),
    )
    .join(', ')
  return ` ${count(total)} ${total === 1 ? 'value is' : 'values are'} missing (${how}).`
}
