import { readDelimited } from './readDelimited'
import type { BatchHandler, ReadOptions, ReadSummary, Sniff } from './types'
import { readXlsx } from './xlsx'

/**
 * Streams every data row of a sniffed file to `onBatch`, as text fitted to the header width. Rows with the wrong
 * number of fields are padded or cut (or skipped, see ReadOptions) and reported with their line numbers; blank rows
 * are skipped and counted. Progress is reported as bytes read of the file's size; `signal` cancels with an
 * AbortError.
 */
export function readRows(sniff: Sniff, options: ReadOptions, onBatch: BatchHandler): Promise<ReadSummary> {
  return sniff.format === 'xlsx' ? readXlsx(sniff, options, onBatch) : readDelimited(sniff, options, onBatch)
}
