import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { safeCell, safeTable, safeText, type ExportTableData } from '../../../src/main/report/exports/cells'
import { toCsv } from '../../../src/main/report/exports/csv'
import { sheetName, toXlsx } from '../../../src/main/report/exports/xlsx'
import { membershipTable, profilesTable } from '../../../src/main/report/exports/tables'
import { defaultSegmentLabel, type SegmentLabel } from '../../../src/shared/domain/understand'
import { fixtureProfile } from './fixture'

/** Cells a spreadsheet would run as formulas, and what must come out (OWASP CSV injection). */
const dangerous = ['=1+1', '+49 30 1234', '-2+3', '@SUM(A1)', '\tTab', '\rCR', '=HYPERLINK("http://x","y")']

const table: ExportTableData = {
  sheet: 'Test',
  header: ['Customer', 'Amount', '=Header'],
  rows: [
    ['=cmd|"/c calc"!A1', -12.5, 'plain'],
    ['Smith, "Jo"', 0, null],
    ['  padded  ', 1e-7, 'line\nbreak'],
    ['Zoë 東京', Number.NaN, '-'],
  ],
}

function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true)
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data
}

describe('formula-safe cells', () => {
  it('prefixes text that a spreadsheet would read as a formula with an apostrophe', () => {
    for (const text of dangerous) expect(safeText(text)).toBe(`'${text}`)
    for (const text of ['Champions', '', "'quoted", '1+1', 'a=b', ' =x']) expect(safeText(text)).toBe(text)
  })

  it('keeps numbers as numbers, negatives included, and empties what is not a finite number', () => {
    expect(safeCell(-3)).toBe(-3)
    expect(safeCell(0)).toBe(0)
    expect(safeCell(Number.NaN)).toBeNull()
    expect(safeCell(Number.POSITIVE_INFINITY)).toBeNull()
    expect(safeCell(null)).toBeNull()
  })
})

describe('CSV', () => {
  it('gives back a cell that started with = escaped, and every other cell as it was', () => {
    const rows = parseCsv(toCsv(table))
    expect(rows[0]).toEqual(['Customer', 'Amount', "'=Header"])
    expect(rows[1]).toEqual([`'=cmd|"/c calc"!A1`, '-12.5', 'plain'])
    expect(rows[2]).toEqual(['Smith, "Jo"', '0', ''])
    expect(rows[3]).toEqual(['  padded  ', '1e-7', 'line\nbreak'])
    expect(rows[4]).toEqual(['Zoë 東京', '', "'-"])
  })

  it('escapes every dangerous start, in a CSV that a parser reads back cell for cell', () => {
    const rows = parseCsv(toCsv({ sheet: 'x', header: ['v'], rows: dangerous.map((d) => [d]) }))
    expect(rows.slice(1).map((r) => r[0])).toEqual(dangerous.map((d) => `'${d}`))
  })
})

describe('XLSX', () => {
  it('reads back exactly what was exported: escaped text as text, numbers as numbers', async () => {
    const bytes = await toXlsx([table, { sheet: 'Second: [sheet]', header: ['n'], rows: [[1], [2]] }])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Test', 'Second   sheet '])
    const sheet = book.getWorksheet('Test')!
    const read: unknown[][] = []
    sheet.eachRow({ includeEmpty: true }, (row) => {
      read.push(Array.from({ length: 3 }, (_, j) => row.getCell(j + 1).value ?? null))
    })
    const expected = safeTable(table)
    expect(read).toEqual([expected.header, ...expected.rows])
    expect(typeof read[1][1]).toBe('number')
    expect(read[1][0]).toBe(`'=cmd|"/c calc"!A1`)
    // No cell became a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))
  })

  it('names sheets the way Excel accepts', () => {
    expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h')
    expect(sheetName('x'.repeat(40))).toHaveLength(31)
    expect(sheetName('')).toBe('Sheet')
  })
})

describe('segment tables', () => {
  const labels: SegmentLabel[] = [
    { ...defaultSegmentLabel(0), name: '=Champions', action: 'Thank them' },
    { ...defaultSegmentLabel(1), name: 'Need attention' },
    defaultSegmentLabel(2),
  ]

  it('lists each customer with the segment name and number, and a code per id on request', () => {
    const code = (id: string) => `C-${id.length}`
    const t = membershipTable({
      idColumn: 'CustomerID',
      ids: ['12346', '-7', null],
      rows: [0, 4, 9],
      labels: [0, 2, 1],
      segments: labels,
      code,
    })
    expect(t.header).toEqual(['CustomerID', 'Segment', 'Segment number', 'Pseudonymised id'])
    expect(t.rows).toEqual([
      ['12346', '=Champions', 1, 'C-5'],
      ['-7', 'Segment 3', 3, 'C-2'],
      ['', 'Need attention', 2, 'C-6'],
    ])
    // Made safe on the way out: the name that starts with = and the id that starts with -.
    expect(parseCsv(toCsv(t))[1]).toEqual(['12346', "'=Champions", '1', 'C-5'])
    expect(parseCsv(toCsv(t))[2][0]).toBe("'-7")
  })

  it('numbers the rows when there is no id to show', () => {
    const t = membershipTable({ idColumn: null, ids: [], rows: [0, 1], labels: [1, 0], segments: labels })
    expect(t.header).toEqual(['Row', 'Segment', 'Segment number'])
    expect(t.rows).toEqual([
      ['1', 'Need attention', 2],
      ['2', '=Champions', 1],
    ])
  })

  it('profiles each segment and all customers in numbers', () => {
    const profile = fixtureProfile()
    const t = profilesTable(profile, labels)
    expect(t.header.slice(0, 7)).toEqual([
      'Segment number',
      'Segment',
      'Customers',
      'Share of customers (%)',
      `Share of ${profile.monetaryFeature} (%)`,
      'Description',
      'Suggested action',
    ])
    expect(t.rows).toHaveLength(profile.segments.length + 1)
    expect(t.rows[0].slice(0, 7)).toEqual([1, '=Champions', 300, 30, 10, null, 'Thank them'])
    expect(t.rows.at(-1)!.slice(0, 4)).toEqual([null, 'All customers', profile.n, 100])
    const means = t.header.findIndex((h) => h === 'recency_days (average)')
    expect(t.rows.map((r) => r[means])).toEqual([20, 90, 190, 100])
    for (const row of t.rows)
      for (const cell of row) expect(typeof cell === 'number' ? Number.isFinite(cell) : true).toBe(true)
  })
})
