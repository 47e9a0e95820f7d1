import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { createTypeAccumulator, FileProblem, readRows, sniff, type Sniff } from '../../../src/main/formats'
import { excelNumberText, excelSerialToMs, isDateNumFmt } from '../../../src/main/formats/xlsxCells'
import { sheetNameOfPart } from '../../../src/main/formats/xlsx'

/**
 * Workbooks written with exceljs, read back through the streaming reader. Serial-date expectations are independent
 * of both libraries: in the 1900 system serial 40000 is 2009-07-06 (Excel's DATE(2009,7,6) = 40000); the 1904
 * system counts from 1904-01-01, 1,462 days later, so the same serial is 2013-07-07.
 */
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlab-xlsx-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writeOrders(name: string, date1904: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook()
  wb.properties.date1904 = date1904
  wb.addWorksheet('Notes').addRow(['Exported from the shop system'])
  const ws = wb.addWorksheet('Orders')
  // A title merged across the table, a blank row, then the table starting in column B.
  ws.mergeCells('B1:H1')
  ws.getCell('B1').value = 'Orders, first quarter'
  const header = ['Customer', 'Ordered', 'Serial date', 'Amount', 'Paid', 'Note', 'Time']
  ws.getRow(3).values = [undefined, ...header]
  const rows: ExcelJS.CellValue[][] = [
    [
      'C-001',
      new Date(Date.UTC(2011, 2, 10, 16, 16)),
      40000,
      0.1 + 0.2,
      true,
      { richText: [{ text: 'rich ' }, { text: 'text' }] },
      0.5,
    ],
    [
      'C-002',
      new Date(Date.UTC(2011, 2, 11)),
      { formula: 'D4+1', result: 40001 },
      1234.5,
      false,
      { text: 'site', hyperlink: 'https://example.com' },
      0.75,
    ],
    ['C-003', new Date(Date.UTC(2011, 2, 12)), 0, { formula: 'E4*2', result: 2469 }, true, { error: '#N/A' }, 0.25],
  ]
  rows.forEach((values, i) => {
    const row = ws.getRow(4 + i)
    row.values = [undefined, ...values]
    row.getCell(4).numFmt = 'yyyy-mm-dd' // serial numbers formatted as dates
    row.getCell(5).numFmt = '"£"#,##0.00' // money: stays a number
    row.getCell(8).numFmt = 'hh:mm' // time of day
  })
  ws.getCell('J5').value = 'stray note' // beyond the table's last column, on sheet row 5
  const path = join(dir, name)
  await wb.xlsx.writeFile(path)
  return path
}

async function readAll(s: Sniff) {
  const rows: string[][] = []
  const summary = await readRows(s, {}, (b) => {
    rows.push(...b)
  })
  return { rows, summary }
}

describe('xlsx, 1900 date system', () => {
  it('lists sheets, finds the table under its title and reads cells as Excel shows them', async () => {
    const path = await writeOrders('orders-1900.xlsx', false)
    const s = await sniff(path, { sheet: 'Orders' })
    expect(s.format).toBe('xlsx')
    expect(s.sheets).toEqual(['Notes', 'Orders'])
    expect(s.sheet).toBe('Orders')
    expect(s.date1904).toBe(false)
    expect([s.skipRows, s.firstColumn, s.hasHeader]).toEqual([1, 2, true])
    // the stray note in column J widens the table; its unnamed columns get made-up names
    expect(s.header).toEqual([
      'Customer',
      'Ordered',
      'Serial date',
      'Amount',
      'Paid',
      'Note',
      'Time',
      'Column 8',
      'Column 9',
    ])
    expect(s.dialectReason).toMatch(/sheet "Orders", table starting in column B.*1 row above the table/)

    const { rows, summary } = await readAll(s)
    expect(rows.map((r) => r.slice(0, 7))).toEqual([
      ['C-001', '2011-03-10 16:16:00', '2009-07-06', '0.3', 'TRUE', 'rich text', '12:00:00'],
      ['C-002', '2011-03-11', '2009-07-07', '1234.5', 'FALSE', 'site', '18:00:00'],
      ['C-003', '2011-03-12', '1899-12-30', '2469', 'TRUE', '#N/A', '06:00:00'],
    ])
    expect(summary.rowCount).toBe(3)
  })

  it('reports cells right of the table as ragged, with the sheet row number', async () => {
    const path = await writeOrders('orders-ragged.xlsx', false)
    const s = await sniff(path, { sheet: 'Orders' })
    // the stray note is within the first rows, so it widens the table; a width-7 read shows it as ragged
    const narrowed: Sniff = { ...s, header: s.header.slice(0, 7) }
    const { summary, rows } = await readAll(narrowed)
    expect(summary.raggedRows).toEqual([{ row: 5, expected: 7, got: 9 }])
    expect(rows.every((r) => r.length === 7)).toBe(true)
  })

  it('types the date cells as dates and money cells as numbers', async () => {
    const path = await writeOrders('orders-types.xlsx', false)
    const s = await sniff(path, { sheet: 'Orders' })
    const acc = createTypeAccumulator(s.header)
    await readRows(s, {}, (b) => acc.addRows(b))
    const t = acc.finish()
    // three rows are too few to call the customer codes keys; the other types follow from the cells
    expect(t.columns.slice(1, 5).map((c) => [c.name, c.type])).toEqual([
      ['Ordered', 'date'],
      ['Serial date', 'date'],
      ['Amount', 'number'],
      ['Paid', 'boolean'],
    ])
  })

  it('opens the first sheet by default and names a missing sheet', async () => {
    const path = await writeOrders('orders-default.xlsx', false)
    const s = await sniff(path)
    expect(s.sheet).toBe('Notes')
    expect(s.hasHeader).toBe(true)
    expect(s.header).toEqual(['Exported from the shop system'])
    await expect(sniff(path, { sheet: 'Invoices' })).rejects.toMatchObject({
      kind: 'noSuchSheet',
      userMessage: expect.stringMatching(/no sheet named "Invoices". Its sheets are: Notes, Orders/),
    })
  })
})

describe('xlsx, table below an unmerged title in column A', () => {
  it('skips the title row even though the table starts in column B', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Report')
    ws.getCell('A1').value = 'Customer report, March'
    ws.getCell('A2').value = 'Confidential'
    ws.getRow(4).values = [undefined, 'id', 'spend', 'segment']
    for (let i = 0; i < 5; i++) ws.getRow(5 + i).values = [undefined, `C${i}`, i * 10.5, i % 2 ? 'gold' : 'silver']
    const path = join(dir, 'titled.xlsx')
    await wb.xlsx.writeFile(path)
    const s = await sniff(path)
    expect([s.skipRows, s.firstColumn, s.header]).toEqual([2, 2, ['id', 'spend', 'segment']])
    const { rows, summary } = await readAll(s)
    expect(rows).toEqual([
      ['C0', '0', 'silver'],
      ['C1', '10.5', 'gold'],
      ['C2', '21', 'silver'],
      ['C3', '31.5', 'gold'],
      ['C4', '42', 'silver'],
    ])
    expect(summary.blankRowCount).toBe(0)
  })
})

describe('xlsx, 1904 date system', () => {
  it('counts serials from 1904-01-01', async () => {
    const path = await writeOrders('orders-1904.xlsx', true)
    const s = await sniff(path, { sheet: 'Orders' })
    expect(s.date1904).toBe(true)
    const { rows } = await readAll(s)
    expect(rows.map((r) => r[2])).toEqual(['2013-07-07', '2013-07-08', '1904-01-01'])
    // Date cells were written as 1904 serials by exceljs and must come back as the same instants.
    expect(rows.map((r) => r[1])).toEqual(['2011-03-10 16:16:00', '2011-03-11', '2011-03-12'])
  })
})

describe('workbook problems', () => {
  it('says when the chosen sheet is empty', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Blank')
    const path = join(dir, 'blank.xlsx')
    await wb.xlsx.writeFile(path)
    const error = await sniff(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FileProblem)
    expect(error).toMatchObject({ kind: 'emptySheet', userMessage: 'Sheet "Blank" of "blank.xlsx" is empty.' })
  })
})

describe('cell conversion', () => {
  it('converts serials in both date systems', () => {
    expect(excelSerialToMs(40000, false)).toBe(Date.UTC(2009, 6, 6))
    expect(excelSerialToMs(40000, true)).toBe(Date.UTC(2013, 6, 7))
    expect(excelSerialToMs(61, false)).toBe(Date.UTC(1900, 2, 1)) // after Excel's phantom 1900-02-29
    expect(excelSerialToMs(40000.6875, false)).toBe(Date.UTC(2009, 6, 6, 16, 30))
  })

  it('recognises date formats, not money or text formats', () => {
    for (const f of ['yyyy-mm-dd', 'dd/mm/yyyy', 'm/d/yy h:mm', '[$-409]mmm d, yyyy', 'hh:mm:ss', '[h]:mm'])
      expect(isDateNumFmt(f)).toBe(true)
    for (const f of ['General', '0.00', '#,##0', '"£"#,##0.00', '0%', '[Red]0.00', '@', '0.00E+00', '"days"0'])
      expect(isDateNumFmt(f)).toBe(false)
  })

  it('shows numbers to Excel precision', () => {
    expect(excelNumberText(0.1 + 0.2)).toBe('0.3')
    expect(excelNumberText(1234567)).toBe('1234567')
    expect(excelNumberText(1 / 3)).toBe('0.333333333333333')
  })
})

describe('xlsx whose zip stores the workbook part after the sheets', () => {
  // exceljs's streaming reader parses a sheet as soon as its shared strings are known and fails when xl/workbook.xml
  // comes later in the zip; such files exist (exceljs itself wrote one under load in CI). They must still import.
  it('falls back to reading the workbook whole, with the same rows', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Customers')
    ws.addRow(['id', 'name', 'spend'])
    for (let i = 0; i < 4; i++) ws.addRow([`C${i}`, `Name ${i}`, i * 2.5])
    const original = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()))
    const names = Object.keys(original.files).filter((n) => !original.files[n].dir)
    const late = 'xl/workbook.xml'
    const reordered = new JSZip()
    for (const name of [...names.filter((n) => n !== late), late]) {
      reordered.file(name, await original.files[name].async('uint8array'))
    }
    const path = join(dir, 'workbook-last.xlsx')
    await writeFile(path, await reordered.generateAsync({ type: 'nodebuffer' }))

    const s = await sniff(path)
    expect([s.sheet, s.header]).toEqual(['Customers', ['id', 'name', 'spend']])
    const { rows } = await readAll(s)
    expect(rows).toEqual([0, 1, 2, 3].map((i) => [`C${i}`, `Name ${i}`, String(i * 2.5)]))
  })
})

describe('workbooks written from Python', () => {
  // test/fixtures/formats/make_xlsx.py wrote these with openpyxl and pandas. openpyxl stores xl/workbook.xml after the
  // sheets and points at them with absolute targets ("/xl/worksheets/sheet1.xml"); such workbooks used to fail with
  // 'has no sheet named "undefined"'.
  const fixture = (name: string) => join(__dirname, '../../fixtures/formats', name)
  const header = ['customer', 'name', 'spend', 'orders', 'since', 'active']
  const rows = [
    ['C-001', 'Ana', '12.5', '3', '2011-03-10 16:16:00', 'TRUE'],
    ['C-002', 'José', '0.3', '0', '2011-03-11', 'FALSE'],
    ['C-003', '', '1234.5', '7', '2011-03-12', 'TRUE'],
  ]

  it.each([
    ['openpyxl.xlsx', 'Sheet'],
    ['openpyxl-shared-strings.xlsx', 'Sheet'],
    ['pandas.xlsx', 'Sheet1'],
  ])('%s opens on its first sheet with every row', async (file, sheet) => {
    const s = await sniff(fixture(file))
    expect([s.sheets, s.sheet, s.header]).toEqual([[sheet], sheet, header])
    const { rows: read, summary } = await readAll(s)
    expect(read).toEqual(rows)
    expect(summary.problems).toEqual([])
  })

  it('tells sheets apart by the workbook, not by the number of their part', async () => {
    // Part sheet1.xml is the sheet named "Sheet2", and sheet2.xml is "Sheet1".
    const path = fixture('openpyxl-sheets.xlsx')
    const first = await sniff(path)
    expect([first.sheets, first.sheet, first.header]).toEqual([['Sheet2', 'Sheet1'], 'Sheet2', header])
    expect((await readAll(first)).rows).toEqual(rows)
    const second = await sniff(path, { sheet: 'Sheet1' })
    expect([second.header, second.previewRows]).toEqual([['note'], [['not the table']]])
    expect((await readAll(second)).rows).toEqual([['not the table']])
  })
})

describe('sheetNameOfPart', () => {
  const sheets = [
    { name: 'Orders', rId: 'rId1' },
    { name: 'Notes', rId: 'rId2' },
  ]
  it('follows relative and absolute targets to the sheet that points at the part', () => {
    const rels = [
      { Id: 'rId1', Target: '/xl/worksheets/sheet2.xml' },
      { Id: 'rId2', Target: 'worksheets/sheet1.xml' },
      { Id: 'rId3', Target: 'styles.xml' },
    ]
    expect(sheetNameOfPart('xl/worksheets/sheet2.xml', rels, sheets)).toBe('Orders')
    expect(sheetNameOfPart('xl/worksheets/sheet1.xml', rels, sheets)).toBe('Notes')
    expect(
      sheetNameOfPart(
        'xl/worksheets/sheet1.xml',
        [{ Id: 'rId2', Target: './worksheets/../worksheets/sheet1.xml' }],
        sheets,
      ),
    ).toBe('Notes')
    expect(sheetNameOfPart('xl/worksheets/sheet3.xml', rels, sheets)).toBeUndefined()
  })
})
