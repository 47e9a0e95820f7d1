import { Worker } from 'node:worker_threads'
import { siblingWorkerEntry, workerExecArgv, type WorkerEntry } from './workerEntry'
import { fromErrorPayload } from '../../../shared/errors'
import type { StagingWriterInput, StagingWriterMessage, ToStagingWriter } from './stagingWriterMessages'

export interface StagingWriter {
  /** Rows stored so far. */
  readonly stored: number
  /**
   * Hands a batch over, and resolves once few enough are waiting to be stored: memory stays at a few batches however
   * far ahead the reading could run.
   */
  send(rows: readonly (readonly string[])[]): Promise<void>
  /**
   * Indexes column `customerKey` from now on, as rows go in: the thread has time to spare while the reading runs,
   * and none once it has ended.
   */
  indexEarly(customerKey: number | null): void
  /**
   * There are no more rows; the customer index ends up on column `customerKey` (if any) before the thread says it is
   * done: kept if `indexEarly` guessed it, moved otherwise.
   */
  end(customerKey: number | null): void
  /** Resolves with the number of rows stored once all are in the table; rejects with the writer's error. */
  readonly done: Promise<number>
  /** Stops the thread (its open transaction is rolled back) and resolves once it has ended. */
  stop(): Promise<void>
}

/** Batches handed over and not yet stored, at most. */
const SEND_WINDOW = 4

export function defaultStagingWriterEntry(): WorkerEntry {
  return siblingWorkerEntry(import.meta.url, 'stagingWriterWorker')
}

/**
 * Starts the thread that fills the staging table (see stagingWriterWorker.ts). `onFailure` hears its error as soon as
 * it happens, so the caller can stop its own reading of the file rather than finish it for nothing.
 */
export function startStagingWriter(
  input: StagingWriterInput,
  options: { entry?: WorkerEntry; onProgress?: () => void; onFailure?: (error: Error) => void } = {},
): StagingWriter {
  const entry = options.entry ?? defaultStagingWriterEntry()
  const worker = new Worker(entry.url, {
    workerData: { ...(entry.workerData as object | undefined), input },
    execArgv: workerExecArgv(entry),
    // A young generation larger than a worker's default: the thread receives 20M short-lived strings per 1M × 20
    // file, and fewer scavenges cut its GC time; larger sizes bought no more speed here, only memory.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  })
  let stored = 0
  let waiting = 0
  let resume: (() => void) | null = null
  let settled = false
  const done = new Promise<number>((resolve, reject) => {
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      reject(error)
      resume?.()
      options.onFailure?.(error)
    }
    worker.on('message', (message: StagingWriterMessage) => {
      if (message.type === 'stored') {
        stored = message.rows
        waiting--
        resume?.()
        resume = null
        options.onProgress?.()
      } else if (message.type === 'done') {
        settled = true
        resolve(message.rows)
      } else fail(fromErrorPayload(message.error))
    })
    worker.on('error', (error) => fail(error))
    worker.on('exit', (code) => fail(new Error(`The staging writer thread ended early (exit code ${code}).`)))
  })
  done.catch(() => {}) // the caller awaits it; a failure before that must not count as unhandled
  const post = (message: ToStagingWriter) => worker.postMessage(message)
  return {
    get stored() {
      return stored
    },
    async send(rows) {
      post({ type: 'rows', rows })
      waiting++
      while (waiting >= SEND_WINDOW && !settled) await new Promise<void>((r) => (resume = r))
    },
    indexEarly(customerKey) {
      post({ type: 'index', customerKey })
    },
    end(customerKey) {
      post({ type: 'end', customerKey })
    },
    done,
    async stop() {
      await worker.terminate()
    },
  }
}
