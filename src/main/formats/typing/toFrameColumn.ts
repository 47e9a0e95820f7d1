import type { FrameColumn } from '../../engine/frame'
import { parseBoolean } from './booleans'
import { parseDate } from './dateFormat'
import { isMissing } from './missing'
import { numberReader } from './numberFormat'
import type { InferredColumn } from './typeAccumulator'

/** Labels a yes/no column gets in the engine: the same two words whatever the file said (Yes/No, 1/0, TRUE/FALSE). */
export const booleanCategoryLabels = { true: 'Yes', false: 'No' } as const

/**
 * Converts a column's raw text to a typed engine column with the (possibly user-overridden) type:
 * number → Float64Array (NaN when missing or not a number), date → epoch ms (NaN likewise), boolean → category
 * "Yes"/"No" (the engine has no boolean kind; a two-level category one-hot encodes to the same 0/1), id and category
 * → trimmed labels, text → raw text. Missing markers become NaN / null.
 */
export function toFrameColumn(
  name: string,
  rawValues: readonly (string | null)[],
  column: Pick<InferredColumn, 'type' | 'numberFormat' | 'dateFormat'>,
): FrameColumn {
  const n = rawValues.length
  switch (column.type) {
    case 'number': {
      if (!column.numberFormat) throw new RangeError(`Column "${name}" is typed as number but has no number format.`)
      const read = numberReader(column.numberFormat)
      const values = new Float64Array(n)
      for (let i = 0; i < n; i++) values[i] = read(rawValues[i])
      return { name, kind: 'number', values }
    }
    case 'date': {
      if (!column.dateFormat) throw new RangeError(`Column "${name}" is typed as date but has no date format.`)
      const values = new Float64Array(n)
      for (let i = 0; i < n; i++) values[i] = parseDate(rawValues[i], column.dateFormat)
      return { name, kind: 'date', values }
    }
    case 'boolean': {
      const values = rawValues.map((raw) => {
        const b = parseBoolean(raw)
        return b === null ? null : b ? booleanCategoryLabels.true : booleanCategoryLabels.false
      })
      return { name, kind: 'category', values }
    }
    case 'id':
    case 'category':
      return {
        name,
        kind: 'category',
        values: rawValues.map((raw) => (raw == null || isMissing(raw) ? null : raw.trim())),
      }
    case 'text':
      return { name, kind: 'text', values: rawValues.map((raw) => (raw == null || isMissing(raw) ? null : raw)) }
  }
}
