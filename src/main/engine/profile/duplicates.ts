import type { FrameProfile } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { column } from '../frame'
import { repeatedRows } from './repeatedRows'

/** Rows identical to an earlier row on `columns` (exact raw values); the first of each group is not counted. O(n·c). */
export function duplicateRows(frame: Frame, columns: readonly string[], rowCap = 100): FrameProfile['duplicates'] {
  const repeats = repeatedRows(frame, columns)
  const rows: number[] = []
  let count = 0
  for (let i = 0; i < repeats.length; i++) {
    if (repeats[i] === 0) continue
    count++
    if (rows.length < rowCap) rows.push(i)
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
