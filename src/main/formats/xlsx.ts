import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Row } from 'exceljs'
import { excelLibrary } from './excelLibrary'
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

/** A worksheet: its name as the workbook lists it, then its rows in order. */
interface Sheet {
  readonly name: string
  readonly rows: AsyncIterable<Row>
}

interface OpenWorkbook {
  readonly sheets: AsyncIterable<Sheet>
  /** The workbook's sheet names in its own order, once its workbook part has been read; else the sheets seen. */
  sheetNames(seen: readonly string[]): string[]
  date1904(): boolean
  /** Closed when reading stops early, so the file handle is not kept. */
  readonly input: { destroy(): void }
  bytesRead(): number
}

/** What this file reads of exceljs's streaming reader beyond its typed API. */
interface ReaderInternals {
  model?: { sheets?: { name: string; rId?: string }[] }
  workbookRels?: { Id: string; Target: string }[]
  properties?: { model?: { date1904?: boolean } }
  _parseWorksheet(iterator: unknown, sheetNo: string): Generator<{ eventType: string; value: unknown }>
}

/** Raised when a sheet cannot be matched to the workbook's list; the in-memory reader is tried instead. */
class UnnamedSheet extends Error {
  constructor(part: string) {
    super(`no sheet of the workbook is stored in ${part}`)
    this.name = 'UnnamedSheet'
  }
}

/**
 * The name the workbook gives the sheet stored in `part` (e.g. "xl/worksheets/sheet1.xml"): the workbook's
 * relationships say which part each sheet's r:id points at. A target is relative to the workbook part's folder
 * ("worksheets/sheet1.xml", as Excel and exceljs write it) or absolute from the package root
 * ("/xl/worksheets/sheet1.xml", as openpyxl writes it); exceljs matches only the first form and calls the others
 * "Sheet1", which may even be another sheet's name.
 */
export function sheetNameOfPart(
  part: string,
  rels: readonly { Id: string; Target: string }[],
  sheets: readonly { name: string; rId?: string }[],
  workbookFolder = 'xl/',
): string | undefined {
  const rel = rels.find((r) => partPath(r.Target, workbookFolder) === part)
  return rel && sheets.find((s) => s.rId === rel.Id)?.name
}

function partPath(target: string, folder: string): string {
  const segments: string[] = []
  for (const segment of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
    if (segment === '..') segments.pop()
    else if (segment !== '.' && segment !== '') segments.push(segment)
  }
  return segments.join('/')
}

async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const ExcelJS = await excelLibrary()
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
  // The zip part each worksheet reader came from, which exceljs does not keep when it cannot name the sheet.
  const internals = reader as unknown as ReaderInternals
  const partOf = new WeakMap<object, string>()
  const parseWorksheet = internals._parseWorksheet.bind(reader)
  internals._parseWorksheet = function* (iterator, sheetNo) {
    for (const event of parseWorksheet(iterator, sheetNo)) {
      if (typeof event.value === 'object' && event.value !== null) partOf.set(event.value, sheetNo)
      yield event
    }
  }
  const sheets = async function* (): AsyncGenerator<Sheet> {
    for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<Row>>) {
      const part = `xl/worksheets/sheet${partOf.get(ws) ?? '?'}.xml`
      const name = sheetNameOfPart(part, internals.workbookRels ?? [], internals.model?.sheets ?? [])
      if (name === undefined) throw new UnnamedSheet(part)
      yield { name, rows: ws }
    }
  }
  return {
    sheets: sheets(),
    sheetNames: (seen) => internals.model?.sheets?.map((s) => s.name) ?? [...seen],
    date1904: () => internals.properties?.model?.date1904 === true,
    input,
    bytesRead: () => bytes,
  }
}

/**
 * The same workbook read whole into memory, for the files the streaming reader cannot take: exceljs parses a sheet as
 * soon as its shared strings are known, and fails when the zip stores `xl/workbook.xml` after the sheets (seen with
 * workbooks exceljs itself wrote under load). Presents the streaming reader's shape, so callers do not change.
 */
async function openWorkbookInMemory(path: string): Promise<OpenWorkbook> {
  const ExcelJS = await excelLibrary()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const sheets: Sheet[] = wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: {
      async *[Symbol.asyncIterator]() {
        const rows: Row[] = []
        ws.eachRow({ includeEmpty: false }, (row) => rows.push(row))
        yield* rows
      },
    },
  }))
  const size = (await stat(path)).size
  return {
    sheets: (async function* () {
      yield* sheets
    })(),
    sheetNames: () => sheets.map((s) => s.name),
    date1904: () => wb.properties.date1904 === true,
    input: { destroy: () => undefined },
    bytesRead: () => size,
  }
}

/** Failures of the streaming reader that reading the workbook whole does not have. */
function isStreamingFailure(error: unknown): boolean {
  return (error instanceof TypeError && /reading 'sheets'/.test(error.message)) || error instanceof UnnamedSheet
}

/** Runs `read` over the streaming reader, and once more over the in-memory one if the zip's order defeats streaming. */
async function withWorkbook<T>(
  path: string,
  read: (wb: OpenWorkbook) => Promise<T>,
  canRetry: () => boolean,
): Promise<T> {
  try {
    return await read(await openWorkbook(path))
  } catch (error) {
    const cause = error instanceof FileProblem ? error.cause : error
    if (!isStreamingFailure(cause) || !canRetry()) throw error
    return read(await openWorkbookInMemory(path))
  }
}

/** One sheet row as text by 1-based column (index 0 unused; empty cells are holes). */
function rowCells(row: Row, date1904: boolean): string[] {
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
  const { seen, sheets, sheet, date1904, rows } = await withWorkbook(
    path,
    async (wb) => {
      const seen: string[] = []
      let sheets: string[] = []
      let sheet: string | null = null
      let date1904 = false
      const rows: { number: number; cells: string[] }[] = []
      try {
        for await (const ws of wb.sheets) {
          const name = ws.name
          seen.push(name)
          sheets = wb.sheetNames(seen)
          date1904 = wb.date1904()
          const wanted = options.sheet ?? sheets[0] ?? name
          if (name !== wanted) continue
          sheet = name
          for await (const row of ws.rows) {
            const cells = rowCells(row, date1904)
            if (cells.length > 0) rows.push({ number: row.number, cells })
            if (rows.length >= sniffRows) break
          }
          break
        }
      } catch (error) {
        throw corrupt(path, error)
      } finally {
        wb.input.destroy()
      }
      return { seen, sheets, sheet, date1904, rows }
    },
    () => true,
  )
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
  let delivered = false
  const bytesRead = await withWorkbook(
    path,
    async (wb) => {
      let aboveTable = sniff.skipRows
      let found = false
      try {
        for await (const ws of wb.sheets) {
          if (ws.name !== sniff.sheet) continue
          found = true
          const date1904 = wb.date1904()
          for await (const row of ws.rows) {
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
            delivered = true
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
      return wb.bytesRead()
    },
    // Rows already handed on cannot be taken back: retry only if the streaming reader failed before the first.
    () => !delivered,
  )
  return sink.summary(sniff.header, bytesRead)
}
