import type { FrameProfile } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { column } from '../frame'
import { duplicateIds, duplicateRows } from './duplicates'
import { profileColumn, type ColumnProfileOptions } from './profileColumn'

export interface FrameProfileOptions extends ColumnProfileOptions {
  /** Columns compared when looking for duplicate rows (default: all). */
  readonly duplicateColumns?: readonly string[]
  /** Column holding the customer id, checked for ids that repeat (default: none). */
  readonly idColumn?: string
}

/** Profile of every column plus duplicate rows and repeated ids. O(c·n log n). */
export function profileFrame(frame: Frame, options: FrameProfileOptions = {}): FrameProfile {
  const duplicateColumns = options.duplicateColumns ?? frame.columns.map((c) => c.name)
  if (options.idColumn !== undefined) column(frame, options.idColumn)
  return {
    rowCount: frame.rowCount,
    columns: frame.columns.map((c) => profileColumn(c, options)),
    duplicates: duplicateRows(frame, duplicateColumns, options.rowCap ?? 100),
    duplicateIds: options.idColumn === undefined ? null : duplicateIds(frame, options.idColumn),
  }
}
