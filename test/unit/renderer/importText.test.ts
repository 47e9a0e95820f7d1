import { describe, it, expect } from 'vitest'
import type { ImportReport } from '../../../src/shared/domain/import'
import { describeImportReport } from '../../../src/renderer/src/steps/import/describeImportReport'
import {
  delimiterName,
  matchChoice,
  withCurrent,
  encodingChoices,
  kindChoices,
  roleChoices,
  typeChoices,
} from '../../../src/renderer/src/steps/import/importChoices'
import { columnRoles, columnTypes, datasetKinds } from '../../../src/shared/domain/dataset'

const clean: ImportReport = {
  fileName: 'bank-additional.csv',
  format: 'delimited',
  encoding: 'utf-8',
  delimiter: ';',
  rowCount: 4119,
  raggedRows: [],
  raggedRowCount: 0,
  blankRowCount: 0,
  problems: [],
  elapsedMs: 412,
}

describe('describeImportReport', () => {
  it('says what was imported, from where and how', () => {
    const text = describeImportReport(clean)
    expect(text.headline).toBe('4,119 rows imported from bank-additional.csv (semicolon-separated, UTF-8) in 0.4 s.')
    expect(text.issues).toEqual([])
  })

  it('names the lines of short rows and says they were padded (the issue’s own example)', () => {
    const text = describeImportReport({
      ...clean,
      raggedRows: [
        { row: 12, expected: 21, got: 20 },
        { row: 40, expected: 21, got: 19 },
        { row: 41, expected: 21, got: 1 },
      ],
      raggedRowCount: 3,
      blankRowCount: 2,
    })
    expect(text.issues).toEqual([
      '3 rows had the wrong number of fields (lines 12, 40 and 41) and were padded with empty values to fit the header.',
      '2 blank lines were skipped.',
    ])
  })

  it('distinguishes cut rows, mixed rows and a single row, and counts rows beyond the listed ones', () => {
    const long = describeImportReport({ ...clean, raggedRows: [{ row: 7, expected: 3, got: 5 }], raggedRowCount: 1 })
    expect(long.issues[0]).toBe(
      '1 row had the wrong number of fields (line 7) and had its extra fields cut off to fit the header.',
    )
    const one = describeImportReport({
      ...clean,
      raggedRows: [{ row: 7, expected: 3, got: 2 }],
      raggedRowCount: 1,
      blankRowCount: 1,
    })
    expect(one.issues).toEqual([
      '1 row had the wrong number of fields (line 7) and was padded with empty values to fit the header.',
      '1 blank line was skipped.',
    ])
    const rows = Array.from({ length: 1000 }, (_, i) => ({ row: i + 2, expected: 3, got: i % 2 ? 2 : 4 }))
    const mixed = describeImportReport({ ...clean, raggedRows: rows, raggedRowCount: 1500 })
    expect(mixed.issues[0]).toBe(
      '1,500 rows had the wrong number of fields (lines 2, 3, 4, 5, 6 and 1,495 more) and were padded with empty values or had extra fields cut off to fit the header.',
    )
  })

  it('lists the first problems with their lines and counts the rest', () => {
    const problems = [1, 2, 3, 4, 5].map((row) => ({ row, message: `Unclosed quote.` }))
    const text = describeImportReport({ ...clean, problems })
    expect(text.issues).toEqual([
      'Problems found: line 1: Unclosed quote; line 2: Unclosed quote; line 3: Unclosed quote; and 2 more.',
    ])
  })

  it('describes workbooks without a delimiter or encoding', () => {
    const text = describeImportReport({
      ...clean,
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      fileName: 'c.xlsx',
      rowCount: 1,
      elapsedMs: 12_000,
    })
    expect(text.headline).toBe('1 row imported from c.xlsx (Excel workbook) in 12 s.')
  })
})

describe('import choices', () => {
  it('offer every kind, type and role of the contract, each once', () => {
    expect(kindChoices.map((c) => c.value).sort()).toEqual([...datasetKinds].sort())
    expect(typeChoices.map((c) => c.value).sort()).toEqual([...columnTypes].sort())
    expect(roleChoices.map((c) => c.value).sort()).toEqual([...columnRoles].sort())
    for (const c of kindChoices) expect(c.help).toBeTruthy()
  })

  it('keep a detected encoding the list lacks, and match case-insensitively', () => {
    expect(withCurrent(encodingChoices, 'UTF-8')).toBe(encodingChoices)
    expect(matchChoice(encodingChoices, 'UTF-8')).toBe('utf-8')
    const extended = withCurrent(encodingChoices, 'EUC-KR')
    expect(extended[0]).toEqual({ value: 'EUC-KR', label: 'EUC-KR' })
    expect(extended).toHaveLength(encodingChoices.length + 1)
    expect(withCurrent(encodingChoices, null)).toBe(encodingChoices)
  })

  it('name delimiters in words', () => {
    expect(delimiterName(';')).toBe('semicolon')
    expect(delimiterName('\t')).toBe('tab')
    expect(delimiterName(',')).toBe('comma')
    expect(delimiterName('whitespace')).toBe('spaces')
    expect(delimiterName('#')).toBe('#')
  })
})
