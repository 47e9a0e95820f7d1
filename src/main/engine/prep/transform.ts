import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame } from '../frame'
import { formatCount } from '../profile/wording'
import { replaceColumns, requireDistinct, requireNumber, type NumberColumn } from './frameOps'
import { boxCox, boxCoxInverse, fitBoxCox, fitYeoJohnson, yeoJohnson, yeoJohnsonInverse } from './powerTransform'

type TransformFit = Extract<FittedStep, { kind: 'transform' }>

/**
 * log1p, Yeo-Johnson or Box-Cox per column. The power transforms learn one lambda per column (or reuse `fitted`);
 * unlike scikit-learn's PowerTransformer they do not standardise afterwards — add a scale step for that. O(n) per
 * column per likelihood evaluation (about 20–40 evaluations).
 */
export function transformColumns(
  frame: Frame,
  step: StepOf<'transform'>,
  fitted?: TransformFit | null,
): { frame: Frame; fitted: TransformFit } {
  requireDistinct(step.columns)
  const cols = step.columns.map((name) => requireNumber(frame, name, describe(step.method)))
  const lambdas: Record<string, number> = {}
  const replaced = cols.map((col) => {
    checkDomain(col, step.method)
    if (step.method === 'log1p') return { ...col, values: col.values.map(Math.log1p) }
    const lambda =
      fitted?.lambdas[col.name] ?? (step.method === 'boxCox' ? fitBoxCox(col.values) : fitYeoJohnson(col.values))
    lambdas[col.name] = lambda
    const f = step.method === 'boxCox' ? boxCox : yeoJohnson
    return { ...col, values: col.values.map((v) => f(v, lambda)) }
  })
  return { frame: replaceColumns(frame, replaced), fitted: { kind: 'transform', method: step.method, lambdas } }
}

/** Back to original units: a cluster centre in transformed space becomes one in the column's own units. */
export function inverseTransformValue(fitted: TransformFit, columnName: string, y: number): number {
  if (fitted.method === 'log1p') return Math.expm1(y)
  const lambda = fitted.lambdas[columnName]
  if (lambda === undefined) throw new RangeError(`The transform was not fitted on "${columnName}".`)
  return fitted.method === 'boxCox' ? boxCoxInverse(y, lambda) : yeoJohnsonInverse(y, lambda)
}

function describe(method: StepOf<'transform'>['method']): string {
  return method === 'log1p'
    ? 'A log transform'
    : method === 'boxCox'
      ? 'A Box-Cox transform'
      : 'A Yeo-Johnson transform'
}

function checkDomain(col: NumberColumn, method: StepOf<'transform'>['method']): void {
  if (method === 'yeoJohnson') return
  const limit = method === 'log1p' ? -1 : 0
  let bad = 0
  let example = NaN
  for (const v of col.values) {
    if (v <= limit) {
      bad++
      if (Number.isNaN(example)) example = v
    }
  }
  if (bad === 0) return
  const rule = method === 'log1p' ? 'values above −1' : 'values above zero'
  throw new UserError(
    `${describe(method)} needs ${rule}, but "${col.name}" has ${formatCount(bad)} that ${bad === 1 ? 'is' : 'are'} not (for example ${example}). Use Yeo-Johnson instead.`,
    { code: 'prep.outOfDomain' },
  )
}
