import type { JobChannel } from '../platform/types'
import type { JobSpec, Progress } from '../../shared/domain/jobs'
import { toErrorPayload, type ErrorPayload } from '../../shared/errors'
import { takePiece } from './dataPieces'

export type JobOutcome =
  | { readonly status: 'succeeded'; readonly result: unknown }
  | { readonly status: 'failed'; readonly error: ErrorPayload }
  | { readonly status: 'cancelled' }

export interface JobProcessRun {
  readonly outcome: Promise<JobOutcome>
  cancel(): void
}

/** How long a job process may take to exit on its own after its outcome before it is killed. */
export const EXIT_GRACE_MS = 10_000

/**
 * Drives one job process from start to its single outcome. Whatever happens — a result, an error message, a crash, a
 * kill — the promise settles exactly once. After an outcome the process is asked to exit, so its exit handlers run
 * (exceljs removes its temp files in one), and killed only if it has not gone within `exitGraceMs`; a cancel kills it
 * at once.
 */
export function runJobProcess(
  channel: JobChannel,
  start: { spec: JobSpec; projectPath: string; sqliteBinding?: string },
  onProgress: (progress: Progress) => void,
  onData: (data: unknown) => void = () => {},
  exitGraceMs = EXIT_GRACE_MS,
): JobProcessRun {
  let settled: JobOutcome | null = null
  let cancelRequested = false
  let resolve!: (outcome: JobOutcome) => void
  const outcome = new Promise<JobOutcome>((r) => (resolve = r))

  let exited = false
  const settle = (o: JobOutcome) => {
    if (settled) return
    settled = o
    resolve(o)
  }
  /** Settles with the job's outcome, then lets the process end by itself, with a kill as the backstop. */
  const finish = (o: JobOutcome) => {
    settle(o)
    if (exited) return
    channel.send({ type: 'exit' })
    const timer = setTimeout(() => channel.kill(), exitGraceMs)
    timer.unref()
    channel.onExit(() => clearTimeout(timer))
  }

  channel.onMessage((message) => {
    if (settled || cancelRequested) return
    switch (message.type) {
      case 'progress':
        onProgress(message.progress)
        break
      case 'data':
        try {
          onData(takePiece(message.file))
          channel.send({ type: 'ack' })
        } catch (error) {
          // The receiver could not store the data (disk full, bad rows): stop the job and report why.
          finish({ status: 'failed', error: toErrorPayload(error) })
        }
        break
      case 'result':
        finish({ status: 'succeeded', result: message.result })
        break
      case 'error':
        finish({ status: 'failed', error: message.error })
        break
    }
  })

  channel.onExit((code, signal) => {
    exited = true
    if (cancelRequested) return settle({ status: 'cancelled' })
    settle({
      status: 'failed',
      error: {
        userMessage: 'The calculation stopped unexpectedly. Your project was not changed; you can try again.',
        detail: `job process ${channel.pid ?? '?'} exited with code ${code} signal ${signal}`,
        code: 'job.crashed',
      },
    })
  })

  channel.send({ type: 'start', ...start })

  return {
    outcome,
    cancel() {
      if (settled || cancelRequested) return
      cancelRequested = true
      // A job only reads the project, or fills a staging table nothing refers to (an import; SQLite rolls back its
      // open transaction), so killing it at once is safe and frees the core immediately.
      channel.send({ type: 'cancel' })
      channel.kill()
    },
  }
}
