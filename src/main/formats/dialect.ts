import { createSplitter } from './splitters'
import type { Delimiter, Dialect } from './types'
import { createNumberScan, scanNumber } from './typing/numberFormat'

/**
 * Delimiter, quote and line-break detection from the first few hundred lines. Each candidate delimiter splits the
 * sample (quote-aware, so separators inside quoted text do not count); the one that gives the same number of fields
 * (two or more) on the most lines wins. Ties — "a;1,5;2,3" splits evenly on both ";" and "," — go to the candidate
 * whose fields look cleaner: numbers, or text free of the other candidates' characters. Runs of whitespace are a
 * delimiter only when no character delimiter works, as in CDNOW's space-aligned columns.
 */
export interface DialectGuess {
  readonly dialect: Dialect
  readonly reason: string
  /** Rows to skip before the table: 1 for an Excel "sep=;" line, else 0. */
  readonly skipRows: number
  /** The sample split with the chosen dialect, blank rows and skipped rows removed, at most `maxSampleRows`. */
  readonly rows: string[][]
}

const candidates: readonly Delimiter[] = ['\t', ';', ',', '|']
const names: Record<string, string> = {
  '\t': 'tabs',
  ';': 'semicolons',
  ',': 'commas',
  '|': 'vertical bars (|)',
  whitespace: 'runs of spaces',
}
export const maxSampleRows = 500

interface Trial {
  readonly delimiter: Delimiter
  readonly rows: string[][]
  readonly fields: number
  readonly share: number
  readonly clean: number
}

/** `complete` says the sample is the whole file (else its last, probably cut, line is ignored). */
export function detectDialect(sample: string, complete: boolean): DialectGuess {
  const newline = detectNewline(sample)
  const text = complete ? sample : wholeLines(sample, newline)

  const sep = /^sep=(.)\r?(\n|\r|$)/i.exec(text)
  if (sep) {
    const dialect: Dialect = { delimiter: sep[1], quote: '"', newline }
    return {
      dialect,
      reason: `The first line says "sep=${sep[1]}" (a hint Excel writes), so fields are separated by ${names[sep[1]] ?? `“${sep[1]}”`}.`,
      skipRows: 1,
      rows: splitSample(text, dialect, complete).slice(1),
    }
  }

  const trials = candidates.map((delimiter) => trial(text, { delimiter, quote: '"', newline }, complete))
  const usable = trials.filter((t) => t.fields >= 2)
  let best: Trial | undefined
  for (const t of usable) {
    if (!best || t.share > best.share + 0.05 || (Math.abs(t.share - best.share) <= 0.05 && t.clean > best.clean))
      best = t
  }
  if (!best || best.share < 0.8) {
    const ws = trial(text, { delimiter: 'whitespace', quote: null, newline }, complete)
    if (ws.fields >= 2 && ws.share >= 0.9 && (!best || ws.share > best.share)) best = ws
  }

  if (!best) {
    const dialect: Dialect = { delimiter: ',', quote: '"', newline }
    const rows = splitSample(text, dialect, complete)
    return {
      dialect,
      reason: 'No separator splits the lines evenly, so the file is read as a single column.',
      skipRows: 0,
      rows,
    }
  }

  let quote: Dialect['quote'] = best.delimiter === 'whitespace' ? null : '"'
  if (quote === '"' && !text.includes('"') && singleQuoted(best.rows)) {
    quote = "'"
    best = trial(text, { delimiter: best.delimiter, quote, newline }, complete)
  }
  const dialect: Dialect = { delimiter: best.delimiter, quote, newline }
  const consistent = Math.round(best.share * best.rows.length)
  let reason = `Fields are separated by ${names[best.delimiter] ?? `“${best.delimiter}”`}: ${consistent === best.rows.length ? 'all' : consistent} of ${best.rows.length} sampled lines have ${best.fields} fields.`
  if (quote !== null && text.includes(quote))
    reason += ` Text values are wrapped in ${quote === '"' ? 'double' : 'single'} quotes.`
  return { dialect, reason, skipRows: 0, rows: best.rows }
}

/** The sample without its last line, which was probably cut in the middle. */
export function wholeLines(sample: string, newline: Dialect['newline']): string {
  return sample.substring(0, sample.lastIndexOf(newline === '\r' ? '\r' : '\n') + 1)
}

function detectNewline(text: string): Dialect['newline'] {
  let crlf = 0
  let lf = 0
  let cr = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++
        i++
      } else cr++
    } else if (c === 10) lf++
  }
  if (cr > lf + crlf) return '\r'
  return crlf > 0 && crlf >= lf ? '\r\n' : '\n'
}

/** Splits a sample with a given dialect: non-blank rows, at most `maxSampleRows`. */
export function splitSample(text: string, dialect: Dialect, complete: boolean): string[][] {
  const splitter = createSplitter(dialect)
  const first = splitter.push(text)
  const rows = complete ? [...first.rows, ...splitter.end().rows] : first.rows
  return rows.filter((r) => !isBlankRow(r)).slice(0, maxSampleRows)
}

export function isBlankRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i].length > 0 && row[i].trim().length > 0) return false
  return true
}

const scan = createNumberScan()

function trial(text: string, dialect: Dialect, complete: boolean): Trial {
  const rows = splitSample(text, dialect, complete)
  const counts = new Map<number, number>()
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1)
  let fields = 0
  let most = 0
  for (const [f, n] of counts) {
    if (n > most || (n === most && f > fields)) {
      fields = f
      most = n
    }
  }
  const others = candidates.filter((c) => c !== dialect.delimiter)
  let clean = 0
  let total = 0
  for (const r of rows) {
    for (const v of r) {
      total++
      if (scanNumber(v, scan) || !others.some((o) => v.includes(o))) clean++
    }
  }
  return {
    delimiter: dialect.delimiter,
    rows,
    fields,
    share: rows.length === 0 ? 0 : most / rows.length,
    clean: total === 0 ? 0 : clean / total,
  }
}

/** Fields wrapped in single quotes on most lines ('a','b'): an old convention of some database exports. */
function singleQuoted(rows: readonly string[][]): boolean {
  let quoted = 0
  for (const r of rows) if (r.some((v) => v.length >= 2 && v.startsWith("'") && v.endsWith("'"))) quoted++
  return rows.length > 0 && quoted >= 0.5 * rows.length
}
