/**
 * Worker thread of an import job: writes the rows the job's main thread reads into the staging table main named,
 * while that thread goes on reading and typing the next ones, so the two halves of an import run on two cores. Rows
 * come as messages (copied between threads, no file and no process in between); each is acknowledged once stored.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openProjectForStaging } from '../../store/projectFile'
import { createStagingTable, rowInserter } from '../../store/repos/staging'
import { indexCustomerKey } from '../../store/repos/customerKey'
import { toErrorPayload } from '../../../shared/errors'
import type { StagingWriterInput, StagingWriterMessage, ToStagingWriter } from './stagingWriterMessages'

if (!parentPort) throw new Error('stagingWriterWorker must run in a worker thread.')
const port = parentPort
const post = (message: StagingWriterMessage) => port.postMessage(message)

/**
 * Rows committed at once: ten of the reading's batches. Fewer commits cut the writer's time (it is the half the
 * reading waits for); a transaction of ~3 MB still lets main's own writes in between within a fraction of a second.
 */
const COMMIT_ROWS = 20_000

function write(input: StagingWriterInput): Promise<number> {
  const db = openProjectForStaging(input.projectPath, input.sqliteBinding)
  let rows = 0
  let uncommitted = 0
  const commit = () => {
    if (uncommitted === 0) return
    db.exec('COMMIT')
    uncommitted = 0
  }
  return new Promise<number>((resolve, reject) => {
    const onMessage = (message: ToStagingWriter) => {
      try {
        if (message.type === 'index') {
          commit()
          indexCustomerKey(db, input.table, message.customerKey)
          return
        }
        if (message.type === 'end') {
          port.off('message', onMessage)
          commit()
          // Here rather than at main's commit: main's event loop stays free, as it did while the rows went in.
          indexCustomerKey(db, input.table, message.customerKey)
          resolve(rows)
          return
        }
        if (uncommitted === 0) db.exec('BEGIN')
        insert(message.rows)
        rows += message.rows.length
        uncommitted += message.rows.length
        if (uncommitted >= COMMIT_ROWS) commit()
        post({ type: 'stored', rows })
      } catch (error) {
        port.off('message', onMessage)
        reject(error)
      }
    }
    let insert: ReturnType<typeof rowInserter>
    try {
      createStagingTable(db, input.width, input.table)
      insert = rowInserter(db, input.table, input.width)
    } catch (error) {
      reject(error)
      return
    }
    port.on('message', onMessage)
  }).finally(() => db.close()) // an open transaction (a failure, a stop) is rolled back with the connection
}

write((workerData as { input: StagingWriterInput }).input).then(
  (rows) => post({ type: 'done', rows }),
  (error: unknown) => post({ type: 'error', error: toErrorPayload(error) }),
)
