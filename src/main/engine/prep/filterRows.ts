import type { RowCondition, StepOf } from '../../../shared/domain/prep'
import { assertNever, UserError } from '../../../shared/errors'
import type { Frame, FrameColumn } from '../frame'
import { isMissing, kindWords, requireColumn, selectRows } from './frameOps'

/**
 * Keeps the rows matching all (or any) conditions. SQL semantics for missing values: a missing value satisfies no
 * comparison and no `in` list ("Country != UK" drops rows with no country); only `isMissing` selects them. O(n·k).
 */
export function filterRows(frame: Frame, step: StepOf<'filterRows'>): { frame: Frame; removed: number } {
  const tests = step.conditions.map((c) => compile(requireColumn(frame, c.column), c))
  const keep = new Uint8Array(frame.rowCount)
  let kept = 0
  for (let i = 0; i < frame.rowCount; i++) {
    const ok = step.combine === 'any' ? tests.some((t) => t(i)) : tests.every((t) => t(i))
    if (ok) {
      keep[i] = 1
      kept++
    }
  }
  return { frame: selectRows(frame, keep), removed: frame.rowCount - kept }
}

type RowTest = (row: number) => boolean

function compile(col: FrameColumn, c: RowCondition): RowTest {
  const values = col.values
  switch (c.op) {
    case 'isMissing':
      return (i) => isMissing(values[i])
    case 'notMissing':
      return (i) => !isMissing(values[i])
    case 'in': {
      const set = new Set(c.values.map((v) => operand(col, v, c.op)))
      return (i) => !isMissing(values[i]) && set.has(values[i] as number | string)
    }
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (col.kind !== 'number' && col.kind !== 'date' && c.op !== '==' && c.op !== '!=') {
        throw new UserError(
          `"${c.op}" compares numbers or dates, but "${col.name}" holds ${kindWords[col.kind]}. Use "is" or "is one of".`,
          {
            code: 'prep.badCondition',
          },
        )
      }
      const value = operand(col, c.value, c.op)
      const cmp = comparator(c.op)
      return (i) => !isMissing(values[i]) && cmp(values[i] as number | string, value)
    }
    default:
      return assertNever(c, 'condition')
  }
}

function comparator(op: '<' | '<=' | '>' | '>=' | '==' | '!='): (a: number | string, b: number | string) => boolean {
  switch (op) {
    case '<':
      return (a, b) => a < b
    case '<=':
      return (a, b) => a <= b
    case '>':
      return (a, b) => a > b
    case '>=':
      return (a, b) => a >= b
    case '==':
      return (a, b) => a === b
    case '!=':
      return (a, b) => a !== b
  }
}

/** The condition's value in the column's own terms: a number, epoch ms for dates, text for categories. */
function operand(col: FrameColumn, value: number | string, op: string): number | string {
  if (col.kind === 'category' || col.kind === 'text') return String(value)
  if (typeof value === 'number') {
    if (Number.isNaN(value))
      throw new UserError(`The condition on "${col.name}" compares with an empty value; use "is missing".`)
    return value
  }
  const parsed = col.kind === 'date' ? Date.parse(value) : value.trim() === '' ? NaN : Number(value)
  if (Number.isNaN(parsed)) {
    const expected = col.kind === 'date' ? 'a date such as 2011-06-30' : 'a number'
    throw new UserError(`The condition "${col.name} ${op} ${value}" needs ${expected}; "${value}" is not one.`, {
      code: 'prep.badCondition',
    })
  }
  return parsed
}
