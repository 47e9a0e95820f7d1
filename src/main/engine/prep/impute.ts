import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame, FrameColumn } from '../frame'
import { moments } from '../profile/moments'
import { median } from '../profile/quantile'
import { isMissing, kindWords, replaceColumns, requireColumn, requireDistinct, selectRows } from './frameOps'

type ImputeFit = Extract<FittedStep, { kind: 'impute' }>

export interface ImputeOutcome {
  readonly frame: Frame
  readonly fitted: ImputeFit | null
  /** Values filled per column (0 for `dropRows`). */
  readonly filled: Record<string, number>
  readonly removedRows: number
}

/**
 * Fills missing values with the column's mean, median or most frequent value (ties: the smallest, as scikit-learn's
 * SimpleImputer), or a constant; or drops the rows missing any of the columns. With `fitted`, fills with the values
 * learnt before instead of learning new ones. Mean and median ignore missing values. O(n) per column (median O(n log n)).
 */
export function impute(frame: Frame, step: StepOf<'impute'>, fitted?: ImputeFit | null): ImputeOutcome {
  requireDistinct(step.columns)
  const cols = step.columns.map((name) => requireColumn(frame, name))
  if (step.strategy === 'dropRows') return dropMissingRows(frame, cols)

  const fill: Record<string, number | string> = {}
  const filled: Record<string, number> = {}
  const replaced: FrameColumn[] = []
  for (const col of cols) {
    const value = fitted?.fill[col.name] ?? learnFill(col, step)
    fill[col.name] = value
    const { column, count } = fillColumn(col, value)
    replaced.push(column)
    filled[col.name] = count
  }
  return { frame: replaceColumns(frame, replaced), fitted: { kind: 'impute', fill }, filled, removedRows: 0 }
}

function learnFill(col: FrameColumn, step: StepOf<'impute'>): number | string {
  const strategy = step.strategy
  if (strategy === 'constant') return constantFor(col, step.value)
  if (strategy === 'mode') return mode(col)
  if (col.kind !== 'number') {
    throw new UserError(
      `Filling with the ${strategy} needs numbers, but "${col.name}" holds ${kindWords[col.kind]}. Use the most frequent value instead.`,
      {
        code: 'prep.notNumeric',
      },
    )
  }
  const value = strategy === 'mean' ? moments(col.values).mean : median(col.values)
  if (Number.isNaN(value))
    throw new UserError(`"${col.name}" has no values at all, so there is no ${strategy} to fill with.`, {
      code: 'prep.empty',
    })
  return value
}

function constantFor(col: FrameColumn, value: number | string | undefined): number | string {
  if (value === undefined)
    throw new UserError(`Say which value to fill "${col.name}" with.`, { code: 'prep.missingValue' })
  if (col.kind === 'category' || col.kind === 'text') return String(value)
  const n =
    typeof value === 'number'
      ? value
      : col.kind === 'date'
        ? Date.parse(value)
        : value.trim() === ''
          ? NaN
          : Number(value)
  if (!Number.isFinite(n)) {
    throw new UserError(`"${col.name}" holds ${kindWords[col.kind]}, so it cannot be filled with "${value}".`, {
      code: 'prep.badValue',
    })
  }
  return n
}

function mode(col: FrameColumn): number | string {
  const counts = new Map<number | string, number>()
  for (const v of col.values)
    if (!isMissing(v)) counts.set(v as number | string, (counts.get(v as number | string) ?? 0) + 1)
  let best: number | string | undefined
  let bestCount = 0
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && v < best)) {
      best = v
      bestCount = c
    }
  }
  if (best === undefined)
    throw new UserError(`"${col.name}" has no values at all, so there is no most frequent value.`, {
      code: 'prep.empty',
    })
  return best
}

function fillColumn(col: FrameColumn, value: number | string): { column: FrameColumn; count: number } {
  let count = 0
  if (col.kind === 'number' || col.kind === 'date') {
    if (typeof value !== 'number')
      throw new UserError(`"${col.name}" holds ${kindWords[col.kind]} and cannot be filled with "${value}".`)
    const out = Float64Array.from(col.values)
    for (let i = 0; i < out.length; i++) {
      if (Number.isNaN(out[i])) {
        out[i] = value
        count++
      }
    }
    return { column: { ...col, values: out }, count }
  }
  const text = String(value)
  const out = col.values.map((v) => {
    if (v !== null) return v
    count++
    return text
  })
  return { column: { ...col, values: out }, count }
}

function dropMissingRows(frame: Frame, cols: readonly FrameColumn[]): ImputeOutcome {
  const keep = new Uint8Array(frame.rowCount).fill(1)
  for (const col of cols) for (let i = 0; i < frame.rowCount; i++) if (isMissing(col.values[i])) keep[i] = 0
  const out = selectRows(frame, keep)
  return { frame: out, fitted: null, filled: {}, removedRows: frame.rowCount - out.rowCount }
}
