import type ExcelJS from 'exceljs'

let loading: Promise<typeof ExcelJS> | null = null

/**
 * exceljs, loaded on first use. Loading it takes about 0.2 s — most of a job process's start-up — which every job (a
 * CSV import, a clustering) and main would otherwise pay for the few that read or write a workbook.
 */
export function excelLibrary(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => (m as unknown as { default?: typeof ExcelJS }).default ?? m)
  return loading
}
