/**
 * Entry of a job process (Electron utilityProcess or Node child_process). It waits for one `start` message, computes,
 * sends back one result or error, and exits when main says it has them (`exit`), or at once on `cancel`. Exiting rather
 * than being killed lets libraries clean up after themselves. It opens the project read-only and never writes it.
 */
import { currentJobPort } from './jobPort'
import { tasks } from './tasks'
import type { Task } from './tasks/types'
import type { JobKind } from '../../shared/domain/jobs'
import { toErrorPayload } from '../../shared/errors'
import { openProjectReadOnly } from '../store/projectFile'

const port = currentJobPort()
let awaitingAck: (() => void) | null = null

port.onMessage((message) => {
  if (message.type === 'cancel' || message.type === 'exit') process.exit(0)
  if (message.type === 'ack') {
    const resume = awaitingAck
    awaitingAck = null
    resume?.()
    return
  }
  if (message.type !== 'start') return
  void (async () => {
    try {
      const db = openProjectReadOnly(message.projectPath, message.sqliteBinding)
      const task = tasks[message.spec.kind] as Task<JobKind>
      const result = await task(message.spec, {
        db,
        progress: (progress) => {
          port.post({ type: 'progress', progress })
          return new Promise((resolve) => setImmediate(resolve))
        },
        // Bundled, the worker is emitted beside this entry (see electron.vite.config.ts); from source, beside the pool.
        kmeansWorker: import.meta.url.endsWith('.js')
          ? { url: new URL('./kmeansWorker.js', import.meta.url) }
          : undefined,
        send: (data) =>
          new Promise<void>((resolve) => {
            awaitingAck = resolve
            port.post({ type: 'data', data })
          }),
      })
      db.close()
      port.post({ type: 'result', result })
    } catch (error) {
      port.post({ type: 'error', error: toErrorPayload(error) })
    }
  })()
})
