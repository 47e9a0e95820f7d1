/**
 * Checks at the door of every clustering and metric function. Messages name the offending value in words a user can
 * act on; row and column numbers are 1-based because that is how people count rows in a spreadsheet.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'

/** Shape only (O(1)): a Float64Array of rows × cols values, at least one row and one column. */
export function checkShape(x: Matrix, what = 'The data'): void {
  if (!x || !(x.data instanceof Float64Array)) {
    throw new UserError(`${what} is not a numeric table.`, { code: 'invalid-input' })
  }
  if (!Number.isInteger(x.rows) || !Number.isInteger(x.cols) || x.data.length !== x.rows * x.cols) {
    throw new UserError(`${what} is malformed.`, {
      detail: `rows=${x.rows} cols=${x.cols} data.length=${x.data.length}`,
      code: 'invalid-input',
    })
  }
  if (x.rows === 0) throw new UserError(`${what} has no rows.`, { code: 'invalid-input' })
  if (x.cols === 0) throw new UserError(`${what} has no columns to cluster on.`, { code: 'invalid-input' })
}

/** Shape, and every value finite: the message names the first missing or infinite cell. O(n·d). */
export function checkMatrix(x: Matrix, what = 'The data'): void {
  checkShape(x, what)
  const data = x.data
  for (let i = 0; i < data.length; i++) {
    const v = data[i]
    // `v - v` is NaN for NaN and ±Infinity alone: one subtraction per value instead of a call.
    if (v - v !== 0) {
      const r = Math.floor(i / x.cols)
      const c = i % x.cols
      throw new UserError(
        `Row ${(r + 1).toLocaleString('en-US')}, column ${c + 1} is ${Number.isNaN(v) ? 'missing' : 'infinite'}; ` +
          'fill in or remove missing values before clustering.',
        { detail: `value=${v} at flat index ${i}`, code: 'non-finite' },
      )
    }
  }
}

export function checkK(k: number, rows: number, what = 'The number of segments'): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new UserError(`${what} must be a whole number of at least 1; got ${k}.`, { code: 'invalid-k' })
  }
  if (k > rows) {
    throw new UserError(`${what} (${k}) cannot exceed the number of rows (${rows}).`, { code: 'invalid-k' })
  }
}

export function checkPositiveInteger(value: number, name: string, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new UserError(`${name} must be a whole number of at least ${min}; got ${value}.`, { code: 'invalid-option' })
  }
}

export function checkNonNegative(value: number, name: string): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new UserError(`${name} must be zero or a positive number; got ${value}.`, { code: 'invalid-option' })
  }
}

/**
 * Labels for a metric: one per row, whole numbers ≥ 0 (scikit-learn accepts any hashable; the engine only ever
 * produces 0..k-1, and a negative label would usually mean "noise", which these metrics do not define).
 */
export function checkLabels(labels: ArrayLike<number>, rows: number, what = 'The segment labels'): void {
  if (labels.length !== rows) {
    throw new UserError(`${what} cover ${labels.length} rows but the data has ${rows}.`, { code: 'invalid-labels' })
  }
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]
    if (!Number.isInteger(v) || v < 0) {
      throw new UserError(`${what}: row ${i + 1} has label ${v}; labels must be whole numbers from 0.`, {
        code: 'invalid-labels',
      })
    }
  }
}
