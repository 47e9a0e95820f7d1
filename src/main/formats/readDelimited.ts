import { createReadStream } from 'node:fs'
import { createDecoder } from './encoding'
import { createMixedDecoder, mixedUtf8 } from './mixedUtf8'
import { FileProblem, fileName, fromFsError } from './problems'
import { RowSink } from './rowSink'
import { createSplitter, RowTooLongError, UnterminatedQuoteError, type SplitChunk } from './splitters'
import type { BatchHandler, ReadOptions, ReadSummary, Sniff } from './types'

/** Bytes per read: large enough that per-chunk overhead vanishes, small enough for smooth progress. */
const chunkBytes = 1 << 20

/**
 * Streams a delimited text file: bytes → decoded text (iconv-lite) → rows (papaparse core or whitespace splitter)
 * → fitted rows in batches. Memory stays at about one chunk plus one batch whatever the file size. Awaiting
 * `onBatch` pauses reading (backpressure); `signal` cancels between chunks and batches.
 */
export async function readDelimited(sniff: Sniff, options: ReadOptions, onBatch: BatchHandler): Promise<ReadSummary> {
  const { path, dialect, encoding } = sniff
  if (!dialect || !encoding)
    throw new RangeError(`The sniff of "${fileName(path)}" is not for a text file (format ${sniff.format}).`)
  options.signal?.throwIfAborted()

  const sink = new RowSink(sniff.header.length, sniff.skipRows, sniff.hasHeader, options, onBatch, sniff.byteLength)
  const splitter = createSplitter(dialect)
  const mixed = encoding.name.toLowerCase() === mixedUtf8 ? createMixedDecoder() : null
  const decoder = mixed ?? createDecoder(encoding.name)
  const checkDecoding = mixed === null && encoding.name.toLowerCase().startsWith('utf')
  const fallbacks = mixed && new FallbackLines(dialect.newline === '\r' ? '\r' : '\n')
  // U+FFFD marks bytes the encoding could not decode; once seen in the text, look for the row that holds it.
  let undecodable: 'none' | 'seen' | 'reported' = 'none'
  let bytesRead = 0

  const take = async (chunk: SplitChunk, text: string) => {
    for (const p of chunk.problems) sink.problem(p)
    if (checkDecoding && undecodable === 'none' && text.includes('\uFFFD')) undecodable = 'seen'
    if (undecodable === 'seen' && reportUndecodable(chunk, sink, encoding.name)) undecodable = 'reported'
    const { rows, lines } = chunk
    for (let i = 0; i < rows.length; i++) if (sink.add(rows[i], lines[i])) await sink.flush(bytesRead)
  }

  const stream = createReadStream(path, { highWaterMark: chunkBytes })
  try {
    for await (const bytes of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted()
      bytesRead += bytes.length
      const text = decoder.write(bytes)
      fallbacks?.see(text, mixed!.firstFallback, sink)
      await take(splitter.push(text), text)
    }
    const tail = decoder.end()
    fallbacks?.see(tail, mixed!.firstFallback, sink)
    if (tail) await take(splitter.push(tail), tail)
    await take(splitter.end(), '')
    await sink.flush(bytesRead)
  } catch (error) {
    stream.destroy()
    if (error instanceof UnterminatedQuoteError) {
      throw new FileProblem(
        'unterminatedQuote',
        path,
        `"${fileName(path)}" cannot be split into rows: ${error.message} Check the quotes on that line, or choose another quote character.`,
        {
          detail: `more than 32M characters pending after line ${error.line}`,
        },
      )
    }
    if (error instanceof RowTooLongError) {
      throw new FileProblem(
        'rowTooLong',
        path,
        `"${fileName(path)}" cannot be split into rows: ${error.message} Its rows may end in a character other than a line break, or it may not be a table.`,
        { detail: `more than ${error.maxChars} characters pending after line ${error.line}, no quote open` },
      )
    }
    if (isFsError(error)) throw fromFsError(path, error)
    throw error
  }
  return sink.summary(sniff.header, bytesRead)
}

function isFsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' && code.startsWith('E')
}

/** Reports the first value holding U+FFFD (a byte sequence the encoding could not decode) with its line. */
function reportUndecodable(chunk: SplitChunk, sink: RowSink, encoding: string): boolean {
  for (let i = 0; i < chunk.rows.length; i++) {
    if (chunk.rows[i].some((v) => v.includes('\uFFFD'))) {
      sink.problem({
        row: chunk.lines[i],
        message: `Some characters could not be read as ${encoding.toUpperCase()} (shown as �); the file may use another encoding, such as Windows-1252.`,
      })
      return true
    }
  }
  return false
}

/**
 * Counts lines through the text of a mixed UTF-8 / Windows-1252 file until the first character read as Windows-1252,
 * and reports its line (as an editor numbers lines) with the word around it, so the user can check it.
 */
class FallbackLines {
  private lines = 0
  private reported = false

  constructor(private readonly newline: string) {}

  see(text: string, firstFallback: number, sink: RowSink): void {
    if (this.reported) return
    if (firstFallback < 0) {
      this.lines += countOf(text, this.newline, text.length)
      return
    }
    this.reported = true
    const line = this.lines + countOf(text, this.newline, firstFallback) + 1
    const word =
      /[^\s,;|\t"]*$/.exec(text.substring(Math.max(0, firstFallback - 20), firstFallback))![0] +
      /^[^\s,;|\t"]*/.exec(text.substring(firstFallback, firstFallback + 20))![0]
    sink.problem({
      row: line,
      message: `The file mixes encodings: it is read as UTF-8, but some characters, the first on this line ("${word}"), are Windows-1252. Each was read in its own encoding; check accented text in this row and later ones.`,
    })
  }
}

function countOf(text: string, ch: string, end: number): number {
  let n = 0
  for (let i = text.indexOf(ch); i >= 0 && i < end; i = text.indexOf(ch, i + 1)) n++
  return n
}
