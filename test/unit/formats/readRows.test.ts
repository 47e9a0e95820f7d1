import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmod, copyFile, mkdir, mkdtemp, rm, truncate, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createTypeAccumulator,
  FileProblem,
  readRows,
  sniff,
  toFrameColumn,
  type ReadOptions,
  type Sniff,
} from '../../../src/main/formats'
import { fileChange } from '../../../src/main/formats/readRows'

const fixtures = join(import.meta.dirname, '../../fixtures/formats')
const fixture = (name: string) => join(fixtures, name)

async function readAll(s: Sniff, options: ReadOptions = {}) {
  const rows: string[][] = []
  const summary = await readRows(s, options, (batch) => {
    rows.push(...batch)
  })
  return { rows, summary }
}

async function typed(path: string) {
  const s = await sniff(path)
  const acc = createTypeAccumulator(s.header, { decimalHint: s.decimalHint, generatedNames: !s.hasHeader })
  const { rows, summary } = await readAll(s)
  acc.addRows(rows)
  return { s, rows, summary, table: acc.finish() }
}

describe('awkward dialects and encodings', () => {
  it('reads a Windows-1252 semicolon file with decimal commas and day.month.year dates', async () => {
    const { s, rows, table } = await typed(fixture('semicolon-decimal-comma-cp1252.csv'))
    expect(s.encoding?.name).toBe('windows-1252')
    expect(s.dialect).toEqual({ delimiter: ';', quote: '"', newline: '\r\n' })
    expect(s.header).toEqual(['Kunde', 'Stadt', 'Umsatz', 'Rabatt', 'Kaufdatum', 'Aktiv'])
    expect(rows.map((r) => r[1])).toEqual(['München', 'Zürich', 'Ålesund', 'Málaga', 'Besançon', 'Köln'])
    expect(rows[4][0]).toBe('Œuvre SARL') // 0x8C: a Windows-1252 character Latin-1 lacks

    const umsatz = table.columns[2]
    expect(umsatz.numberFormat).toEqual({ decimal: ',', thousands: '.', currency: null, percent: false })
    const values = toFrameColumn(
      'Umsatz',
      rows.map((r) => r[2]),
      umsatz,
    )
    expect(Array.from(values.values as Float64Array)).toEqual([1234.56, 987, 12345.1, 45.9, 2000, 310.4])

    const rabatt = table.columns[3]
    expect(rabatt.missing.markers.map((m) => m.marker).sort()).toEqual(['(empty)', 'NA'])
    expect(table.columns[4].dateFormat).toBe('dmy')
    const dates = toFrameColumn(
      'Kaufdatum',
      rows.map((r) => r[4]),
      table.columns[4],
    )
    expect((dates.values as Float64Array)[0]).toBe(Date.UTC(2011, 2, 25))
  })

  it('reads Excel "Unicode text": UTF-16LE with BOM, tab-separated, and flags its personal data', async () => {
    const { s, rows, table } = await typed(fixture('utf16le-tab.txt'))
    expect(s.encoding).toMatchObject({ name: 'utf-16le', bom: true })
    expect(s.dialect?.delimiter).toBe('\t')
    expect(rows).toHaveLength(5)
    expect(rows[0]).toEqual(['Ana López', 'ana.lopez@example.com', '+34 912 345 678', 'Madrid', '1520.50'])
    expect(table.columns.map((c) => c.pii?.kind ?? null)).toEqual(['name', 'email', 'phone', null, null])
    expect(table.columns.map((c) => c.role)).toEqual(['ignore', 'ignore', 'ignore', 'ignore', 'amount'])
  })

  it('reads UTF-16BE with BOM', async () => {
    const { s, rows } = await typed(fixture('utf16be-comma.csv'))
    expect(s.encoding?.name).toBe('utf-16be')
    expect(s.header).toEqual(['id', 'score'])
    expect(rows).toEqual([
      ['1', '2.5'],
      ['2', '3.5'],
      ['3', '4.0'],
    ])
  })

  it('reads pipes, dollar amounts with thousands commas and month/day/year dates', async () => {
    const { s, table, rows } = await typed(fixture('pipe.txt'))
    expect(s.dialect?.delimiter).toBe('|')
    const amount = table.columns[2]
    expect(amount.numberFormat).toEqual({ decimal: '.', thousands: ',', currency: '$', percent: false })
    expect(amount.role).toBe('amount')
    expect(
      Array.from(
        toFrameColumn(
          'amount',
          rows.map((r) => r[2]),
          amount,
        ).values as Float64Array,
      ),
    ).toEqual([1234.56, 99, 12000, 5.25, 310.4])
    expect(table.columns[3].dateFormat).toBe('mdy')
    expect(table.columns[1].role).toBe('customerId')
  })

  it('keeps quoted delimiters, doubled quotes and line breaks, and numbers rows by their first line', async () => {
    const s = await sniff(fixture('quoted-newlines.csv'))
    const { rows, summary } = await readAll(s)
    expect(rows.map((r) => r[1])).toEqual([
      'plain',
      'has, a comma',
      'says "hello"',
      'two\nlines',
      'three\r\nlines\nhere',
      'short',
      'last',
    ])
    expect(summary.raggedRows).toEqual([{ row: 10, expected: 3, got: 2 }])
    expect(rows[5]).toEqual(['6', 'short', ''])
  })

  it('reports ragged rows with line numbers, pads or skips them, and counts blank lines', async () => {
    const s = await sniff(fixture('ragged.csv'))
    const padded = await readAll(s)
    expect(padded.summary.raggedRows).toEqual([
      { row: 3, expected: 3, got: 2 },
      { row: 4, expected: 3, got: 4 },
      { row: 9, expected: 3, got: 1 },
    ])
    expect(padded.summary.raggedRowCount).toBe(3)
    expect(padded.summary.blankRowCount).toBe(2)
    expect(padded.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', ''],
      ['6', '7', '8'],
      ['10', '11', '12'],
      ['13', '14', '15'],
      ['16', '', ''],
    ])
    const skipped = await readAll(s, { raggedRows: 'skip' })
    expect(skipped.rows).toEqual([
      ['1', '2', '3'],
      ['10', '11', '12'],
      ['13', '14', '15'],
    ])
    expect(skipped.summary.raggedRowCount).toBe(3)
  })

  it('drops the UTF-8 BOM and names blank and repeated header cells', async () => {
    const { s, rows } = await typed(fixture('utf8-bom.csv'))
    expect(s.encoding).toMatchObject({ name: 'utf-8', bom: true })
    expect(s.header).toEqual(['name', 'name (2)', 'Column 3', 'value'])
    expect(rows[0]).toEqual(['Zoë', 'Ærøskøbing', 'x', '1'])
  })

  it('types day-first, ambiguous, ISO-with-offset and month-name dates', async () => {
    const { table, rows } = await typed(fixture('dates.csv'))
    expect(table.columns.map((c) => c.dateFormat)).toEqual(['dmy', 'dmy', 'iso', 'd-mon-y'])
    const iso = toFrameColumn(
      'iso_time',
      rows.map((r) => r[2]),
      table.columns[2],
    )
    expect(Array.from(iso.values as Float64Array)).toEqual([
      Date.UTC(2011, 2, 10, 16, 16),
      Date.UTC(2011, 2, 11, 6),
      Date.UTC(2011, 2, 12, 23, 59, 59),
    ])
  })
})

describe('user overrides', () => {
  it('re-splits with a chosen delimiter and header setting', async () => {
    const s = await sniff(fixture('pipe.txt'), { delimiter: ',', hasHeader: false })
    expect(s.dialectReason).toBe('Chosen by you.')
    expect(s.hasHeader).toBe(false)
    // most lines have no comma at all, so the table is one column wide; lines with a comma are ragged
    expect(s.header).toEqual(['Column 1'])
    expect(s.previewRows[0]).toEqual(['order_id|customer_no|amount|ordered_on|channel'])
    const { summary } = await readAll(s)
    expect(summary.raggedRows.map((r) => r.row)).toEqual([2, 4])
  })

  it('refuses settings that cannot work, naming them', async () => {
    await expect(sniff(fixture('pipe.txt'), { encoding: 'klingon-8' })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/"klingon-8" is not a text encoding/),
    })
    await expect(sniff(fixture('pipe.txt'), { delimiter: '||' })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/"\|\|" cannot separate fields/),
    })
  })

  it('reports undecodable characters with their line when the encoding is wrong', async () => {
    const s = await sniff(fixture('semicolon-decimal-comma-cp1252.csv'), { encoding: 'utf-8' })
    const { summary, rows } = await readAll(s)
    expect(rows[0][1]).toContain('\uFFFD')
    expect(summary.problems).toHaveLength(1)
    expect(summary.problems[0].row).toBe(2)
    expect(summary.problems[0].message).toMatch(/could not be read as UTF-8.*Windows-1252/)
  })
})

describe('files that cannot be read', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'segmentlab-formats-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const problem = async (path: string) => {
    try {
      await sniff(path)
    } catch (error) {
      expect(error).toBeInstanceOf(FileProblem)
      const p = error as FileProblem
      expect(p.userMessage).not.toContain('\n')
      return { kind: p.kind, message: p.userMessage }
    }
    throw new Error(`sniff(${path}) did not fail`)
  }

  it.each([
    ['empty.csv', 'empty', /"empty.csv" is empty/],
    ['blank.csv', 'empty', /"blank.csv" is empty/],
    ['binary.csv', 'binary', /"binary.csv" is not a text or spreadsheet file: it contains a zero byte/],
    ['not-really.xlsx', 'corruptWorkbook', /"not-really.xlsx" is named like an Excel workbook but is not one/],
    ['truncated.xlsx', 'corruptWorkbook', /"truncated.xlsx" could not be opened as an Excel workbook/],
    ['no-such-file.csv', 'notFound', /"no-such-file.csv" was not found/],
  ])('%s → %s', async (name, kind, message) => {
    const p = await problem(fixture(name))
    expect(p.kind).toBe(kind)
    expect(p.message).toMatch(message)
  })

  it('names folders, old .xls, PDF and gzip files for what they are', async () => {
    await mkdir(join(dir, 'exports'))
    expect((await problem(join(dir, 'exports'))).kind).toBe('isFolder')
    await writeFile(join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    expect(await problem(join(dir, 'old.xls'))).toMatchObject({
      kind: 'unsupportedFormat',
      message: expect.stringMatching(/old-style Excel \(\.xls\).*save it as \.xlsx or CSV/),
    })
    await writeFile(join(dir, 'report.csv'), '%PDF-1.7\n%âãÏÓ\n')
    expect(await problem(join(dir, 'report.csv'))).toMatchObject({
      kind: 'unsupportedFormat',
      message: expect.stringMatching(/PDF/),
    })
    await writeFile(join(dir, 'data.csv.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]))
    expect((await problem(join(dir, 'data.csv.gz'))).kind).toBe('unsupportedFormat')
  })

  /**
   * Runs `read` as a user who may not read what mode 000 locks. Root (as in CI) reads any file, so it gives up its
   * effective uid for the call and takes it back after: the saved uid stays 0. Needs the forks pool (a worker thread
   * cannot change its uid) and fails loudly rather than skipping when it cannot.
   */
  async function withoutRoot<T>(read: () => Promise<T>): Promise<T> {
    if (process.getuid?.() !== 0) return read()
    const nobody = 65534
    process.seteuid!(nobody)
    try {
      return await read()
    } finally {
      process.seteuid!(0)
    }
  }

  it('says when permission is missing, run as root too', async () => {
    // Its own folder, open to all, so the file itself and not the folder is what cannot be read.
    const folder = join(dir, 'locked')
    await mkdir(folder)
    await chmod(folder, 0o755)
    const path = join(folder, 'locked.csv')
    await writeFile(path, 'a,b\n1,2\n')
    await chmod(path, 0o000)
    expect(await withoutRoot(() => problem(path))).toEqual({
      kind: 'noPermission',
      message: '"locked.csv" cannot be opened: you do not have permission to read it.',
    })
  })

  it('reports an unclosed quote instead of silently merging rows', async () => {
    const path = join(dir, 'stray-quote.csv')
    await writeFile(path, 'a,b\n1,2\n3,"oops\n4,5\n')
    const s = await sniff(path)
    const { rows, summary } = await readAll(s)
    expect(rows[0]).toEqual(['1', '2'])
    expect(summary.problems).toEqual([{ row: 3, message: expect.stringMatching(/never closed/) }])
  })
})

describe('streaming: batches, progress, backpressure, cancellation', () => {
  let dir: string
  let path: string
  const rowCount = 60_000
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'segmentlab-stream-'))
    path = join(dir, 'big.csv')
    const lines = ['id,name,amount,when']
    for (let i = 0; i < rowCount; i++)
      lines.push(
        `${i},"name ${i}, the ${i % 7}th",${(i * 1.25).toFixed(2)},2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      )
    await writeFile(path, lines.join('\n') + '\n') // about 2.6 MB: several 1 MB read chunks
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('delivers every row in batches of the requested size, in order', async () => {
    const s = await sniff(path)
    const sizes: number[] = []
    let next = 0
    let outOfOrder = 0
    const summary = await readRows(s, { batchSize: 7_000 }, (batch) => {
      sizes.push(batch.length)
      for (const row of batch) if (row[0] !== String(next++)) outOfOrder++
    })
    expect(summary.rowCount).toBe(rowCount)
    expect([next, outOfOrder]).toEqual([rowCount, 0])
    expect(sizes.slice(0, -1).every((n) => n === 7_000)).toBe(true)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rowCount)
  })

  it('reports progress in bytes up to the file size', async () => {
    const s = await sniff(path)
    const seen: { bytesRead: number; totalBytes: number; rowsRead: number }[] = []
    const summary = await readRows(s, { onProgress: (p) => seen.push(p) }, () => {})
    expect(seen.length).toBeGreaterThan(3)
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].bytesRead).toBeGreaterThanOrEqual(seen[i - 1].bytesRead)
      expect(seen[i].rowsRead).toBeGreaterThanOrEqual(seen[i - 1].rowsRead)
    }
    expect(seen.at(-1)).toEqual({ bytesRead: s.byteLength, totalBytes: s.byteLength, rowsRead: rowCount })
    expect(summary.bytesRead).toBe(s.byteLength)
  })

  it('waits for an async batch handler before reading on', async () => {
    const s = await sniff(path)
    let busy = false
    let calls = 0
    await readRows(s, { batchSize: 10_000 }, async () => {
      expect(busy).toBe(false)
      busy = true
      calls++
      await new Promise((resolve) => setTimeout(resolve, 5))
      busy = false
    })
    expect(calls).toBe(6)
  })

  it('stops with an AbortError when cancelled, mid-file or before starting', async () => {
    const s = await sniff(path)
    const controller = new AbortController()
    let delivered = 0
    const reading = readRows(s, { signal: controller.signal, batchSize: 5_000 }, (batch) => {
      delivered += batch.length
      if (delivered >= 10_000) controller.abort()
    })
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' })
    expect(delivered).toBeLessThan(rowCount)
    await expect(readRows(s, { signal: AbortSignal.abort() }, () => {})).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('a file that changes while it is read', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'segmentlab-changing-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('is refused when it is cut short during reading, not read as the rows before the cut', async () => {
    const path = join(dir, 'growing.csv')
    const lines = ['id,spend']
    for (let i = 0; i < 300_000; i++) lines.push(`${i},${(i % 997) / 10}`)
    await writeFile(path, lines.join('\n') + '\n')
    const s = await sniff(path)
    let cut = false
    const read = readRows(s, { batchSize: 1_000 }, async () => {
      if (cut) return
      cut = true
      await truncate(path, Math.floor(s.byteLength / 6))
    })
    await expect(read).rejects.toMatchObject({
      kind: 'changedWhileReading',
      userMessage: expect.stringMatching(
        /^"growing.csv" changed while it was being read \(3,\d{3},\d{3} bytes when reading started, \d{3},\d{3} bytes when it ended\), so what was read is not the whole file\./,
      ),
    })
  })

  it('is refused when a workbook is saved again during reading', async () => {
    const path = join(dir, 'saved.xlsx')
    await copyFile(fixture('openpyxl.xlsx'), path)
    const s = await sniff(path)
    const read = readRows(s, {}, async () => {
      await utimes(path, new Date(), new Date(Date.now() + 60_000))
    })
    await expect(read).rejects.toMatchObject({ kind: 'changedWhileReading', userMessage: /saved again/ })
  })

  it('is refused when it is not the file inspected', async () => {
    const path = join(dir, 'replaced.csv')
    await writeFile(path, 'a,b\n1,2\n')
    const s = await sniff(path)
    await writeFile(path, 'a,b\n1,2\n3,4\n')
    await expect(readAll(s)).rejects.toMatchObject({
      userMessage: expect.stringContaining('(8 bytes when inspected, 12 bytes when read)'),
    })
  })

  it('fileChange: an unchanged file read whole is no change', () => {
    const state = { size: 100, mtimeMs: 5 }
    expect(fileChange({ format: 'delimited', byteLength: 100 }, state, state, 100)).toBeNull()
    // A workbook is read through its zip directory, not necessarily to its last byte.
    expect(fileChange({ format: 'xlsx', byteLength: 100 }, state, state, 60)).toBeNull()
    expect(fileChange({ format: 'delimited', byteLength: 100 }, state, null, 100)).toBe('it was removed')
  })
})

describe('a file that mixes UTF-8 and Windows-1252', () => {
  it('reads each half in its own encoding and names the first line that is not UTF-8', async () => {
    const s = await sniff(fixture('mixed-utf8-cp1252.csv'))
    expect(s.encoding?.name).toBe('utf-8+windows-1252')
    expect(s.encoding?.reason).toMatch(/mixes two encodings/)
    expect(s.previewRows.map((r) => r[0])).toEqual(['José', 'Zoë', 'François', 'Müller'])
    const { rows, summary } = await readAll(s)
    expect(rows).toEqual([
      ['José', 'São Paulo', '12.5'],
      ['Zoë', 'Ærøskøbing', '3'],
      ['François', 'Besançon', '7'],
      ['Müller', 'München', '9.25'],
    ])
    expect(summary.problems).toEqual([
      {
        row: 4,
        message: expect.stringMatching(
          /^The file mixes encodings: .* the first on this line \("François"\), are Windows-1252/,
        ),
      },
    ])
  })

  it('can be read with that encoding when chosen', async () => {
    const s = await sniff(fixture('mixed-utf8-cp1252.csv'), { encoding: 'utf-8+windows-1252' })
    expect(s.encoding?.reason).toBe('Chosen by you.')
    expect((await readAll(s)).rows[2][0]).toBe('François')
  })
})
