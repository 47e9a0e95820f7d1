/**
 * Dense row-major matrix of float64 values: element (i, j) is `data[i * cols + j]`.
 * Every numeric kernel in the engine takes and returns this shape, so that data can be moved between processes and
 * threads as one transferable buffer, and hot loops never allocate per-row objects.
 */
export interface Matrix {
  readonly data: Float64Array
  readonly rows: number
  readonly cols: number
}

export function matrix(rows: number, cols: number, data: Float64Array = new Float64Array(rows * cols)): Matrix {
  if (data.length !== rows * cols) {
    throw new RangeError(`A ${rows}×${cols} matrix needs ${rows * cols} values; got ${data.length}.`)
  }
  return { data, rows, cols }
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length
  const data = new Float64Array(rows.length * cols)
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`Row ${i} has ${row.length} values; row 0 has ${cols}.`)
    data.set(row, i * cols)
  })
  return { data, rows: rows.length, cols }
}

/** Plain nested arrays, for JSON (the CLI's output, run summaries shown in the UI). */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))
}

export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols)
}

/** Half-open range of rows `[start, end)`: the unit of work that `jobs/` hands to one worker thread. */
export interface RowRange {
  readonly start: number
  readonly end: number
}
