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
  /**
   * 'read': the thread reads the file itself (a text file: splitting it again costs less than handing its rows over).
   * 'sent': the rows arrive as `rows` messages, then `end` (a workbook: reading one costs far more than the hand-over).
   */
  readonly source: 'read' | 'sent'
}

/** Messages to the thread, for the 'sent' source. */
export type ToStagingWriter =
  { readonly type: 'rows'; readonly rows: readonly (readonly string[])[] } | { readonly type: 'end' }

export type StagingWriterMessage =
  /** Rows stored so far; for the 'sent' source, one per `rows` message once it is stored. */
  | { readonly type: 'progress'; readonly rows: number; readonly bytesRead: number }
  | { readonly type: 'done'; readonly rows: number }
  | { readonly type: 'error'; readonly error: ErrorPayload }
