import type { FittedStep, PrepStep, StepEffect } from '../../../shared/domain/prep'
import { assertNever, UserError } from '../../../shared/errors'
import type { Frame } from '../frame'
import { countOf, formatCount, formatPercent, formatValue, listNames, noun } from '../profile/wording'
import { ageColumns } from './ageStep'
import { buildEffect, skippedEffect, type Outcome } from './effect'
import { encodeColumns } from './encode'
import { filterRows } from './filterRows'
import { impute } from './impute'
import { handleOutliers } from './outliers'
import { pcaColumns } from './pcaStep'
import { removeDuplicates } from './removeDuplicates'
import { scaleColumns } from './scale'
import { selectColumns } from './selectColumns'
import { transformColumns } from './transform'

export interface StepResult {
  readonly frame: Frame
  /** Parameters learnt (or reused); null for steps that learn nothing and for skipped steps. */
  readonly fitted: FittedStep | null
  readonly effect: StepEffect
}

const rows = noun('rows')
const values = noun('values')
const columns = noun('columns')

/**
 * Applies one step to a frame without changing the input. Pass the step's `fitted` value from an earlier run to
 * replay it on new data with the same learnt parameters (fill values, fences, lambdas, categories, centres and
 * scales, components); without it the step learns them from `frame`. A disabled step returns the frame unchanged.
 */
export function applyStep(frame: Frame, step: PrepStep, fitted?: FittedStep | null): StepResult {
  if (step.enabled === false) return { frame, fitted: null, effect: skippedEffect(step, frame) }
  if (fitted && fitted.kind !== step.kind) {
    throw new UserError(
      `The saved parameters were learnt by a different kind of step (${fitted.kind}, not ${step.kind}). Refit the pipeline.`,
      {
        code: 'prep.staleFit',
      },
    )
  }
  const outcome = run(frame, step, fitted ?? null)
  return { frame: outcome.frame, fitted: outcome.fitted, effect: buildEffect(step, frame, outcome) }
}

function run(frame: Frame, step: PrepStep, fitted: FittedStep | null): Outcome {
  switch (step.kind) {
    case 'dropColumns':
    case 'keepColumns': {
      const out = selectColumns(frame, step)
      const removed = frame.columns.length - out.columns.length
      return {
        frame: out,
        fitted: null,
        summary: `Removed ${countOf(removed, columns)}; ${countOf(out.columns.length, columns)} remain.`,
      }
    }
    case 'filterRows': {
      const { frame: out, removed } = filterRows(frame, step)
      return {
        frame: out,
        fitted: null,
        summary: `Removed ${countOf(removed, rows)} that did not match; ${formatCount(out.rowCount)} remain.`,
      }
    }
    case 'removeDuplicates': {
      const { frame: out, removed } = removeDuplicates(frame, step)
      return {
        frame: out,
        fitted: null,
        summary:
          removed === 0
            ? 'No duplicate rows found.'
            : `Removed ${countOf(removed, rows)} that repeated an earlier row.`,
      }
    }
    case 'impute': {
      const result = impute(frame, step, fitted?.kind === 'impute' ? fitted : null)
      if (step.strategy === 'dropRows') {
        return {
          frame: result.frame,
          fitted: null,
          summary: `Removed ${countOf(result.removedRows, rows)} with missing ${listNames(step.columns)}.`,
          affected: numericOf(frame, step.columns),
        }
      }
      const total = Object.values(result.filled).reduce((a, b) => a + b, 0)
      const fill = result.fitted?.fill ?? {}
      const how =
        step.columns.length === 1
          ? ` with ${strategyWords[step.strategy]} (${typeof fill[step.columns[0]] === 'number' ? formatValue(fill[step.columns[0]] as number) : `"${fill[step.columns[0]]}"`})`
          : ` with ${strategyWords[step.strategy]}`
      return {
        frame: result.frame,
        fitted: result.fitted,
        summary: `Filled ${countOf(total, values)} in ${listNames(step.columns)}${how}.`,
        changed: result.filled,
        affected: numericOf(frame, step.columns),
      }
    }
    case 'outliers': {
      const result = handleOutliers(frame, step, fitted?.kind === 'outliers' ? fitted : null)
      const total = Object.values(result.outside).reduce((a, b) => a + b, 0)
      const where =
        step.method === 'iqr'
          ? `the fences ${step.iqrMultiplier} × IQR beyond the quartiles`
          : `the ${pct(step.lower)} and ${pct(step.upper)} percentiles`
      const summary =
        step.action === 'cap'
          ? `Capped ${countOf(total, values)} in ${listNames(step.columns)} at ${where}.`
          : `Removed ${countOf(result.removedRows, rows)} with values outside ${where}.`
      return { frame: result.frame, fitted: result.fitted, summary, changed: result.outside, affected: step.columns }
    }
    case 'age': {
      const result = ageColumns(frame, step, fitted?.kind === 'age' ? fitted : null)
      const reference = result.fitted.referenceYear
      const pairs = step.columns.map((name) => `${name} into ${result.renamed.get(name)}`)
      return {
        frame: result.frame,
        fitted: result.fitted,
        summary:
          `Turned ${listNames(pairs)} (${reference} − year of birth).` +
          result.emptied
            .map(
              (e) =>
                ` ${countOf(e.count, noun('years'))} of ${e.column} outside ${e.earliest}–${e.latest} (for example ${e.example}) ${e.count === 1 ? 'was' : 'were'} left empty.`,
            )
            .join(''),
        changed: Object.fromEntries(
          Object.entries(presentCounts(frame, step.columns)).map(([name, n]) => [result.renamed.get(name)!, n]),
        ),
        affected: [...result.renamed.values()],
        formerNames: new Map([...result.renamed].map(([year, age]) => [age, year])),
      }
    }
    case 'transform': {
      const result = transformColumns(frame, step, fitted?.kind === 'transform' ? fitted : null)
      const lambdas = Object.entries(result.fitted.lambdas)
      const detail = lambdas.length === 1 ? ` (λ = ${formatValue(lambdas[0][1])})` : ''
      return {
        frame: result.frame,
        fitted: result.fitted,
        summary: `Applied ${methodWords[step.method]} to ${listNames(step.columns)}${detail}.`,
        changed: presentCounts(frame, step.columns),
        affected: step.columns,
      }
    }
    case 'encode': {
      const result = encodeColumns(frame, step, fitted?.kind === 'encode' ? fitted : null)
      const summary =
        step.method === 'oneHot'
          ? `Replaced ${listNames(step.columns)} by ${countOf(result.added.length, columns)}, one per value.`
          : `Numbered the values of ${listNames(step.columns)} in order, from 0.`
      return {
        frame: result.frame,
        fitted: result.fitted,
        summary,
        affected: step.method === 'ordinal' ? step.columns : [],
      }
    }
    case 'scale': {
      const result = scaleColumns(frame, step, fitted?.kind === 'scale' ? fitted : null)
      return {
        frame: result.frame,
        fitted: result.fitted,
        summary: `Scaled ${listNames(step.columns)} ${scaleWords[step.method]}.`,
        changed: presentCounts(frame, step.columns),
        affected: step.columns,
      }
    }
    case 'pca': {
      const result = pcaColumns(frame, step, fitted?.kind === 'pca' ? fitted : null)
      const kept = result.fitted.explainedVarianceRatio.reduce((a, b) => a + b, 0)
      const k = result.fitted.components.length
      return {
        frame: result.frame,
        fitted: result.fitted,
        summary: `Replaced ${countOf(step.columns.length, columns)} by ${k} ${k === 1 ? 'component that keeps' : 'components that keep'} ${formatPercent(kept)} of the variation.`,
        affected: [...step.columns, ...result.fitted.outputColumns],
      }
    }
    default:
      return assertNever(step, 'prep step')
  }
}

const strategyWords = {
  mean: 'the mean',
  median: 'the median',
  mode: 'the most frequent value',
  constant: 'a fixed value',
  dropRows: '',
} as const
const methodWords = {
  log1p: 'a log transform, log(1 + x),',
  yeoJohnson: 'a Yeo-Johnson transform',
  boxCox: 'a Box-Cox transform',
} as const
const scaleWords = {
  standard: 'to mean 0 and standard deviation 1',
  minMax: 'to the range 0 to 1',
  robust: 'around the median, in units of the interquartile range',
} as const

function pct(p: number): string {
  return `${formatValue(p * 100)}th`
}

function numericOf(frame: Frame, names: readonly string[]): string[] {
  return names.filter((name) =>
    frame.columns.some((c) => c.name === name && (c.kind === 'number' || c.kind === 'date')),
  )
}

function presentCounts(frame: Frame, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const name of names) {
    const col = frame.columns.find((c) => c.name === name)
    out[name] = col
      ? col.values.filter((v: number | string | null) => v !== null && !(typeof v === 'number' && Number.isNaN(v)))
          .length
      : 0
  }
  return out
}
