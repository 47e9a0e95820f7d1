import { excelLibrary } from '../../formats/excelLibrary'
import { safeTable, type ExportTableData } from './cells'

/**
 * Tables as one workbook, a sheet each: a bold, frozen header row, columns sized to their content, text cells stored
 * as text (made formula-safe as in CSV, so the file stays safe when re-saved as CSV) and numbers as numbers.
 */
export async function toXlsx(tables: readonly ExportTableData[]): Promise<Buffer> {
  const ExcelJS = await excelLibrary()
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'SegmentLab'
  for (const table of tables.map(safeTable)) {
    const sheet = workbook.addWorksheet(sheetName(table.sheet), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([...table.header]).font = { bold: true }
    for (const row of table.rows) sheet.addRow(row.map((c) => (c === null ? undefined : c)))
    sheet.columns.forEach((column, j) => {
      const longest = Math.max(
        table.header[j]?.length ?? 0,
        ...table.rows.slice(0, 500).map((r) => String(r[j] ?? '').length),
      )
      column.width = Math.min(60, Math.max(8, longest + 2))
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet'
}
