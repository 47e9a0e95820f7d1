import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame } from '../frame'
import { moments } from '../profile/moments'
import { quantileSorted, sortedPresent } from '../profile/quantile'
import { replaceColumns, requireDistinct, requireNumber, type NumberColumn } from './frameOps'

type ScaleFit = Extract<FittedStep, { kind: 'scale' }>

/**
 * Puts columns on comparable scales so that no column dominates distances just by its units, as scikit-learn's
 * scalers do: `standard` (x − mean) / population std (StandardScaler), `minMax` (x − min) / (max − min)
 * (MinMaxScaler to [0, 1]), `robust` (x − median) / (Q3 − Q1) (RobustScaler, numpy 'linear' quartiles). A zero
 * spread becomes 1, as in scikit-learn, so constant columns map to 0 instead of NaN. Missing values are ignored when
 * fitting and stay missing. With `fitted`, reuses the learnt centre and scale. O(n) (robust: O(n log n)).
 */
export function scaleColumns(
  frame: Frame,
  step: StepOf<'scale'>,
  fitted?: ScaleFit | null,
): { frame: Frame; fitted: ScaleFit } {
  requireDistinct(step.columns)
  const cols = step.columns.map((name) => requireNumber(frame, name, 'Scaling'))
  const centre: Record<string, number> = {}
  const scale: Record<string, number> = {}
  const replaced = cols.map((col) => {
    const learnt =
      fitted && col.name in fitted.centre
        ? { centre: fitted.centre[col.name], scale: fitted.scale[col.name] }
        : learn(col, step.method)
    centre[col.name] = learnt.centre
    scale[col.name] = learnt.scale
    return { ...col, values: col.values.map((v) => (v - learnt.centre) / learnt.scale) }
  })
  return { frame: replaceColumns(frame, replaced), fitted: { kind: 'scale', centre, scale } }
}

/** Original units from scaled ones: x = x'·scale + centre. */
export function unscaleValue(fitted: ScaleFit, columnName: string, scaled: number): number {
  const c = fitted.centre[columnName]
  if (c === undefined) throw new RangeError(`The scaler was not fitted on "${columnName}".`)
  return scaled * fitted.scale[columnName] + c
}

function learn(col: NumberColumn, method: StepOf<'scale'>['method']): { centre: number; scale: number } {
  const m = moments(col.values)
  if (m.count === 0) throw new UserError(`"${col.name}" has no values to scale.`, { code: 'prep.empty' })
  const nonZero = (s: number) => (s === 0 || !Number.isFinite(s) ? 1 : s)
  if (method === 'standard') return { centre: m.mean, scale: nonZero(m.populationStd) }
  const sorted = sortedPresent(col.values)
  if (method === 'minMax') return { centre: sorted[0], scale: nonZero(sorted[sorted.length - 1] - sorted[0]) }
  if (method === 'robust') {
    return {
      centre: quantileSorted(sorted, 0.5),
      scale: nonZero(quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)),
    }
  }
  throw new UserError(`Unknown scaling method "${String(method)}".`)
}
