import { comboCount, createNumberScan, scanNumber } from './numberFormat'
import { createDateScan, DATE_DMON, DATE_DMY, DATE_ISO, DATE_MDY, DATE_MOND, isYyyymmdd, scanDate } from './dateFormat'
import { missingMarker } from './missing'
import { DistinctCounter } from './distinctCounter'
import { countPiiShapes, emptyPiiCounts, type PiiValueCounts } from './piiPatterns'

/**
 * Everything typing needs to know about one column, gathered in one pass over all its values in bounded memory.
 * Plain JSON data: it is kept with the dataset so that a user's type override can be re-explained without
 * re-reading the file.
 */
export interface ColumnEvidence {
  readonly name: string
  readonly index: number
  /** True when the file had no header and the name was made up ("Column 3"). */
  readonly generatedName: boolean
  readonly rows: number
  readonly filled: number
  /** Missing markers seen, most frequent first: "(empty)", "(spaces only)", "NA", "unknown"… */
  readonly missing: readonly { readonly marker: string; readonly count: number }[]
  readonly distinct: number
  /** False once more than `distinctCap` different values were seen; `distinct` is then an estimate. */
  readonly distinctExact: boolean
  /** Most frequent values (up to 20), only while distinct counting is exact. */
  readonly top: readonly { readonly value: string; readonly count: number }[]
  /** First few different filled values, in file order. */
  readonly examples: readonly string[]
  readonly meanLength: number
  readonly maxLength: number
  /** Filled values with a space inside (multi-word text). */
  readonly withSpaces: number
  readonly number: NumberEvidence
  readonly date: DateEvidence
  readonly pii: PiiValueCounts
}

export interface NumberEvidence {
  /** Values that are a number in at least one format. */
  readonly numeric: number
  /** Per number combo (see numberCombos): values that fit it, that have decimals with it, that group thousands with it. */
  readonly fits: readonly number[]
  readonly decimals: readonly number[]
  readonly grouped: readonly number[]
  readonly currency: Readonly<Record<string, number>>
  readonly percent: number
  readonly negative: number
  readonly exponent: number
  /** Values made only of digits (perhaps signed), and those among them with a leading zero. */
  readonly plainDigits: number
  readonly leadingZero: number
  /** Plain 8-digit values that are valid dates yyyymmdd in 1900–2100. */
  readonly yyyymmdd: number
  /** Range of plain-digit values (NaN when none). */
  readonly plainMin: number
  readonly plainMax: number
  readonly failures: readonly string[]
}

export interface DateEvidence {
  /** Values fitting each text date format: iso, dmy, mdy, d-mon-y, mon-d-y. */
  readonly iso: number
  readonly dmy: number
  readonly mdy: number
  readonly dmon: number
  readonly mond: number
  readonly withTime: number
  /** [min, max] epoch ms per reading; NaN when none. */
  readonly isoRange: readonly [number, number]
  readonly dmyRange: readonly [number, number]
  readonly mdyRange: readonly [number, number]
  readonly failures: readonly string[]
}

/** Per-column distinct tracking cap: beyond it counts are estimated (see DistinctCounter). */
export const distinctCap = 10_000
/** Values checked for personal-data shapes per column. */
export const piiSampleSize = 1_000
const exampleCount = 5

const numberScan = createNumberScan()
const dateScan = createDateScan()

export class ColumnAccumulator {
  private rows = 0
  private filled = 0
  private readonly missing = new Map<string, number>()
  private readonly distinct = new DistinctCounter(distinctCap)
  private readonly examples: string[] = []
  private totalLength = 0
  private maxLength = 0
  private withSpaces = 0

  private numeric = 0
  private readonly fits = new Float64Array(comboCount)
  private readonly decimals = new Float64Array(comboCount)
  private readonly grouped = new Float64Array(comboCount)
  /**
   * Consecutive values that read with the same combos, counted once per run rather than combo by combo per value: a
   * column's numbers mostly share one shape, and an import types every cell.
   */
  private runMask = 0
  private runDecimalMask = 0
  private runGroupedMask = 0
  private runLength = 0
  private readonly currency = new Map<string, number>()
  private percent = 0
  private negative = 0
  private exponent = 0
  private plainDigits = 0
  private leadingZero = 0
  private yyyymmdd = 0
  private plainMin = Infinity
  private plainMax = -Infinity
  private readonly numberFailures: string[] = []

  private iso = 0
  private dmy = 0
  private mdy = 0
  private dmon = 0
  private mond = 0
  private withTime = 0
  private readonly ranges = [Infinity, -Infinity, Infinity, -Infinity, Infinity, -Infinity]
  private readonly dateFailures: string[] = []

  private readonly pii = emptyPiiCounts()

  constructor(
    private readonly name: string,
    private readonly index: number,
    private readonly generatedName: boolean,
  ) {}

  add(raw: string): void {
    this.rows++
    const marker = missingMarker(raw)
    if (marker !== null) {
      this.missing.set(marker, (this.missing.get(marker) ?? 0) + 1)
      return
    }
    this.filled++
    this.distinct.add(raw)
    if (this.examples.length < exampleCount && !this.examples.includes(raw)) this.examples.push(raw)
    const length = raw.length
    this.totalLength += length
    if (length > this.maxLength) this.maxLength = length
    if (raw.indexOf(' ') > 0 && raw.trim().indexOf(' ') > 0) this.withSpaces++

    if (scanNumber(raw, numberScan)) this.addNumber(raw)
    else {
      if (this.numberFailures.length < exampleCount && !this.numberFailures.includes(raw)) this.numberFailures.push(raw)
      if (scanDate(raw, dateScan)) this.addDate()
      else if (this.dateFailures.length < exampleCount && !this.dateFailures.includes(raw)) this.dateFailures.push(raw)
    }

    if (this.pii.checked < piiSampleSize) countPiiShapes(raw, this.pii)
  }

  private addNumber(raw: string): void {
    const s = numberScan
    this.numeric++
    if (s.mask === this.runMask && s.decimalMask === this.runDecimalMask && s.groupedMask === this.runGroupedMask) {
      this.runLength++
    } else {
      this.endRun()
      this.runMask = s.mask
      this.runDecimalMask = s.decimalMask
      this.runGroupedMask = s.groupedMask
      this.runLength = 1
    }
    if (s.currency !== null) this.currency.set(s.currency, (this.currency.get(s.currency) ?? 0) + 1)
    if (s.percent) this.percent++
    if (s.negative) this.negative++
    if (s.exponent) this.exponent++
    if (s.plainDigits) {
      this.plainDigits++
      if (s.leadingZero) this.leadingZero++
      const digits = raw.trim()
      if (digits.length === 8 && isYyyymmdd(digits)) this.yyyymmdd++
      if (digits.length <= 15) {
        const v = Number(digits)
        if (v < this.plainMin) this.plainMin = v
        if (v > this.plainMax) this.plainMax = v
      }
    }
    if (this.dateFailures.length < exampleCount && !this.dateFailures.includes(raw)) this.dateFailures.push(raw)
  }

  /** Adds the run of values that read with the same combos to the per-combo counts. */
  private endRun(): void {
    if (this.runLength === 0) return
    for (let c = 0; c < comboCount; c++) {
      const bit = 1 << c
      if (this.runMask & bit) {
        this.fits[c] += this.runLength
        if (this.runDecimalMask & bit) this.decimals[c] += this.runLength
        if (this.runGroupedMask & bit) this.grouped[c] += this.runLength
      }
    }
    this.runLength = 0
  }

  private addDate(): void {
    const s = dateScan
    if (s.hasTime) this.withTime++
    if (s.mask & DATE_ISO) {
      this.iso++
      this.range(0, s.msIso)
    }
    if (s.mask & DATE_DMON) {
      this.dmon++
      this.range(0, s.msIso)
    }
    if (s.mask & DATE_MOND) {
      this.mond++
      this.range(0, s.msIso)
    }
    if (s.mask & DATE_DMY) {
      this.dmy++
      this.range(1, s.msDmy)
    }
    if (s.mask & DATE_MDY) {
      this.mdy++
      this.range(2, s.msMdy)
    }
  }

  private range(k: number, ms: number): void {
    if (ms < this.ranges[2 * k]) this.ranges[2 * k] = ms
    if (ms > this.ranges[2 * k + 1]) this.ranges[2 * k + 1] = ms
  }

  evidence(): ColumnEvidence {
    this.endRun()
    const finite = (v: number) => (Number.isFinite(v) ? v : NaN)
    const range = (k: number): [number, number] => [finite(this.ranges[2 * k]), finite(this.ranges[2 * k + 1])]
    return {
      name: this.name,
      index: this.index,
      generatedName: this.generatedName,
      rows: this.rows,
      filled: this.filled,
      missing: [...this.missing].sort((a, b) => b[1] - a[1]).map(([marker, count]) => ({ marker, count })),
      distinct: this.distinct.count,
      distinctExact: this.distinct.exact,
      top: this.distinct.top(20),
      examples: [...this.examples],
      meanLength: this.filled === 0 ? 0 : this.totalLength / this.filled,
      maxLength: this.maxLength,
      withSpaces: this.withSpaces,
      number: {
        numeric: this.numeric,
        fits: [...this.fits],
        decimals: [...this.decimals],
        grouped: [...this.grouped],
        currency: Object.fromEntries(this.currency),
        percent: this.percent,
        negative: this.negative,
        exponent: this.exponent,
        plainDigits: this.plainDigits,
        leadingZero: this.leadingZero,
        yyyymmdd: this.yyyymmdd,
        plainMin: finite(this.plainMin),
        plainMax: finite(this.plainMax),
        failures: [...this.numberFailures],
      },
      date: {
        iso: this.iso,
        dmy: this.dmy,
        mdy: this.mdy,
        dmon: this.dmon,
        mond: this.mond,
        withTime: this.withTime,
        isoRange: range(0),
        dmyRange: range(1),
        mdyRange: range(2),
        failures: [...this.dateFailures],
      },
      pii: { ...this.pii },
    }
  }
}
