import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame, FrameColumn } from '../frame'
import { matrix } from '../matrix'
import { fitPca, pcaTransform, type PcaModel } from './pca'
import { requireDistinct } from './frameOps'
import { toMatrix } from './toMatrix'

type PcaFit = Extract<FittedStep, { kind: 'pca' }>

/**
 * Replaces the step's columns by principal components named `${prefix}1`, `${prefix}2`… placed where the first of
 * them was. Rows must be complete (see `toMatrix`). With `fitted`, projects on the stored components instead of
 * fitting. Scale first unless the columns share units: PCA follows the largest variances.
 */
export function pcaColumns(
  frame: Frame,
  step: StepOf<'pca'>,
  fitted?: PcaFit | null,
): { frame: Frame; fitted: PcaFit } {
  requireDistinct(step.columns)
  const { matrix: x } = toMatrix(frame, step.columns)
  const model = fitted
    ? modelFromFit(fitted, step.columns)
    : fitPca(x, { nComponents: step.nComponents, varianceToKeep: step.varianceToKeep })
  const scores = pcaTransform(model, x)
  const k = scores.cols
  const names = Array.from({ length: k }, (_, r) => `${step.prefix}${r + 1}`)
  const source = new Set(step.columns)
  for (const name of names) {
    if (frame.columns.some((c) => c.name === name && !source.has(c.name))) {
      throw new UserError(
        `Cannot create the column "${name}": a column with that name already exists. Choose another prefix.`,
        {
          code: 'prep.columnClash',
        },
      )
    }
  }
  const pcs: FrameColumn[] = names.map((name, r) => {
    const values = new Float64Array(frame.rowCount)
    for (let i = 0; i < frame.rowCount; i++) values[i] = scores.data[i * k + r]
    return { name, kind: 'number', values }
  })
  const first = frame.columns.findIndex((c) => source.has(c.name))
  const kept = frame.columns.filter((c) => !source.has(c.name))
  const position = frame.columns.slice(0, first).filter((c) => !source.has(c.name)).length
  const columns = [...kept.slice(0, position), ...pcs, ...kept.slice(position)]
  return { frame: { rowCount: frame.rowCount, columns }, fitted: fitFromModel(model, step.columns, names) }
}

export function fitFromModel(model: PcaModel, columns: readonly string[], outputColumns: readonly string[]): PcaFit {
  const { rows: k, cols: d } = model.components
  return {
    kind: 'pca',
    columns: [...columns],
    outputColumns: [...outputColumns],
    mean: [...model.mean],
    components: Array.from({ length: k }, (_, r) => [...model.components.data.subarray(r * d, (r + 1) * d)]),
    explainedVariance: [...model.explainedVariance],
    explainedVarianceRatio: [...model.explainedVarianceRatio],
    singularValues: [...model.singularValues],
    sampleCount: model.sampleCount,
  }
}

export function modelFromFit(fit: PcaFit, columns: readonly string[]): PcaModel {
  if (fit.columns.length !== columns.length || fit.columns.some((c, j) => c !== columns[j])) {
    throw new UserError(
      `This PCA was fitted on ${fit.columns.join(', ')}; the step now lists ${columns.join(', ')}. Refit it.`,
      {
        code: 'prep.staleFit',
      },
    )
  }
  const k = fit.components.length
  const d = fit.columns.length
  const data = new Float64Array(k * d)
  fit.components.forEach((row, r) => data.set(row, r * d))
  return {
    mean: Float64Array.from(fit.mean),
    components: matrix(k, d, data),
    explainedVariance: Float64Array.from(fit.explainedVariance),
    explainedVarianceRatio: Float64Array.from(fit.explainedVarianceRatio),
    singularValues: Float64Array.from(fit.singularValues),
    sampleCount: fit.sampleCount,
  }
}
