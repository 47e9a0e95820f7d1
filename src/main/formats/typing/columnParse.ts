import type { ColumnType } from '../../../shared/domain/dataset'
import type { DateFormat } from './dateFormat'
import type { NumberFormat } from './numberFormat'

/** Numbers as SegmentLab writes them itself (RFM, joins of such tables): a point, no grouping, no symbols. */
export const plainNumbers: NumberFormat = { decimal: '.', thousands: '', currency: null, percent: false }

/** Everything `toFrameColumn` reads a column's text with: the confirmed type and the import's formats. */
export interface ColumnParse {
  readonly type: ColumnType
  readonly numberFormat: NumberFormat
  readonly dateFormat: DateFormat
}

/**
 * Bump when parsing itself changes (a new missing-value word, a date rule): typed values stored by an older parser
 * then no longer match and are parsed again from the text.
 */
export const PARSER_VERSION = 1

/**
 * How a column's text is parsed, from its type and the reader's inference as stored with the column. Tables
 * SegmentLab wrote itself (RFM) carry no inference: their numbers and dates are plain.
 */
export function columnParse(type: ColumnType, inference: unknown): ColumnParse {
  const inferred = inference as { numberFormat?: NumberFormat | null; dateFormat?: DateFormat | null } | null
  return {
    type,
    numberFormat: inferred?.numberFormat ?? plainNumbers,
    dateFormat: inferred?.dateFormat ?? 'iso',
  }
}

/**
 * A stable string naming exactly what a column's typed values depend on: the parser version, the type and — for
 * numbers and dates only — the format. Typed values stored under another signature (the user retyped the column, or
 * the format changed) are stale. Keys are written in a fixed order so equal parses give equal strings.
 */
export function parseSignature(parse: ColumnParse): string {
  const { type } = parse
  if (type === 'number') {
    const { decimal, thousands, currency, percent } = parse.numberFormat
    return JSON.stringify({ v: PARSER_VERSION, type, number: [decimal, thousands, currency, percent] })
  }
  if (type === 'date') return JSON.stringify({ v: PARSER_VERSION, type, date: parse.dateFormat })
  return JSON.stringify({ v: PARSER_VERSION, type })
}
