/**
 * Worker thread of an import job: writes the rows the job's main thread reads into the staging table main named,
 * while that thread goes on reading and typing the next ones, so the two halves of an import run on two cores. Rows
 * come as messages (copied between threads, no file and no process in between); each is acknowledged once stored.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openProjectForStaging } from '../../store/projectFile'
import { createStagingTable, stagingInserter } from '../../store/repos/staging'
import { indexCustomerKey } from '../../store/repos/customerKey'
import { toErrorPayload } from '../../../shared/errors'
import type { StagingWriterInput, StagingWriterMessage, ToStagingWriter } from './stagingWriterMessages'

if (!parentPort) throw new Error('stagingWriterWorker must run in a worker thread.')
const port = parentPort
const post = (message: StagingWriterMessage) => port.postMessage(message)

function write(input: StagingWriterInput): Promise<number> {
  const db = openProjectForStaging(input.projectPath, input.sqliteBinding)
  let rows = 0
  return new Promise<number>((resolve, reject) => {
    const onMessage = (message: ToStagingWriter) => {
      try {
        if (message.type === 'index') {
          indexCustomerKey(db, input.table, message.customerKey)
          return
        }
        if (message.type === 'end') {
          port.off('message', onMessage)
          // Here rather than at main's commit: main's event loop stays free, as it did while the rows went in.
          indexCustomerKey(db, input.table, message.customerKey)
          resolve(rows)
          return
        }
        insert(message.rows)
        rows += message.rows.length
        post({ type: 'stored', rows })
      } catch (error) {
        port.off('message', onMessage)
        reject(error)
      }
    }
    let insert: ReturnType<typeof stagingInserter>
    try {
      createStagingTable(db, input.width, input.table)
      insert = stagingInserter(db, input.table, input.width)
    } catch (error) {
      reject(error)
      return
    }
    port.on('message', onMessage)
  }).finally(() => db.close())
}

write((workerData as { input: StagingWriterInput }).input).then(
  (rows) => post({ type: 'done', rows }),
  (error: unknown) => post({ type: 'error', error: toErrorPayload(error) }),
)
