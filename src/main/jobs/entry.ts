/**
 * Entry of a job process (Electron utilityProcess or Node child_process). It waits for one `start` message, computes,
 * sends back one result or error, and exits when main says it has them (`exit`), or at once on `cancel`. Exiting rather
 * than being killed lets libraries clean up after themselves. It opens the project read-only; only an import writes,
 * and only into the staging table main named for it (see stagingWriterWorker.ts).
 */
import { currentJobPort } from './jobPort'
import { createPieceWriter } from './dataPieces'
import { tasks } from './tasks'
import type { Task } from './tasks/types'
import type { JobKind } from '../../shared/domain/jobs'
import { toErrorPayload } from '../../shared/errors'
import { openProjectReadOnly } from '../store/projectFile'

const port = currentJobPort()
/**
 * Streamed data (the typed-column fill's columns) goes out with at most this many pieces not yet stored by main: the
 * job parses the next piece while main stores the last one, and memory stays bounded by a few pieces.
 */
const SEND_WINDOW = 3
let unacked = 0
let awaitingAck: (() => void) | null = null
const pieces = createPieceWriter()
process.on('exit', () => pieces.dispose())

port.onMessage((message) => {
  if (message.type === 'cancel' || message.type === 'exit') process.exit(0)
  if (message.type === 'ack') {
    unacked--
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
        projectPath: message.projectPath,
        sqliteBinding: message.sqliteBinding,
        progress: (progress) => {
          port.post({ type: 'progress', progress })
          return new Promise((resolve) => setImmediate(resolve))
        },
        // Bundled, the worker is emitted beside this entry (see electron.vite.config.ts); from source, beside the pool.
        kmeansWorker: import.meta.url.endsWith('.js')
          ? { url: new URL('./kmeansWorker.js', import.meta.url) }
          : undefined,
        stagingWriterWorker: import.meta.url.endsWith('.js')
          ? { url: new URL('./stagingWriterWorker.js', import.meta.url) }
          : undefined,
        send: async (data) => {
          port.post({ type: 'data', file: pieces.write(data) })
          unacked++
          // Messages arrive in order, so the result posted after the last piece is handled after it too.
          while (unacked >= SEND_WINDOW) await new Promise<void>((resolve) => (awaitingAck = resolve))
        },
      })
      db.close()
      port.post({ type: 'result', result })
    } catch (error) {
      port.post({ type: 'error', error: toErrorPayload(error) })
    }
  })()
})
