import { safeTable, type Cell, type ExportTableData } from './cells'

/** A UTF-8 byte-order mark: without it Excel reads a CSV file as the system's code page and mangles accents. */
const BOM = '\uFEFF'

/**
 * A table as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote, a line
 * break or surrounding spaces; numbers written in full precision with a dot. Text is made formula-safe first.
 */
export function toCsv(table: ExportTableData): string {
  const safe = safeTable(table)
  const lines = [safe.header, ...safe.rows].map((row) => row.map(csvField).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

function csvField(value: Cell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : value
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
