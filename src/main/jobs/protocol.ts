import type { JobSpec, Progress } from '../../shared/domain/jobs'
import type { ErrorPayload } from '../../shared/errors'

/** Messages main sends to a job process. Cancel is a message first; the scheduler kills the process if it lingers. */
export type ToJob =
  | {
      readonly type: 'start'
      readonly spec: JobSpec
      readonly projectPath: string
      /** better-sqlite3 addon for this runtime's ABI, when it is not Node's default build. */
      readonly sqliteBinding?: string
    }
  | { readonly type: 'cancel' }
  /** Main has stored one more `data` message; the job keeps only a few unstored (backpressure for streamed results). */
  | { readonly type: 'ack' }
  /**
   * Main has the job's outcome: the process ends on its own, so its libraries' exit handlers run (exceljs removes its
   * spill files then). Main kills it only if it lingers.
   */
  | { readonly type: 'exit' }

/** Messages a job process sends back: any number of progress reports, then exactly one result or error. */
export type FromJob =
  | { readonly type: 'progress'; readonly progress: Progress }
  /**
   * A piece of a streamed result (a dataset's typed columns), in a file of the job's temporary folder (see dataPieces.ts);
   * each is acknowledged once main has stored it.
   */
  | { readonly type: 'data'; readonly file: string }
  | { readonly type: 'result'; readonly result: unknown }
  | { readonly type: 'error'; readonly error: ErrorPayload }

export function isFromJob(value: unknown): value is FromJob {
  const type = (value as { type?: unknown } | null)?.type
  return type === 'progress' || type === 'data' || type === 'result' || type === 'error'
}
