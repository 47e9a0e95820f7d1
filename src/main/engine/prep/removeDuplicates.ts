import type { StepOf } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { repeatedRows } from '../profile/repeatedRows'
import { requireColumn, requireDistinct } from './frameOps'
import { selectRows } from './frameOps'

/** Keeps the first row of each group identical on the step's columns (all columns by default). O(n·c). */
export function removeDuplicates(frame: Frame, step: StepOf<'removeDuplicates'>): { frame: Frame; removed: number } {
  const columns = step.columns ?? frame.columns.map((c) => c.name)
  requireDistinct(columns)
  for (const name of columns) requireColumn(frame, name)
  const keep = repeatedRows(frame, columns).map((repeat) => 1 - repeat)
  let kept = 0
  for (let i = 0; i < keep.length; i++) kept += keep[i]
  return { frame: selectRows(frame, keep), removed: frame.rowCount - kept }
}
