import type { ErrorPayload } from '../../../shared/errors'

/** What the staging writer thread is started with (its `workerData.input`). */
export interface StagingWriterInput {
  readonly projectPath: string
  readonly sqliteBinding?: string
  /** The staging table to create and fill; main named it. */
  readonly table: string
  /** Columns of the table: the header's width, which every row is fitted to. */
  readonly width: number
}

/**
 * Messages to the thread: batches of rows, then `end`, which names the customer id column (or null) as the whole
 * file's typing found it. `index` names the column the first rows suggest, to be indexed as the rows go in.
 */
export type ToStagingWriter =
  | { readonly type: 'rows'; readonly rows: readonly (readonly string[])[] }
  | { readonly type: 'index'; readonly customerKey: number | null }
  | { readonly type: 'end'; readonly customerKey: number | null }

export type StagingWriterMessage =
  /**
   * One per `rows` message, once its rows are in the table (committed with later ones; the table counts only once the
   * writer is `done`): the rows stored so far.
   */
  | { readonly type: 'stored'; readonly rows: number }
  | { readonly type: 'done'; readonly rows: number }
  | { readonly type: 'error'; readonly error: ErrorPayload }
