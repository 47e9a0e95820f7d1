import type { StepOf } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { rowKeys } from '../profile/rowKeys'
import { requireColumn, requireDistinct } from './frameOps'
import { selectRows } from './frameOps'

/** Keeps the first row of each group identical on the step's columns (all columns by default). O(n·c). */
export function removeDuplicates(frame: Frame, step: StepOf<'removeDuplicates'>): { frame: Frame; removed: number } {
  const columns = step.columns ?? frame.columns.map((c) => c.name)
  requireDistinct(columns)
  for (const name of columns) requireColumn(frame, name)
  const keys = rowKeys(frame, columns)
  const seen = new Set<string>()
  const keep = new Uint8Array(frame.rowCount)
  for (let i = 0; i < keys.length; i++) {
    if (seen.has(keys[i])) continue
    seen.add(keys[i])
    keep[i] = 1
  }
  return { frame: selectRows(frame, keep), removed: frame.rowCount - seen.size }
}
