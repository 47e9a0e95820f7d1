import type { JobChannel } from '../platform/types'
import type { JobSpec, Progress } from '../../shared/domain/jobs'
import { toErrorPayload, type ErrorPayload } from '../../shared/errors'

export type JobOutcome =
  | { readonly status: 'succeeded'; readonly result: unknown }
  | { readonly status: 'failed'; readonly error: ErrorPayload }
  | { readonly status: 'cancelled' }

export interface JobProcessRun {
  readonly outcome: Promise<JobOutcome>
  cancel(): void
}

/**
 * Drives one job process from start to its single outcome. Whatever happens — a result, an error message, a crash, a
 * kill — the promise settles exactly once, and the process is gone when it does.
 */
export function runJobProcess(
  channel: JobChannel,
  start: { spec: JobSpec; projectPath: string; sqliteBinding?: string },
  onProgress: (progress: Progress) => void,
  onData: (data: unknown) => void = () => {},
): JobProcessRun {
  let settled: JobOutcome | null = null
  let cancelRequested = false
  let resolve!: (outcome: JobOutcome) => void
  const outcome = new Promise<JobOutcome>((r) => (resolve = r))

  const settle = (o: JobOutcome) => {
    if (settled) return
    settled = o
    resolve(o)
  }

  channel.onMessage((message) => {
    if (settled || cancelRequested) return
    switch (message.type) {
      case 'progress':
        onProgress(message.progress)
        break
      case 'data':
        try {
          onData(message.data)
          channel.send({ type: 'ack' })
        } catch (error) {
          // The receiver could not store the data (disk full, bad rows): stop the job and report why.
          settle({ status: 'failed', error: toErrorPayload(error) })
          channel.kill()
        }
        break
      case 'result':
        settle({ status: 'succeeded', result: message.result })
        channel.kill()
        break
      case 'error':
        settle({ status: 'failed', error: message.error })
        channel.kill()
        break
    }
  })

  channel.onExit((code, signal) => {
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
      // The job only reads the project, so killing it at once is safe and frees the core immediately.
      channel.send({ type: 'cancel' })
      channel.kill()
    },
  }
}
