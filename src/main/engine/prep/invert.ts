import type { FittedStep, PrepStep } from '../../../shared/domain/prep'
import type { Frame, FrameColumn } from '../frame'
import { matrix } from '../matrix'
import { ageToBirthYear } from './ageStep'
import { pcaInverse } from './pca'
import { modelFromFit } from './pcaStep'
import { unscaleValue } from './scale'
import { inverseTransformValue } from './transform'

/**
 * Maps points in the prepared space (cluster centres, typically) back to the original units by undoing, last step
 * first, the invertible steps: PCA (exact when all components were kept), scaling, power/log transforms, and ages
 * (back to years of birth, under the year's column name). Other steps act on rows or categories and have nothing to
 * undo for a point, so their columns pass through — one-hot columns stay as shares between 0 and 1. Columns a step
 * did not touch are left alone.
 */
export function toOriginalUnits(
  points: Frame,
  steps: readonly PrepStep[],
  fitted: readonly (FittedStep | null)[],
): Frame {
  if (fitted.length !== steps.length)
    throw new RangeError(`Got parameters for ${fitted.length} steps but the pipeline has ${steps.length}.`)
  let current = points
  for (let s = steps.length - 1; s >= 0; s--) {
    const fit = fitted[s]
    if (!fit || steps[s].enabled === false) continue
    if (fit.kind === 'scale')
      current = mapColumns(current, Object.keys(fit.centre), (name, v) => unscaleValue(fit, name, v))
    else if (fit.kind === 'transform') {
      const names = steps[s].kind === 'transform' ? (steps[s] as Extract<PrepStep, { kind: 'transform' }>).columns : []
      current = mapColumns(current, names, (name, v) => inverseTransformValue(fit, name, v))
    } else if (fit.kind === 'pca') current = undoPca(current, fit)
    else if (fit.kind === 'age') current = undoAge(current, fit)
  }
  return current
}

/** Ages back to years of birth, renamed back in place, so that undoing an earlier step finds the column it made. */
function undoAge(frame: Frame, fit: Extract<FittedStep, { kind: 'age' }>): Frame {
  const yearOf = new Map(Object.entries(fit.columns).map(([year, age]) => [age, year]))
  return {
    rowCount: frame.rowCount,
    columns: frame.columns.map((c): FrameColumn => {
      const year = yearOf.get(c.name)
      return year !== undefined && c.kind === 'number'
        ? { name: year, kind: 'number', values: c.values.map((v) => ageToBirthYear(fit, v)) }
        : c
    }),
  }
}

function mapColumns(frame: Frame, names: readonly string[], f: (name: string, v: number) => number): Frame {
  const touched = new Set(names)
  return {
    rowCount: frame.rowCount,
    columns: frame.columns.map((c): FrameColumn =>
      touched.has(c.name) && c.kind === 'number' ? { ...c, values: c.values.map((v) => f(c.name, v)) } : c,
    ),
  }
}

function undoPca(frame: Frame, fit: Extract<FittedStep, { kind: 'pca' }>): Frame {
  const outputs = new Set(fit.outputColumns)
  const pcs = fit.outputColumns.map((name) => frame.columns.find((c) => c.name === name))
  if (pcs.some((c) => !c || c.kind !== 'number')) return frame
  const k = pcs.length
  const z = new Float64Array(frame.rowCount * k)
  pcs.forEach((c, r) => {
    const values = c!.values as Float64Array
    for (let i = 0; i < frame.rowCount; i++) z[i * k + r] = values[i]
  })
  const x = pcaInverse(modelFromFit(fit, fit.columns), matrix(frame.rowCount, k, z))
  const d = fit.columns.length
  const restored: FrameColumn[] = fit.columns.map((name, j) => {
    const values = new Float64Array(frame.rowCount)
    for (let i = 0; i < frame.rowCount; i++) values[i] = x.data[i * d + j]
    return { name, kind: 'number', values }
  })
  const first = frame.columns.findIndex((c) => outputs.has(c.name))
  const before = frame.columns.slice(0, first).filter((c) => !outputs.has(c.name))
  const after = frame.columns.slice(first).filter((c) => !outputs.has(c.name))
  return { rowCount: frame.rowCount, columns: [...before, ...restored, ...after] }
}
