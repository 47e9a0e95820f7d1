import type { Task } from './types'
import { columnTyping, getDataset, iterateRows } from '../../store/repos/datasets'
import { currentSignatures, type ParsedColumn } from '../../store/repos/typedColumns'
import { toFrameColumn } from '../../formats/typing/toFrameColumn'
import { columnParse } from '../../formats/typing/columnParse'
import { ColumnEncoder, frameKindOf } from '../../formats/typing/columnCodec'

// Small enough that a chunk's strings die young (one scavenge, not a promotion to the old generation and a full
// collection), large enough that the per-query cost does not show.
const CHUNK_ROWS = 5_000

/** What the job streams to main, one column at a time; main stores each in one transaction before it acks. */
export interface TypedColumnsData {
  readonly datasetId: number
  readonly columns: readonly ParsedColumn[]
}

/**
 * Parses the given columns of each dataset once, exactly as `loadFrame` would from the text (same `toFrameColumn`,
 * same formats), and streams the typed values to main. The text is read in chunks, so only the typed columns of one
 * dataset are held at a time. A dataset deleted before its turn is skipped.
 */
export const typedColumns: Task<'typedColumns'> = async (spec, ctx) => {
  let stored = 0
  for (const [d, target] of spec.datasets.entries()) {
    const exists = ctx.db.prepare('SELECT 1 FROM datasets WHERE id = ?').get(target.datasetId) !== undefined
    if (!exists || target.positions.length === 0) continue
    const dataset = getDataset(ctx.db, target.datasetId)
    const typing = columnTyping(ctx.db, target.datasetId)
    const signatures = currentSignatures(ctx.db, target.datasetId)
    const columns = target.positions.map((position) => {
      const c = dataset.columns[position]
      const parse = columnParse(c.type, typing.columns[position].inference)
      return { c, parse, signature: signatures.get(position)!, encoder: new ColumnEncoder(dataset.rowCount) }
    })
    let done = 0
    const values: (string | null)[] = []
    for (const rows of iterateRows(ctx.db, target.datasetId, CHUNK_ROWS)) {
      values.length = rows.length
      for (const { c, parse, encoder } of columns) {
        for (let i = 0; i < rows.length; i++) values[i] = rows[i][c.position]
        encoder.add(toFrameColumn(c.name, values, parse))
      }
      done += rows.length
      await ctx.progress({
        fraction: (d + (dataset.rowCount ? done / dataset.rowCount : 1)) / spec.datasets.length,
        title: `Storing parsed columns of ${dataset.name}`,
        detail: `${done.toLocaleString('en')} of ${dataset.rowCount.toLocaleString('en')} rows`,
      })
    }
    // One column per piece: main then holds one column's values at a time (8 MB per million numbers), not the
    // whole table's; each column stands alone (its own signature), so a fill cut short keeps what it stored.
    for (const { c, signature, encoder } of columns) {
      const data: TypedColumnsData = {
        datasetId: target.datasetId,
        columns: [{ position: c.position, type: c.type, signature, column: encoder.finish(frameKindOf(c.type)) }],
      }
      await ctx.send(data)
      stored++
    }
  }
  return { columns: stored }
}
