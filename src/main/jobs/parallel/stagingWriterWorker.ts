/**
 * Worker thread of an import job: writes the rows into the staging table main named while the job's main thread types
 * the columns. For a text file it reads the file itself, so the two halves run on two cores without handing rows over
 * (splitting 1M × 20 costs 1.2 s; serialising and deserialising the rows, 1.5 s). A workbook is read once, by the
 * typing thread, which sends the rows here (reading xlsx costs ~30× the hand-over).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readRows } from '../../formats'
import { openProjectForStaging } from '../../store/projectFile'
import { createStagingTable, stagingInserter } from '../../store/repos/staging'
import { toErrorPayload } from '../../../shared/errors'
import type { StagingWriterInput, StagingWriterMessage, ToStagingWriter } from './stagingWriterMessages'

const PROGRESS_EVERY_MS = 100

if (!parentPort) throw new Error('stagingWriterWorker must run in a worker thread.')
const port = parentPort
const post = (message: StagingWriterMessage) => port.postMessage(message)

type Insert = (rows: readonly (readonly string[])[]) => void

async function write(input: StagingWriterInput): Promise<number> {
  const db = openProjectForStaging(input.projectPath, input.sqliteBinding)
  try {
    const width = input.sniff.header.length
    createStagingTable(db, width, input.table)
    const insert = stagingInserter(db, input.table, width)
    return input.source === 'read' ? await readAndInsert(input, insert) : await receiveAndInsert(insert)
  } finally {
    db.close()
  }
}

async function readAndInsert(input: StagingWriterInput, insert: Insert): Promise<number> {
  let rows = 0
  let lastReport = 0
  await readRows(
    input.sniff,
    {
      batchSize: input.batchSize,
      onProgress: (p) => {
        const now = Date.now()
        if (now - lastReport < PROGRESS_EVERY_MS) return
        lastReport = now
        post({ type: 'progress', rows, bytesRead: p.bytesRead })
      },
    },
    async (batch) => {
      insert(batch)
      rows += batch.length
    },
  )
  return rows
}

function receiveAndInsert(insert: Insert): Promise<number> {
  let rows = 0
  return new Promise((resolve, reject) => {
    const onMessage = (message: ToStagingWriter) => {
      if (message.type === 'end') {
        port.off('message', onMessage)
        resolve(rows)
        return
      }
      try {
        insert(message.rows)
      } catch (error) {
        port.off('message', onMessage)
        reject(error)
        return
      }
      rows += message.rows.length
      post({ type: 'progress', rows, bytesRead: 0 })
    }
    port.on('message', onMessage)
  })
}

write((workerData as { input: StagingWriterInput }).input).then(
  (rows) => post({ type: 'done', rows }),
  (error: unknown) => post({ type: 'error', error: toErrorPayload(error) }),
)
