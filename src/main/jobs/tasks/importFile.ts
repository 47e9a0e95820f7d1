import { basename } from 'node:path'
import type { Task } from './types'
import { readRows, sniff, createTypeAccumulator } from '../../formats'
import type { ImportedColumn } from '../../../shared/domain/jobs'
import { startStagingWriter } from '../parallel/stagingWriter'

const PROGRESS_EVERY_MS = 100
const BATCH_ROWS = 2_000

/**
 * Imports a file in two threads: a worker writes the rows into the staging table main named (see
 * stagingWriterWorker.ts) while this thread types every column from all rows. A text file is read by both threads;
 * a workbook by this one, which hands the rows over. The result carries the column types and the import report;
 * main then renames the table into a dataset, or drops it if anything failed.
 */
export const importFile: Task<'importFile'> = async (spec, ctx) => {
  const started = Date.now()
  const fileName = basename(spec.path)
  const found = await sniff(spec.path, spec.settings)
  const types = createTypeAccumulator(found.header, {
    decimalHint: found.decimalHint,
    generatedNames: !found.hasHeader,
  })
  const handOver = found.format === 'xlsx'
  const typing = new AbortController()
  let typedBytes = 0
  let lastReport = 0
  const report = () => {
    const now = Date.now()
    if (now - lastReport < PROGRESS_EVERY_MS) return
    lastReport = now
    const bytes = handOver ? typedBytes : Math.min(typedBytes, writer.progress.bytesRead)
    void ctx.progress({
      fraction: found.byteLength > 0 ? Math.min(1, bytes / found.byteLength) : null,
      title: `Importing ${fileName}`,
      detail: `${writer.progress.rows.toLocaleString('en')} rows read`,
    })
  }
  const writer = startStagingWriter(
    {
      projectPath: ctx.projectPath,
      sqliteBinding: ctx.sqliteBinding,
      table: spec.stagingTable,
      sniff: found,
      batchSize: BATCH_ROWS,
      source: handOver ? 'sent' : 'read',
    },
    { entry: ctx.stagingWriterWorker, onProgress: report, onFailure: () => typing.abort() },
  )
  let summary: Awaited<ReturnType<typeof readRows>>
  let stored: number
  try {
    summary = await readRows(
      found,
      {
        batchSize: BATCH_ROWS,
        signal: typing.signal,
        onProgress: (p) => {
          typedBytes = p.bytesRead
          report()
        },
      },
      async (rows) => {
        types.addRows(rows)
        if (handOver) await writer.send(rows)
      },
    )
    if (handOver) writer.end()
    stored = await writer.done
  } catch (error) {
    await writer.stop()
    // When the writer failed (a full disk, say), this thread's abort only followed: the writer's error says why.
    if (typing.signal.aborted) await writer.done
    throw error
  }
  if (stored !== summary.rowCount) {
    throw new Error(
      `The staging table holds ${stored} rows of the ${summary.rowCount} read: the writer and the typing saw different files.`,
    )
  }
  const table = types.finish()
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
