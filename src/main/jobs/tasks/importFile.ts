import { basename } from 'node:path'
import type { Task } from './types'
import { readRows, sniff, createTypeAccumulator } from '../../formats'
import type { ReadProgress } from '../../formats/types'
import type { ImportedColumn } from '../../../shared/domain/jobs'

const PROGRESS_EVERY_MS = 100

/**
 * Reads a file in this job process and streams its rows to main in batches (main stores them in a staging table),
 * typing every column from all rows on the way. The result carries the column types and the import report.
 */
export const importFile: Task<'importFile'> = async (spec, ctx) => {
  const started = Date.now()
  const fileName = basename(spec.path)
  const found = await sniff(spec.path, spec.settings)
  const types = createTypeAccumulator(found.header, {
    decimalHint: found.decimalHint,
    generatedNames: !found.hasHeader,
  })
  let lastReport = 0
  const onProgress = (p: ReadProgress) => {
    const now = Date.now()
    if (now - lastReport < PROGRESS_EVERY_MS) return
    lastReport = now
    void ctx.progress({
      fraction: p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : null,
      title: `Importing ${fileName}`,
      detail: `${p.rowsRead.toLocaleString('en')} rows read`,
    })
  }
  const summary = await readRows(found, { onProgress, batchSize: 2_000 }, async (rows) => {
    types.addRows(rows)
    await ctx.send(rows)
  })
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
