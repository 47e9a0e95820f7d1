import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Papa from 'papaparse'
import { createSplitter } from '../../../src/main/formats/splitters'
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
