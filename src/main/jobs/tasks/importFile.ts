import { basename } from 'node:path'
import type { Task } from './types'
import { readRows, sniff, createTypeAccumulator } from '../../formats'
import type { ImportedColumn } from '../../../shared/domain/jobs'
import { startStagingWriter } from '../parallel/stagingWriter'
import { customerKeyPosition } from '../../store/repos/customerKey'

const PROGRESS_EVERY_MS = 100
const BATCH_ROWS = 2_000

/**
 * Imports a file in two threads: this one reads it and types every column from all rows, and hands each batch to a
 * worker that writes it into the staging table main named (see stagingWriterWorker.ts), then indexes the customer id
 * column the typing found. The result carries the column types and the import report; main then renames the table
 * into a dataset, or drops it if anything failed.
 */
export const importFile: Task<'importFile'> = async (spec, ctx) => {
  const started = Date.now()
  const fileName = basename(spec.path)
  const found = await sniff(spec.path, spec.settings)
  const types = createTypeAccumulator(found.header, {
    decimalHint: found.decimalHint,
    generatedNames: !found.hasHeader,
  })
  const reading = new AbortController()
  let bytesRead = 0
  let lastReport = 0
  const report = () => {
    const now = Date.now()
    if (now - lastReport < PROGRESS_EVERY_MS) return
    lastReport = now
    void ctx.progress({
      fraction: found.byteLength > 0 ? Math.min(1, bytesRead / found.byteLength) : null,
      title: `Importing ${fileName}`,
      detail: `${writer.stored.toLocaleString('en')} rows read`,
    })
  }
  const writer = startStagingWriter(
    {
      projectPath: ctx.projectPath,
      sqliteBinding: ctx.sqliteBinding,
      table: spec.stagingTable,
      width: found.header.length,
    },
    { entry: ctx.stagingWriterWorker, onProgress: report, onFailure: () => reading.abort() },
  )
  let summary: Awaited<ReturnType<typeof readRows>>
  let table: ReturnType<typeof types.finish>
  let stored: number
  try {
    summary = await readRows(
      found,
      {
        batchSize: BATCH_ROWS,
        signal: reading.signal,
        onProgress: (p) => {
          bytesRead = p.bytesRead
          report()
        },
      },
      async (rows) => {
        types.addRows(rows)
        if (types.rowCount === rows.length) {
          // The customer column as the first rows show it: indexed while the rows go in, where the writer has time
          // to spare, instead of after the last one (0.25 s per million ids); `end` moves it if the file disagrees.
          writer.indexEarly(customerKeyPosition(types.finish().columns))
        }
        await writer.send(rows)
      },
    )
    table = types.finish()
    writer.end(customerKeyPosition(table.columns))
    stored = await writer.done
  } catch (error) {
    await writer.stop()
    // When the writer failed (a full disk, say), this thread's abort only followed: the writer's error says why.
    if (reading.signal.aborted) await writer.done
    throw error
  }
  if (stored !== summary.rowCount) {
    throw new Error(`The staging table holds ${stored} rows of the ${summary.rowCount} read.`)
  }
  const columns: ImportedColumn[] = table.columns.map((c) => ({
    name: c.name,
    type: c.type,
    role: c.role,
    pii: c.pii !== null,
    typeReason: c.typeReason,
    piiReason: c.pii?.reason ?? null,
    inference: c,
  }))
  return {
    header: summary.header,
    columns,
    parseContext: { decimal: table.decimal, dayFirst: table.dayFirst },
    report: {
      fileName,
      format: found.format,
      encoding: found.encoding?.name ?? null,
      delimiter: found.dialect?.delimiter ?? null,
      rowCount: summary.rowCount,
      raggedRows: summary.raggedRows,
      raggedRowCount: summary.raggedRowCount,
      blankRowCount: summary.blankRowCount,
      problems: summary.problems,
      elapsedMs: Date.now() - started,
    },
  }
}
