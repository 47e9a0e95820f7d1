import type { Frame, FrameColumn } from '../frame'
import { column } from '../frame'

/**
 * One string per row that is equal for two rows exactly when their raw values are equal on `columns`: the key used
 * to find duplicate rows (profiling and the remove-duplicates step). Text is JSON-quoted so that the number 1, the
 * text "1" and a missing value never collide; NaN and null both mean missing and compare equal, as they should.
 */
export function rowKeys(frame: Frame, columns: readonly string[]): string[] {
  const cols: FrameColumn[] = columns.map((name) => column(frame, name))
  const keys = new Array<string>(frame.rowCount).fill('')
  for (const c of cols) {
    const values = c.values
    for (let i = 0; i < frame.rowCount; i++) {
      const v = values[i]
      const token =
        v === null || (typeof v === 'number' && Number.isNaN(v))
          ? '~'
          : typeof v === 'number'
            ? String(v)
            : JSON.stringify(v)
      keys[i] += token + ','
    }
  }
  return keys
}
