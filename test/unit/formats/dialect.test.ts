import { describe, expect, it } from 'vitest'
import { detectDialect } from '../../../src/main/formats/dialect'
import { detectHeader, headerNames } from '../../../src/main/formats/header'

const lines = (...ls: string[]) => ls.join('\n') + '\n'

describe('detectDialect', () => {
  it.each([
    [',', lines('a,b,c', '1,2,3', '4,5,6')],
    [';', lines('a;b;c', '1;2;3', '4;5;6')],
    ['\t', lines('a\tb\tc', '1 x\t2\t3', '4\t5\t6')],
    ['|', lines('a|b|c', '1|2,5|3', '4|5|6')],
  ])('finds %j', (delimiter, text) => {
    expect(detectDialect(text, true).dialect.delimiter).toBe(delimiter)
  })

  it('ignores delimiters inside quotes', () => {
    const text = lines('"name","note"', '"a","x;y;z"', '"b","p;q;r"', '"c","s;t;u"')
    const guess = detectDialect(text, true)
    expect(guess.dialect).toEqual({ delimiter: ',', quote: '"', newline: '\n' })
    expect(guess.reason).toMatch(/commas.*double quotes/)
  })

  it('prefers semicolons over decimal commas that split as evenly', () => {
    const text = lines('name;price;weight', 'tea;1,5;0,25', 'jam;2,75;0,4', 'oil;10,1;1,1')
    expect(detectDialect(text, true).dialect.delimiter).toBe(';')
  })

  it('falls back to runs of whitespace only when no character works', () => {
    const text = lines(
      ' customer_id  date number_of_cds  dollar_value',
      ' 00001 19970101  1   11.77',
      ' 00002 19970112  5   77.00',
    )
    expect(detectDialect(text, true).dialect).toEqual({ delimiter: 'whitespace', quote: null, newline: '\n' })
    // a comma file whose text has spaces stays a comma file
    expect(detectDialect(lines('a b,c d', 'e f,g h', 'i,j k l'), true).dialect.delimiter).toBe(',')
  })

  it('reads a single column when nothing splits the lines evenly', () => {
    const guess = detectDialect(lines('email', 'ana@example.com', 'bo@example.com'), true)
    expect(guess.rows.map((r) => r.length)).toEqual([1, 1, 1])
    expect(guess.reason).toMatch(/single column/)
  })

  it('honours an Excel "sep=" line and skips it', () => {
    const guess = detectDialect(lines('sep=;', 'a;b', '1;2'), true)
    expect(guess.dialect.delimiter).toBe(';')
    expect(guess.skipRows).toBe(1)
    expect(guess.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('detects CRLF and bare CR line ends', () => {
    expect(detectDialect('a,b\r\n1,2\r\n', true).dialect.newline).toBe('\r\n')
    expect(detectDialect('a,b\r1,2\r3,4\r', true).dialect).toMatchObject({ newline: '\r', delimiter: ',' })
  })

  it('detects single-quote quoting when double quotes never occur', () => {
    const guess = detectDialect(lines("'a','b'", "'x, y','1'", "'z','2'"), true)
    expect(guess.dialect.quote).toBe("'")
    expect(guess.rows[1]).toEqual(['x, y', '1'])
  })

  it('drops the cut last line of a partial sample', () => {
    const guess = detectDialect('a,b\n1,2\n3,"unfinis', false)
    expect(guess.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })
})

describe('detectHeader', () => {
  it('sees names above numbers and dates', () => {
    expect(
      detectHeader([
        ['id', 'when', 'amount'],
        ['1', '2011-03-10', '9.5'],
        ['2', '2011-03-11', '7'],
      ]).hasHeader,
    ).toBe(true)
  })

  it('sees data when the first row looks like the rest (CDNOW_sample)', () => {
    const g = detectHeader([
      ['00004', '0001', '19970101', '2', '29.33'],
      ['00004', '0001', '19970118', '2', '29.73'],
    ])
    expect(g.hasHeader).toBe(false)
    expect(g.reason).toMatch(/Column 1/)
  })

  it('treats the count line of iris.csv as a header, as scikit-learn ships it', () => {
    expect(
      detectHeader([
        ['150', '4', 'setosa', 'versicolor', 'virginica'],
        ['5.1', '3.5', '1.4', '0.2', '0'],
      ]).hasHeader,
    ).toBe(true)
  })

  it('sees data when a first-row word recurs below', () => {
    expect(
      detectHeader([
        ['Yes', 'Paris'],
        ['No', 'London'],
        ['Yes', 'Paris'],
      ]).hasHeader,
    ).toBe(false)
  })

  it('takes distinct words over words as a header by default', () => {
    expect(
      detectHeader([
        ['name', 'city'],
        ['Ana', 'Madrid'],
        ['Bo', 'Oslo'],
      ]).hasHeader,
    ).toBe(true)
  })
})

describe('headerNames', () => {
  it('trims, names blanks and makes duplicates unique', () => {
    expect(headerNames(['  name ', 'name', '', 'Name', 'a\nb'], 6)).toEqual([
      'name',
      'name (2)',
      'Column 3',
      'Name (3)',
      'a b',
      'Column 6',
    ])
    expect(headerNames(null, 3)).toEqual(['Column 1', 'Column 2', 'Column 3'])
  })
})
