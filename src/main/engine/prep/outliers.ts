import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame } from '../frame'
import { quantileSorted, sortedPresent } from '../profile/quantile'
import { replaceColumns, requireDistinct, requireNumber, selectRows, type NumberColumn } from './frameOps'

type OutlierFit = Extract<FittedStep, { kind: 'outliers' }>

export interface OutlierOutcome {
  readonly frame: Frame
  readonly fitted: OutlierFit
  /** Values outside the bounds per column: capped, or (for `removeRows`) found on removed rows. */
  readonly outside: Record<string, number>
  readonly removedRows: number
}

/**
 * Caps values at, or removes rows outside, per-column bounds: Tukey's fences Q1 − k·IQR and Q3 + k·IQR (k = 1.5 by
 * default), or the `lower` and `upper` quantiles (numpy 'linear'), learnt from the present values or taken from
 * `fitted`. Missing values are left alone; a row is removed when any of its values lies strictly outside. O(n log n).
 */
export function handleOutliers(frame: Frame, step: StepOf<'outliers'>, fitted?: OutlierFit | null): OutlierOutcome {
  requireDistinct(step.columns)
  if (step.method === 'percentile' && !(step.lower < step.upper)) {
    throw new UserError(`The lower percentile (${step.lower}) must be below the upper one (${step.upper}).`, {
      code: 'prep.badParameter',
    })
  }
  const cols = step.columns.map((name) => requireNumber(frame, name, 'Handling outliers'))
  const bounds: Record<string, { lower: number; upper: number }> = {}
  for (const col of cols) bounds[col.name] = fitted?.bounds[col.name] ?? learnBounds(col, step)

  const outside: Record<string, number> = {}
  if (step.action === 'cap') {
    const capped = cols.map((col) => {
      const { lower, upper } = bounds[col.name]
      const out = Float64Array.from(col.values)
      let n = 0
      for (let i = 0; i < out.length; i++) {
        const v = out[i]
        if (!(v < lower || v > upper)) continue
        out[i] = v < lower ? lower : upper
        n++
      }
      outside[col.name] = n
      return { ...col, values: out }
    })
    return { frame: replaceColumns(frame, capped), fitted: { kind: 'outliers', bounds }, outside, removedRows: 0 }
  }
  const keep = new Uint8Array(frame.rowCount).fill(1)
  for (const col of cols) {
    const { lower, upper } = bounds[col.name]
    let n = 0
    for (let i = 0; i < frame.rowCount; i++) {
      const v = col.values[i]
      if (v < lower || v > upper) {
        keep[i] = 0
        n++
      }
    }
    outside[col.name] = n
  }
  const out = selectRows(frame, keep)
  return { frame: out, fitted: { kind: 'outliers', bounds }, outside, removedRows: frame.rowCount - out.rowCount }
}

function learnBounds(col: NumberColumn, step: StepOf<'outliers'>): { lower: number; upper: number } {
  const sorted = sortedPresent(col.values)
  if (sorted.length === 0)
    throw new UserError(`"${col.name}" has no values, so it has no outliers to handle.`, { code: 'prep.empty' })
  if (step.method === 'percentile')
    return { lower: quantileSorted(sorted, step.lower), upper: quantileSorted(sorted, step.upper) }
  const q1 = quantileSorted(sorted, 0.25)
  const q3 = quantileSorted(sorted, 0.75)
  return { lower: q1 - step.iqrMultiplier * (q3 - q1), upper: q3 + step.iqrMultiplier * (q3 - q1) }
}
