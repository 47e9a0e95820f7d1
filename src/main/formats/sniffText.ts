import { detectEncoding, decodeAll } from './encoding'
import { detectDialect, splitSample, wholeLines } from './dialect'
import { emptyFile, type FileSamples } from './fileAccess'
import { detectHeader, headerNames } from './header'
import { FileProblem, fileName } from './problems'
import type { EncodingGuess, Sniff } from './types'
import { createTypeAccumulator } from './typing/typeAccumulator'

export interface TextSniffOverrides {
  readonly encoding?: string
  readonly delimiter?: string
  readonly quote?: '"' | "'" | null
  readonly hasHeader?: boolean
}

export const previewRowCount = 50

/** Sniffs a delimited text file from its sampled bytes; each guess can be overridden (the wizard's dropdowns). */
export function sniffText(path: string, file: FileSamples, overrides: TextSniffOverrides = {}): Sniff {
  let encoding: EncodingGuess
  if (overrides.encoding) {
    encoding = { name: overrides.encoding, bom: false, reason: 'Chosen by you.' }
  } else {
    const verdict = detectEncoding(file.samples)
    if (verdict.kind === 'empty') throw emptyFile(path)
    if (verdict.kind === 'binary') {
      throw new FileProblem(
        'binary',
        path,
        `"${fileName(path)}" is not a text or spreadsheet file: ${verdict.reason}.`,
        { detail: verdict.reason },
      )
    }
    encoding = verdict.encoding
  }

  const complete = file.head.length >= file.size
  const text = decodeAll(file.head, encoding.name)
  if (text.trim() === '') throw emptyFile(path)

  const guess = detectDialect(text, complete)
  let dialect = guess.dialect
  let dialectReason = guess.reason
  let rows = guess.rows
  if (overrides.delimiter !== undefined || overrides.quote !== undefined) {
    const delimiter = overrides.delimiter ?? dialect.delimiter
    const quote =
      overrides.quote !== undefined ? overrides.quote : delimiter === 'whitespace' ? null : (dialect.quote ?? '"')
    dialect = { delimiter, quote, newline: dialect.newline }
    dialectReason = 'Chosen by you.'
    rows = splitSample(complete ? text : wholeLines(text, dialect.newline), dialect, complete).slice(guess.skipRows)
  }
  const header =
    overrides.hasHeader !== undefined
      ? { hasHeader: overrides.hasHeader, reason: 'Chosen by you.' }
      : detectHeader(rows)
  const dataRows = header.hasHeader ? rows.slice(1) : rows
  const width = Math.max(1, header.hasHeader ? rows[0].length : 0, modalWidth(dataRows))
  const names = headerNames(header.hasHeader ? rows[0] : null, width)
  const preview = dataRows.slice(0, previewRowCount).map((r) => pad(r, width))

  const typing = createTypeAccumulator(names, { decimalHint: dialect.delimiter === ';' ? ',' : '.' })
  typing.addRows(dataRows.map((r) => pad(r, width)))
  return {
    path,
    format: 'delimited',
    byteLength: file.size,
    encoding,
    dialect,
    dialectReason,
    hasHeader: header.hasHeader,
    headerReason: header.reason,
    header: names,
    skipRows: guess.skipRows,
    decimalHint: typing.finish().decimal,
    sheets: [],
    sheet: null,
    date1904: null,
    firstColumn: 1,
    previewRows: preview,
  }
}

/** The field count most rows have: a header shorter than its data (unnamed last column) is widened to it. */
function modalWidth(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>()
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
  let width = 0
  let most = 0
  for (const [w, n] of counts) {
    if (n > most) {
      width = w
      most = n
    }
  }
  return width
}

export function pad(row: readonly string[], width: number): string[] {
  if (row.length === width) return row as string[]
  if (row.length > width) return row.slice(0, width)
  const out = row.slice()
  while (out.length < width) out.push('')
  return out
}
