/** Small immutable operations on Frames that every step needs: look up typed columns, subset rows, swap columns. */
import { UserError } from '../../../shared/errors'
import type { Frame, FrameColumn } from '../frame'

export type NumberColumn = Extract<FrameColumn, { kind: 'number' }>

export function isMissing(v: number | string | null): boolean {
  return v === null || (typeof v === 'number' && Number.isNaN(v))
}

/** The column, or a UserError naming it and the columns that do exist. */
export function requireColumn(frame: Frame, name: string): FrameColumn {
  const found = frame.columns.find((c) => c.name === name)
  if (!found) {
    throw new UserError(
      `There is no column called "${name}". The table has: ${frame.columns.map((c) => c.name).join(', ')}.`,
      {
        code: 'prep.unknownColumn',
      },
    )
  }
  return found
}

/** A numeric column, or a UserError saying why `purpose` needs numbers. */
export function requireNumber(frame: Frame, name: string, purpose: string): NumberColumn {
  const col = requireColumn(frame, name)
  if (col.kind !== 'number') {
    throw new UserError(`${purpose} needs numbers, but "${name}" holds ${kindWords[col.kind]}.`, {
      code: 'prep.notNumeric',
    })
  }
  return col
}

export const kindWords: Record<FrameColumn['kind'], string> = {
  number: 'numbers',
  date: 'dates',
  category: 'categories',
  text: 'text',
}

export function requireDistinct(columns: readonly string[]): void {
  const seen = new Set<string>()
  for (const c of columns) {
    if (seen.has(c)) throw new UserError(`The column "${c}" is listed twice.`, { code: 'prep.duplicateColumn' })
    seen.add(c)
  }
}

/** The rows where `keep[i]` is 1, in order, in every column. */
export function selectRows(frame: Frame, keep: Uint8Array): Frame {
  let rowCount = 0
  for (let i = 0; i < frame.rowCount; i++) rowCount += keep[i]
  if (rowCount === frame.rowCount) return frame
  const columns = frame.columns.map((c): FrameColumn => {
    if (c.kind === 'number' || c.kind === 'date') {
      const out = new Float64Array(rowCount)
      for (let i = 0, j = 0; i < frame.rowCount; i++) if (keep[i]) out[j++] = c.values[i]
      return { ...c, values: out }
    }
    const out: (string | null)[] = []
    for (let i = 0; i < frame.rowCount; i++) if (keep[i]) out.push(c.values[i])
    return { ...c, values: out }
  })
  return { rowCount, columns }
}

/** Replaces columns by name, keeping their position; `replacements` must have the frame's row count. */
export function replaceColumns(frame: Frame, replacements: readonly FrameColumn[]): Frame {
  const byName = new Map(replacements.map((c) => [c.name, c]))
  return { rowCount: frame.rowCount, columns: frame.columns.map((c) => byName.get(c.name) ?? c) }
}

/**
 * Replaces each named column by a group of new columns at its position (one-hot), refusing a new name that clashes
 * with a column that stays.
 */
export function expandColumns(frame: Frame, expansions: ReadonlyMap<string, readonly FrameColumn[]>): Frame {
  const staying = new Set(frame.columns.filter((c) => !expansions.has(c.name)).map((c) => c.name))
  const columns: FrameColumn[] = []
  for (const c of frame.columns) {
    const group = expansions.get(c.name)
    if (!group) {
      columns.push(c)
      continue
    }
    for (const added of group) {
      if (staying.has(added.name)) {
        throw new UserError(`Cannot create the column "${added.name}": a column with that name already exists.`, {
          code: 'prep.columnClash',
        })
      }
      columns.push(added)
    }
  }
  return { rowCount: frame.rowCount, columns }
}
