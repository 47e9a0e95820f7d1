import type { StepOf } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { requireColumn, requireDistinct } from './frameOps'

/** Drops or keeps the listed columns (kept columns stay in table order). Unknown names are an error, not ignored. */
export function selectColumns(frame: Frame, step: StepOf<'dropColumns'> | StepOf<'keepColumns'>): Frame {
  requireDistinct(step.columns)
  for (const name of step.columns) requireColumn(frame, name)
  const listed = new Set(step.columns)
  const keep = step.kind === 'keepColumns'
  return { rowCount: frame.rowCount, columns: frame.columns.filter((c) => listed.has(c.name) === keep) }
}
