import { createReadStream, type ReadStream } from 'node:fs'
import ExcelJS from 'exceljs'
import { detectHeader, headerNames } from './header'
import { FileProblem, fileName } from './problems'
import { RowSink } from './rowSink'
import { previewRowCount } from './sniffText'
import type { BatchHandler, ReadOptions, ReadSummary, Sniff } from './types'
import { createTypeAccumulator } from './typing/typeAccumulator'
import { cellText } from './xlsxCells'

/**
 * Excel .xlsx through exceljs's streaming reader, so a sheet of a million rows is never held in memory. A sheet's
 * table need not start at A1: title rows (often merged across the table), notes and blank rows above it are
 * skipped, as are empty columns to its left — the header is the first row filled across at least half the table's
 * width.
 */

/** Rows read to find the table and its header. */
const sniffRows = 200

interface OpenWorkbook {
  readonly reader: ExcelJS.stream.xlsx.WorkbookReader
  readonly input: ReadStream
  bytesRead(): number
}

function openWorkbook(path: string): OpenWorkbook {
  const input = createReadStream(path, { highWaterMark: 1 << 20 })
  let bytes = 0
  input.on('data', (chunk) => (bytes += chunk.length))
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  return { reader, input, bytesRead: () => bytes }
}

interface WorkbookInternals {
  model?: { sheets?: { name: string }[] }
  properties?: { model?: { date1904?: boolean } }
}

function sheetNames(reader: ExcelJS.stream.xlsx.WorkbookReader, seen: readonly string[]): string[] {
  const model = (reader as unknown as WorkbookInternals).model
  return model?.sheets?.map((s) => s.name) ?? [...seen]
}

function date1904Of(reader: ExcelJS.stream.xlsx.WorkbookReader): boolean {
  return (reader as unknown as WorkbookInternals).properties?.model?.date1904 === true
}

/** One sheet row as text by 1-based column (index 0 unused; empty cells are holes). */
function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
  const cells: string[] = []
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(cell, date1904)
    if (text !== '') cells[col] = text
  })
  return cells
}

function corrupt(path: string, error: unknown): FileProblem {
  if (error instanceof FileProblem) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new FileProblem(
    'corruptWorkbook',
    path,
    `"${fileName(path)}" could not be opened as an Excel workbook: the file is damaged or not really .xlsx.`,
    { detail, cause: error },
  )
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

export async function sniffXlsx(
  path: string,
  byteLength: number,
  options: { sheet?: string; hasHeader?: boolean } = {},
): Promise<Sniff> {
  const { reader, input } = openWorkbook(path)
  const seen: string[] = []
  let sheets: string[] = []
  let sheet: string | null = null
  let date1904 = false
  const rows: { number: number; cells: string[] }[] = []
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name
      seen.push(name)
      sheets = sheetNames(reader, seen)
      date1904 = date1904Of(reader)
      const wanted = options.sheet ?? sheets[0] ?? name
      if (name !== wanted) continue
      sheet = name
      for await (const row of ws) {
        const cells = rowCells(row, date1904)
        if (cells.length > 0) rows.push({ number: row.number, cells })
        if (rows.length >= sniffRows) break
      }
      break
    }
  } catch (error) {
    throw corrupt(path, error)
  } finally {
    input.destroy()
  }
  if (seen.length === 0) throw corrupt(path, new Error('no worksheets found'))
  if (sheet === null) {
    throw new FileProblem(
      'noSuchSheet',
      path,
      `"${fileName(path)}" has no sheet named "${options.sheet}". Its sheets are: ${sheets.join(', ')}.`,
    )
  }
  if (rows.length === 0) throw new FileProblem('emptySheet', path, `Sheet "${sheet}" of "${fileName(path)}" is empty.`)

  const table = findTable(rows)
  const textRows = rows.slice(table.skipRows).map((r) => slice(r.cells, table.firstColumn, table.width))
  const header =
    options.hasHeader !== undefined
      ? { hasHeader: options.hasHeader, reason: 'Chosen by you.' }
      : detectHeader(textRows)
  const names = headerNames(header.hasHeader ? textRows[0] : null, table.width)
  const dataRows = header.hasHeader ? textRows.slice(1) : textRows
  const typing = createTypeAccumulator(names)
  typing.addRows(dataRows)
  const skippedNote =
    table.skipRows > 0
      ? ` ${table.skipRows} row${table.skipRows === 1 ? '' : 's'} above the table (titles or notes) ${table.skipRows === 1 ? 'is' : 'are'} skipped.`
      : ''
  return {
    path,
    format: 'xlsx',
    byteLength,
    encoding: null,
    dialect: null,
    dialectReason: `Excel workbook, sheet "${sheet}"${table.firstColumn > 1 ? `, table starting in column ${columnLetter(table.firstColumn)}` : ''}.${skippedNote}`,
    hasHeader: header.hasHeader,
    headerReason: header.reason,
    header: names,
    skipRows: table.skipRows,
    decimalHint: typing.finish().decimal,
    sheets,
    sheet,
    date1904,
    firstColumn: table.firstColumn,
    previewRows: dataRows.slice(0, previewRowCount),
  }
}

/**
 * Where the table sits among the first rows: the header (or first data row) is the first row filled across at
 * least half the widest row, and at least two cells unless the table has one column; the table spans from the
 * leftmost to the rightmost filled column from there on.
 */
function findTable(rows: readonly { cells: string[] }[]): { skipRows: number; firstColumn: number; width: number } {
  const filled = rows.map((r) => r.cells.reduce((n, v) => (v !== undefined ? n + 1 : n), 0))
  const widest = Math.max(...filled)
  const needed = widest <= 1 ? 1 : Math.max(2, Math.ceil(widest / 2))
  const skipRows = Math.max(
    0,
    filled.findIndex((n) => n >= needed),
  )
  let first = Infinity
  let last = 0
  for (const r of rows.slice(skipRows)) {
    r.cells.forEach((v, col) => {
      if (v === undefined) return
      if (col < first) first = col
      if (col > last) last = col
    })
  }
  return { skipRows, firstColumn: first, width: last - first + 1 }
}

function slice(cells: readonly string[], firstColumn: number, width: number): string[] {
  const out = new Array<string>(width)
  for (let j = 0; j < width; j++) out[j] = cells[firstColumn + j] ?? ''
  return out
}

function columnLetter(col: number): string {
  let s = ''
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

export async function readXlsx(sniff: Sniff, options: ReadOptions, onBatch: BatchHandler): Promise<ReadSummary> {
  const { path } = sniff
  options.signal?.throwIfAborted()
  const width = sniff.header.length
  // Rows above the table are skipped here, by the whole sheet row: a title in column A is above a table that starts
  // in column B even though the table's columns of that row are empty.
  const sink = new RowSink(width, 0, sniff.hasHeader, options, onBatch, sniff.byteLength)
  let aboveTable = sniff.skipRows
  const wb = openWorkbook(path)
  let found = false
  try {
    for await (const ws of wb.reader) {
      if ((ws as unknown as { name: string }).name !== sniff.sheet) continue
      found = true
      const date1904 = date1904Of(wb.reader)
      for await (const row of ws) {
        const cells = rowCells(row, date1904)
        if (aboveTable > 0 && cells.length > 0) {
          aboveTable--
          continue
        }
        let last = 0
        cells.forEach((v, col) => {
          if (v !== undefined && col > last) last = col
        })
        const fitted = slice(cells, sniff.firstColumn, Math.max(width, last - sniff.firstColumn + 1))
        if (sink.add(fitted, row.number)) await sink.flush(Math.min(wb.bytesRead(), sniff.byteLength))
      }
      break
    }
    await sink.flush(wb.bytesRead())
  } catch (error) {
    if (isAbort(error) || error instanceof FileProblem) throw error
    throw corrupt(path, error)
  } finally {
    wb.input.destroy()
  }
  if (!found)
    throw new FileProblem('noSuchSheet', path, `"${fileName(path)}" no longer has a sheet named "${sniff.sheet}".`)
  return sink.summary(sniff.header, wb.bytesRead())
}
