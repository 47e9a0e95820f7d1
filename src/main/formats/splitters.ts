import Papa from 'papaparse'
import type { Dialect, ReadProblem } from './types'

/**
 * Incremental row splitters: text goes in chunk by chunk, whole rows come out with the line number where each starts.
 * Line numbers are what users see in their editor, so a row with a quoted line break counts as several lines.
 *
 * Quoted files go through papaparse's core `Parser` (the same state machine `Papa.parse` streams with). We drive it
 * ourselves rather than through `Papa.parse(stream)` so that we own backpressure, cancellation, progress and line
 * numbers; the contract we rely on is small: `parse(text, 0, ignoreLastRow)` returns complete rows and the cursor
 * after the last one.
 */
export interface SplitChunk {
  readonly rows: string[][]
  /** 1-based line number where each row starts. */
  readonly lines: number[]
  readonly problems: ReadProblem[]
}

export interface RowSplitter {
  push(text: string): SplitChunk
  end(): SplitChunk
}

/**
 * A row still unfinished after this many characters is not data: a quote that never closes, or a file whose rows do
 * not end in line breaks. Stop before memory runs out, and say which of the two it is.
 */
export const maxPendingChars = 32 * 1024 * 1024

export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`A quote opened on line ${line} is never closed.`)
  }
}

/** A row that outgrew the cap with no quote open. */
export class RowTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly maxChars: number,
  ) {
    super(
      `The row starting on line ${line} runs on for more than ${charCount(maxChars)} characters: no line break ends it.`,
    )
  }
}

function charCount(n: number): string {
  return n >= 1_000_000 ? `${Math.floor(n / 1_000_000)} million` : n.toLocaleString('en-US')
}

/** `maxPending` is the cap above, smaller only in tests. */
export function createSplitter(dialect: Dialect, maxPending = maxPendingChars): RowSplitter {
  return dialect.delimiter === 'whitespace'
    ? new WhitespaceSplitter(maxPending)
    : new QuotedSplitter(dialect, maxPending)
}

/**
 * Whether `text` (the unfinished rest of a file, starting at a row) ends inside a quoted field: a quote opens a field
 * only at its start, and a doubled quote inside one is a literal quote.
 */
export function endsInsideQuote(text: string, delimiter: string, quote: string | null): boolean {
  if (quote === null) return false
  let inside = false
  let fieldStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inside) {
      if (c !== quote) continue
      if (text[i + 1] === quote) i++
      else inside = false
    } else if (fieldStart && c === quote) {
      inside = true
      fieldStart = false
    } else {
      fieldStart = c === '\n' || c === '\r' || text.startsWith(delimiter, i)
    }
  }
  return inside
}

interface PapaParser {
  parse(
    input: string,
    baseIndex: number,
    ignoreLastRow: boolean,
  ): {
    data: string[][]
    errors: { code: string; message: string; row: number }[]
    meta: { cursor: number }
  }
}

class QuotedSplitter implements RowSplitter {
  private readonly parser: PapaParser
  private readonly newlineChar: string
  private readonly stripCr: boolean
  private pending = ''
  private nextLine = 1

  constructor(
    private readonly dialect: Dialect,
    private readonly maxPending: number,
  ) {
    // CRLF files are split on '\n' and the '\r' removed, so that files mixing line ends still split into rows.
    const newline = dialect.newline === '\r' ? '\r' : '\n'
    this.newlineChar = newline
    this.stripCr = newline === '\n'
    const Parser = (Papa as unknown as { Parser: new (config: object) => PapaParser }).Parser
    this.parser = new Parser({ delimiter: dialect.delimiter, newline, quoteChar: dialect.quote ?? '\u0000' })
  }

  push(text: string): SplitChunk {
    return this.split(this.pending + text, false)
  }

  end(): SplitChunk {
    return this.split(this.pending, true)
  }

  private split(text: string, last: boolean): SplitChunk {
    const result = this.parser.parse(text, 0, !last)
    const consumed = last ? text.length : result.meta.cursor
    this.pending = last ? '' : text.substring(consumed)

    const rows = result.data
    const lines = new Array<number>(rows.length)
    const newlines = countChar(text, this.newlineChar, 0, consumed)
    // The final row of a file may have no line break after it.
    const unterminated = last && consumed > 0 && text[consumed - 1] !== this.newlineChar ? 1 : 0
    if (newlines + unterminated === rows.length) {
      // The common case: no quoted line breaks, one row per line.
      for (let i = 0; i < rows.length; i++) lines[i] = this.nextLine + i
      this.nextLine += rows.length
    } else {
      for (let i = 0; i < rows.length; i++) {
        lines[i] = this.nextLine
        const row = rows[i]
        let inner = 0
        for (let j = 0; j < row.length; j++) inner += countChar(row[j], this.newlineChar, 0, row[j].length)
        this.nextLine += 1 + inner
      }
    }
    // Checked once the rows before it are counted, so the line is where the unfinished row starts.
    if (this.pending.length > this.maxPending) {
      throw endsInsideQuote(this.pending, this.dialect.delimiter, this.dialect.quote)
        ? new UnterminatedQuoteError(this.nextLine)
        : new RowTooLongError(this.nextLine, this.maxPending)
    }
    if (this.stripCr) {
      for (const row of rows) {
        const k = row.length - 1
        const v = row[k]
        if (v.length > 0 && v.charCodeAt(v.length - 1) === 13) row[k] = v.substring(0, v.length - 1)
      }
    }
    const problems: ReadProblem[] = result.errors.map((e) => ({
      row: lines[Math.min(e.row, rows.length - 1)] ?? this.nextLine,
      message:
        e.code === 'MissingQuotes'
          ? 'A quote is opened but never closed; the rest of the file was read as one value.'
          : 'A quoted value is followed by stray characters before the next delimiter.',
    }))
    return { rows, lines, problems }
  }
}

/** Runs of spaces and tabs separate fields; leading and trailing blanks are ignored; no quoting. */
class WhitespaceSplitter implements RowSplitter {
  private pending = ''
  private nextLine = 1

  constructor(private readonly maxPending: number) {}

  push(text: string): SplitChunk {
    const all = this.pending + text
    const cut = all.lastIndexOf('\n') + 1
    this.pending = all.substring(cut)
    if (this.pending.length > this.maxPending)
      throw new RowTooLongError(this.nextLine + (cut > 0 ? countChar(all, '\n', 0, cut) : 0), this.maxPending)
    return this.split(all, cut)
  }

  end(): SplitChunk {
    const all = this.pending
    this.pending = ''
    return this.split(all.length > 0 ? all + '\n' : all, all.length > 0 ? all.length + 1 : 0)
  }

  private split(text: string, end: number): SplitChunk {
    const rows: string[][] = []
    const lines: number[] = []
    let start = 0
    while (start < end) {
      let stop = text.indexOf('\n', start)
      if (stop < 0 || stop > end) stop = end
      const line = text.substring(start, stop).trim()
      rows.push(line.length === 0 ? [''] : line.split(/[ \t]+/))
      lines.push(this.nextLine++)
      start = stop + 1
    }
    return { rows, lines, problems: [] }
  }
}

function countChar(text: string, ch: string, from: number, to: number): number {
  let n = 0
  let i = text.indexOf(ch, from)
  while (i >= 0 && i < to) {
    n++
    i = text.indexOf(ch, i + 1)
  }
  return n
}
