import { formatIsoDate } from './typing/dateFormat'

/**
 * Turns workbook cells into the raw text we store, the way a user sees it in Excel: numbers to 15 significant
 * digits (Excel's display precision, so 0.1+0.2 shows as 0.3), dates as ISO text ("2011-03-10",
 * "2011-03-10 16:16:00"), TRUE/FALSE, formula results, rich text flattened, error values as written ("#N/A").
 * Dates are only ever made from cells Excel formats as dates — a plain number column is never read as serials.
 */

const msPerDay = 86_400_000
/** Excel serial day 0: 1899-12-30 in the 1900 date system (which counts the phantom 1900-02-29), 1904-01-01 in the 1904 one. */
const epoch1900 = Date.UTC(1899, 11, 30)
const epoch1904 = Date.UTC(1904, 0, 1)

export function excelSerialToMs(serial: number, date1904: boolean): number {
  return Math.round(((date1904 ? epoch1904 : epoch1900) + serial * msPerDay) / 1000) * 1000
}

/** Whether a number format shows a date or time: d, m, y, h or s outside quoted text and [colour] brackets. */
export function isDateNumFmt(numFmt: string | undefined | null): boolean {
  if (!numFmt || numFmt === 'General' || numFmt === '@') return false
  return /[dmyhs]/i.test(stripFormatText(numFmt))
}

/** Excel shows numbers to 15 significant digits; beyond that are floating-point artefacts, not data. */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n)
  return String(Number(n.toPrecision(15)))
}

/**
 * Dates as ISO text; a time-of-day format (h, s but no day or year: "hh:mm") gives "HH:MM:SS" alone, because its
 * serial is a fraction of a day and the date part would be Excel's epoch, not data.
 */
function dateText(ms: number, numFmt: string | undefined): string {
  const rounded = Math.round(ms / 1000) * 1000
  if (isTimeOnlyNumFmt(numFmt)) return new Date(rounded).toISOString().substring(11, 19)
  return formatIsoDate(rounded)
}

function isTimeOnlyNumFmt(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  const stripped = stripFormatText(numFmt)
  return /[hs]/i.test(stripped) && !/[dy]/i.test(stripped)
}

function stripFormatText(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
}

interface CellLike {
  readonly value: unknown
  readonly numFmt?: string
}

export function cellText(cell: CellLike, date1904: boolean): string {
  return valueText(cell.value, cell.numFmt, date1904)
}

function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number')
    return isDateNumFmt(numFmt) ? dateText(excelSerialToMs(value, date1904), numFmt) : excelNumberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value.getTime(), numFmt)
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('')
    if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt, date1904)
    if ('error' in v) return String(v.error)
    if ('text' in v) return valueText(v.text, numFmt, date1904)
    if ('hyperlink' in v) return String(v.hyperlink)
  }
  return String(value)
}
