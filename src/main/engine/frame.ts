/**
 * A column-oriented table with typed values: the engine's view of a dataset once its raw text has been parsed with the
 * column types the user confirmed. Missing numbers are NaN; missing categories are null.
 */
export type FrameColumn =
  | { readonly name: string; readonly kind: 'number'; readonly values: Float64Array }
  /** Dates as milliseconds since the Unix epoch (UTC), NaN when missing. */
  | { readonly name: string; readonly kind: 'date'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'category'; readonly values: readonly (string | null)[] }
  | { readonly name: string; readonly kind: 'text'; readonly values: readonly (string | null)[] }

export interface Frame {
  readonly rowCount: number
  readonly columns: readonly FrameColumn[]
}

export function column(frame: Frame, name: string): FrameColumn {
  const found = frame.columns.find((c) => c.name === name)
  if (!found)
    throw new RangeError(`No column named "${name}"; the table has ${frame.columns.map((c) => c.name).join(', ')}.`)
  return found
}

/** A column's values as labels (customer or invoice ids): text as it is, numbers written out, missing as null. */
export function labelsOf(column: FrameColumn): (string | null)[] {
  if (column.kind === 'category' || column.kind === 'text') return [...column.values]
  return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)))
}
