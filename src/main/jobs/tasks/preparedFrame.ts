import type { Db } from '../../store/database'
import type { Frame } from '../../engine/frame'
import { applyPipeline } from '../../engine/prep'
import type { PrepStep } from '../../../shared/domain/prep'
import type { Progress } from '../../../shared/domain/jobs'
import { getDataset } from '../../store/repos/datasets'
import { loadFrame, stepsForModelling, type LoadedFrame } from './loadFrame'

/** A column the pipeline carries through untouched, so that every prepared row still knows its dataset row. */
const ROW_ID = '__segmentlab_row'

export interface PreparedFrame {
  readonly frame: Frame
  /** Dataset row of each prepared row; null when preparation kept every row, in order. */
  readonly rowIndex: Int32Array | null
  /** The dataset's modelling columns as imported, before any step: what "the file's units" means. */
  readonly raw: LoadedFrame
}

/**
 * The dataset as its recorded pipeline prepares it, for modelling. Steps that name no columns but mean "all columns"
 * (remove duplicates) are given the user's columns explicitly, so the row-id column never changes their meaning.
 */
export async function preparedFrame(
  db: Db,
  datasetId: number,
  steps: readonly PrepStep[],
  progress: (p: Progress) => Promise<void>,
): Promise<PreparedFrame> {
  const modelling = stepsForModelling(steps, getDataset(db, datasetId).columns)
  const raw = await loadFrame(db, datasetId, progress)
  const { frame } = raw
  const userColumns = frame.columns.map((c) => c.name)
  const ids = Float64Array.from({ length: frame.rowCount }, (_, i) => i)
  const withIds: Frame = {
    rowCount: frame.rowCount,
    columns: [...frame.columns, { name: ROW_ID, kind: 'number', values: ids }],
  }
  const result = applyPipeline(
    withIds,
    modelling.map((s) => keepRowIds(s, userColumns)),
  )
  const idColumn = result.frame.columns.find((c) => c.name === ROW_ID)
  const rows = idColumn ? (idColumn.values as Float64Array) : new Float64Array(0)
  const identity = rows.length === frame.rowCount && rows.every((v, i) => v === i)
  return {
    frame: { rowCount: result.frame.rowCount, columns: result.frame.columns.filter((c) => c.name !== ROW_ID) },
    rowIndex: identity ? null : Int32Array.from(rows),
    raw,
  }
}

function keepRowIds(step: PrepStep, userColumns: readonly string[]): PrepStep {
  if (step.kind === 'removeDuplicates' && step.columns === undefined) return { ...step, columns: [...userColumns] }
  if (step.kind === 'keepColumns') return { ...step, columns: [...step.columns, ROW_ID] }
  return step
}
