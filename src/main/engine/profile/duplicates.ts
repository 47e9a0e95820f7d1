import type { FrameProfile } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { column } from '../frame'
import { rowKeys } from './rowKeys'

/** Rows identical to an earlier row on `columns` (exact raw values); the first of each group is not counted. O(n·c). */
export function duplicateRows(frame: Frame, columns: readonly string[], rowCap = 100): FrameProfile['duplicates'] {
  const seen = new Set<string>()
  const rows: number[] = []
  let count = 0
  const keys = rowKeys(frame, columns)
  for (let i = 0; i < keys.length; i++) {
    if (seen.has(keys[i])) {
      count++
      if (rows.length < rowCap) rows.push(i)
    } else seen.add(keys[i])
  }
  return { columns: [...columns], count, rows }
}

/** Ids that occur on more than one row (missing ids ignored), with the rows they cover and a few examples. */
export function duplicateIds(
  frame: Frame,
  idColumn: string,
  exampleCap = 10,
): NonNullable<FrameProfile['duplicateIds']> {
  const values = column(frame, idColumn).values
  const counts = new Map<string, number>()
  for (let i = 0; i < frame.rowCount; i++) {
    const v = values[i]
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue
    const key = String(v)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  let ids = 0
  let rows = 0
  const examples: string[] = []
  for (const [id, n] of counts) {
    if (n < 2) continue
    ids++
    rows += n
    if (examples.length < exampleCap) examples.push(id)
  }
  return { column: idColumn, ids, rows, examples }
}
