/**
 * Cells that are safe to open in a spreadsheet. Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * is read by Excel, LibreOffice and Google Sheets as a formula (CSV injection, OWASP): a customer name such as
 * `=HYPERLINK(…)` would run when the file is opened. Such text is prefixed with an apostrophe, which spreadsheets show
 * as text; numbers stay numbers (a negative amount is a number, not text that starts with "-").
 */

export type Cell = string | number | null

/** A table ready for CSV and XLSX: a header and rows of cells, every text cell already made safe. */
export interface ExportTableData {
  /** The sheet's name in a workbook (at most 31 characters, no []:*?/\). */
  readonly sheet: string
  readonly header: readonly string[]
  readonly rows: readonly (readonly Cell[])[]
}

const FORMULA_START = /^[=+\-@\t\r]/

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** A cell as it may be written: text escaped, finite numbers as they are, anything else (NaN, ±∞) empty. */
export function safeCell(value: Cell): Cell {
  if (value === null) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  return safeText(value)
}

export function safeTable(table: ExportTableData): ExportTableData {
  return {
    sheet: table.sheet,
    header: table.header.map(safeText),
    rows: table.rows.map((row) => row.map(safeCell)),
  }
}
