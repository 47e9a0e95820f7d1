import type { Task } from './types'
import { getDataset } from '../../store/repos/datasets'
import { loadFrame, stepsForModelling } from './loadFrame'
import { applyPipeline } from '../../engine/prep'
import { profileFrame } from '../../engine/profile'
import type { FrameColumn } from '../../engine/frame'

const SAMPLE_ROWS = 50

export const prepPreview: Task<'prepPreview'> = async (spec, ctx) => {
  const steps = stepsForModelling(spec.steps, getDataset(ctx.db, spec.datasetId).columns)
  const loaded = await loadFrame(ctx.db, spec.datasetId, ctx.progress)
  await ctx.progress({ fraction: 0.6, title: 'Applying the preparation steps' })
  const result = applyPipeline(loaded.frame, steps)
  await ctx.progress({ fraction: 0.85, title: 'Profiling the prepared table' })
  const frame = result.frame
  const n = Math.min(SAMPLE_ROWS, frame.rowCount)
  const sampleRows = Array.from({ length: n }, (_, i) => frame.columns.map((c) => cell(c, i)))
  return {
    datasetId: spec.datasetId,
    effects: result.effects,
    rowCount: frame.rowCount,
    columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
    sampleRows,
    profile: profileFrame(frame),
  }
}

function cell(column: FrameColumn, i: number): string | number | null {
  if (column.kind === 'number') {
    const v = column.values[i]
    return Number.isNaN(v) ? null : Math.round(v * 1e6) / 1e6
  }
  if (column.kind === 'date') {
    const v = column.values[i]
    return Number.isNaN(v) ? null : new Date(v).toISOString().slice(0, 10)
  }
  return column.values[i]
}
