import { createReadStream } from 'node:fs'
import { createDecoder } from './encoding'
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
  const decoder = createDecoder(encoding.name)
  const checkDecoding = encoding.name.toLowerCase().startsWith('utf')
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
      await take(splitter.push(text), text)
    }
    const tail = decoder.end()
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
