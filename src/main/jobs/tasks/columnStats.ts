import type { Task } from './types'
import { getDataset, iterateRows } from '../../store/repos/datasets'
import { createRawColumnStats } from '../../engine/stats/rawColumnStats'

const CHUNK_ROWS = 20_000

export const columnStats: Task<'columnStats'> = async (spec, ctx) => {
  const dataset = getDataset(ctx.db, spec.datasetId)
  const stats = createRawColumnStats(dataset.columns.map((c) => c.name))
  let done = 0
  for (const rows of iterateRows(ctx.db, spec.datasetId, CHUNK_ROWS)) {
    stats.add(rows)
    done += rows.length
    await ctx.progress({
      fraction: dataset.rowCount === 0 ? 1 : done / dataset.rowCount,
      title: `Computing column statistics for ${dataset.name}`,
      detail: `${done.toLocaleString('en')} of ${dataset.rowCount.toLocaleString('en')} rows`,
    })
  }
  return { datasetId: spec.datasetId, columns: stats.finish() }
}
