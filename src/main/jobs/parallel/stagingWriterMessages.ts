import type { Sniff } from '../../formats/types'
import type { ErrorPayload } from '../../../shared/errors'

/** What the staging writer thread is started with (its `workerData.input`). */
export interface StagingWriterInput {
  readonly projectPath: string
  readonly sqliteBinding?: string
  /** The staging table to create and fill; main named it. */
  readonly table: string
  /** The file as the job sniffed it: both threads read it with the same dialect, encoding and header. */
  readonly sniff: Sniff
  readonly batchSize: number
}

export type StagingWriterMessage =
  | { readonly type: 'progress'; readonly rows: number; readonly bytesRead: number }
  | { readonly type: 'done'; readonly rows: number }
  | { readonly type: 'error'; readonly error: ErrorPayload }
