import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Papa from 'papaparse'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readRows, sniff } from '../../../src/main/formats'
import {
  createSplitter,
  endsInsideQuote,
  RowTooLongError,
  UnterminatedQuoteError,
} from '../../../src/main/formats/splitters'
import type { Dialect } from '../../../src/main/formats/types'

const csv: Dialect = { delimiter: ',', quote: '"', newline: '\n' }

/** Splits text pushed in the given pieces; returns rows and their start lines. */
function splitInPieces(text: string, cuts: number[], dialect: Dialect = csv) {
  const splitter = createSplitter(dialect)
  const rows: string[][] = []
  const lines: number[] = []
  let at = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const chunk = splitter.push(text.substring(at, cut))
    rows.push(...chunk.rows)
    lines.push(...chunk.lines)
    at = cut
  }
  const rest = splitter.push(text.substring(at))
  const end = splitter.end()
  rows.push(...rest.rows, ...end.rows)
  lines.push(...rest.lines, ...end.lines)
  return { rows, lines }
}

describe('quoted splitter', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside fields, with line numbers', () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"crlf\r\ninside"\r\n5,end'
    const { rows, lines } = splitInPieces(text, [])
    expect(rows).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'crlf\r\ninside'],
      ['5', 'end'],
    ])
    expect(lines).toEqual([1, 2, 3, 4, 6, 8])
  })

  it('strips the CR of CRLF line ends and keeps blank lines as blank rows', () => {
    const { rows, lines } = splitInPieces('a,b\r\n\r\n1,2\r\n', [])
    expect(rows).toEqual([['a', 'b'], [''], ['1', '2']])
    expect(lines).toEqual([1, 2, 3])
  })

  it('gives the same rows and lines however the text is cut into chunks', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    )
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.join(','))
    const text = fc.array(row, { minLength: 1, maxLength: 12 }).chain((rs) =>
      fc.record({
        text: fc.constant(rs.join('\n') + '\n'),
        cuts: fc.array(fc.nat({ max: rs.join('\n').length + 1 }), { maxLength: 6 }),
      }),
    )
    fc.assert(
      fc.property(text, ({ text, cuts }) => {
        const whole = splitInPieces(text, [])
        const pieces = splitInPieces(text, cuts)
        expect(pieces).toEqual(whole)
        // papaparse on the whole string is the reference for the rows
        const reference = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', quoteChar: '"' }).data
        expect(whole.rows).toEqual(
          reference.filter((r, i) => !(i === reference.length - 1 && r.length === 1 && r[0] === '')),
        )
        // each row starts one line after the previous row's line breaks
        for (let i = 1; i < whole.rows.length; i++) {
          const breaks = whole.rows[i - 1].join('').split('\n').length - 1
          expect(whole.lines[i]).toBe(whole.lines[i - 1] + 1 + breaks)
        }
      }),
    )
  })

  it('reads the last row when the file does not end with a line break', () => {
    expect(splitInPieces('a,b\n1,"x\ny"', [3, 7])).toEqual({
      rows: [
        ['a', 'b'],
        ['1', 'x\ny'],
      ],
      lines: [1, 2],
    })
  })
})

describe('whitespace splitter', () => {
  const ws: Dialect = { delimiter: 'whitespace', quote: null, newline: '\r\n' }

  it('splits on runs of spaces and tabs and ignores leading blanks (CDNOW)', () => {
    const text =
      ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002\t19970112  1   12.00'
    for (const cuts of [[], [5], [20, 49, 60]]) {
      expect(splitInPieces(text, cuts, ws)).toEqual({
        rows: [
          ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
          ['00001', '19970101', '1', '11.77'],
          [''],
          ['00002', '19970112', '1', '12.00'],
        ],
        lines: [1, 2, 3, 4],
      })
    }
  })
})

describe('a row that never ends', () => {
  // The real cap is 32 million characters; a cap of 100 shows the same decisions on small text.
  const pushAll = (text: string, dialect: Dialect = csv) => {
    const splitter = createSplitter(dialect, 100)
    for (let at = 0; at < text.length; at += 30) splitter.push(text.substring(at, at + 30))
    return splitter.end()
  }
  const longLine = 'x,'.repeat(100)

  it('is too long, not an unclosed quote, when no quote is open', () => {
    expect(() => pushAll(`a,b\n1,2\n${longLine}`)).toThrow(RowTooLongError)
    expect(() => pushAll(`a,b\n1,2\n${longLine}`)).toThrow(
      /row starting on line 3 runs on for more than 100 characters/,
    )
    // Quotes that open and close on the line do not make it an unclosed quote either.
    expect(() => pushAll(`a,b\n"1","say ""hi""",${longLine}`)).toThrow(RowTooLongError)
    // A quote inside an unquoted value is a literal character.
    expect(() => pushAll(`a,b\n1,5" screen,${longLine}`)).toThrow(RowTooLongError)
    expect(() =>
      pushAll(`a b\n1 2\n${'x '.repeat(100)}`, { delimiter: 'whitespace', quote: null, newline: '\n' }),
    ).toThrow(/row starting on line 3 runs on/)
  })

  it('is an unclosed quote when a quoted value is still open', () => {
    expect(() => pushAll(`a,b\n1,2\n3,"${'x\n'.repeat(60)}`)).toThrow(UnterminatedQuoteError)
    expect(() => pushAll(`a,b\n1,2\n3,"${'x\n'.repeat(60)}`)).toThrow(/quote opened on line 3 is never closed/)
  })

  it('endsInsideQuote follows field starts and doubled quotes', () => {
    expect(endsInsideQuote('1,"a', ',', '"')).toBe(true)
    expect(endsInsideQuote('1,"a""b', ',', '"')).toBe(true)
    expect(endsInsideQuote('1,"a""b"', ',', '"')).toBe(false)
    expect(endsInsideQuote('1,a"b', ',', '"')).toBe(false)
    expect(endsInsideQuote('1;"a', ';', '"')).toBe(true)
    expect(endsInsideQuote('1,"a', ',', null)).toBe(false)
  })
})

describe('readRows on a file without line breaks', () => {
  it('says the row is too long instead of blaming a quote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'segmentlab-long-'))
    try {
      const path = join(dir, 'one-line.csv')
      await writeFile(path, 'id,value\n' + '1,2;'.repeat(9_000_000))
      const s = await sniff(path)
      await expect(readRows(s, {}, () => undefined)).rejects.toMatchObject({
        kind: 'rowTooLong',
        userMessage: expect.stringMatching(
          /"one-line.csv" cannot be split into rows: The row starting on line 2 runs on for more than 33 million characters/,
        ),
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
