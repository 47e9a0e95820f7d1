import { stat } from 'node:fs/promises'
import { FileProblem, fileName, fromFsError } from './problems'
import { readDelimited } from './readDelimited'
import type { BatchHandler, ReadOptions, ReadSummary, Sniff } from './types'
import { readXlsx } from './xlsx'

/**
 * Streams every data row of a sniffed file to `onBatch`, as text fitted to the header width. Rows with the wrong
 * number of fields are padded or cut (or skipped, see ReadOptions) and reported with their line numbers; blank rows
 * are skipped and counted. Progress is reported as bytes read of the file's size; `signal` cancels with an
 * AbortError. A file that changes while it is read (still being downloaded or written, truncated, replaced) throws
 * a FileProblem rather than passing off part of it as the whole.
 */
export async function readRows(sniff: Sniff, options: ReadOptions, onBatch: BatchHandler): Promise<ReadSummary> {
  const before = await fileState(sniff.path)
  const summary =
    sniff.format === 'xlsx' ? await readXlsx(sniff, options, onBatch) : await readDelimited(sniff, options, onBatch)
  const after = await fileState(sniff.path).catch(() => null)
  const change = fileChange(sniff, before, after, summary.bytesRead)
  if (change !== null) {
    throw new FileProblem(
      'changedWhileReading',
      sniff.path,
      `"${fileName(sniff.path)}" changed while it was being read (${change}), so what was read is not the whole file. Wait until whatever is writing it has finished, then try again.`,
      {
        detail: `sniffed ${sniff.byteLength} B; before ${JSON.stringify(before)}; after ${JSON.stringify(after)}; read ${summary.bytesRead} B`,
      },
    )
  }
  return summary
}

export interface FileState {
  readonly size: number
  readonly mtimeMs: number
}

async function fileState(path: string): Promise<FileState> {
  try {
    const { size, mtimeMs } = await stat(path)
    return { size, mtimeMs }
  } catch (error) {
    throw fromFsError(path, error)
  }
}

/**
 * How the file differs from what was read, in words, or null when it is the file sniffed and read whole: the same
 * size as when sniffed, the same size and modification time before and after, and — for text, which is read to its
 * end — every byte of it read.
 */
export function fileChange(
  sniff: Pick<Sniff, 'format' | 'byteLength'>,
  before: FileState,
  after: FileState | null,
  bytesRead: number,
): string | null {
  if (after === null) return 'it was removed'
  if (before.size !== sniff.byteLength)
    return `${sizeText(sniff.byteLength)} when inspected, ${sizeText(before.size)} when read`
  if (after.size !== before.size)
    return `${sizeText(before.size)} when reading started, ${sizeText(after.size)} when it ended`
  if (sniff.format === 'delimited' && bytesRead !== before.size)
    return `${sizeText(bytesRead)} of its ${sizeText(before.size)} could be read`
  if (after.mtimeMs !== before.mtimeMs) return 'it was saved again during reading'
  return null
}

function sizeText(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`
}
