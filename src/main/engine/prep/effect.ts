import type { ColumnEffect, FittedStep, Histogram, PrepStep, StepEffect } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { histogramOfSorted } from '../profile/histogram'
import { sortedPresent } from '../profile/quantile'

/** What a step implementation reports beyond its output frame; `applyStep` turns it into a `StepEffect`. */
export interface Outcome {
  readonly frame: Frame
  readonly fitted: FittedStep | null
  readonly summary: string
  /** Values changed per column (filled, capped, transformed). */
  readonly changed?: Readonly<Record<string, number>>
  /** Columns whose distributions the before/after view should show. */
  readonly affected?: readonly string[]
  /** An affected column's name before the step, when the step renamed it (Year_Birth for Age). */
  readonly formerNames?: ReadonlyMap<string, string>
}

/** Bins in the before/after histograms: enough to see a shape change, few enough for a small chart. */
const EFFECT_BINS = 30

export function buildEffect(step: PrepStep, before: Frame, outcome: Outcome): StepEffect {
  const beforeNames = new Set(before.columns.map((c) => c.name))
  const afterNames = new Set(outcome.frame.columns.map((c) => c.name))
  const columns: ColumnEffect[] = (outcome.affected ?? []).map((name) => {
    const formerName = outcome.formerNames?.get(name)
    return {
      column: name,
      ...(formerName !== undefined && { formerName }),
      changed: outcome.changed?.[name] ?? 0,
      before: histogramOf(before, formerName ?? name),
      after: histogramOf(outcome.frame, name),
    }
  })
  return {
    stepId: step.id,
    kind: step.kind,
    skipped: false,
    summary: outcome.summary,
    rowsBefore: before.rowCount,
    rowsAfter: outcome.frame.rowCount,
    columnsAdded: outcome.frame.columns.filter((c) => !beforeNames.has(c.name)).map((c) => c.name),
    columnsRemoved: before.columns.filter((c) => !afterNames.has(c.name)).map((c) => c.name),
    columns,
  }
}

export function skippedEffect(step: PrepStep, frame: Frame): StepEffect {
  return {
    stepId: step.id,
    kind: step.kind,
    skipped: true,
    summary: 'Skipped: this step is turned off.',
    rowsBefore: frame.rowCount,
    rowsAfter: frame.rowCount,
    columnsAdded: [],
    columnsRemoved: [],
    columns: [],
  }
}

function histogramOf(frame: Frame, name: string): Histogram | null {
  const col = frame.columns.find((c) => c.name === name)
  if (!col || (col.kind !== 'number' && col.kind !== 'date')) return null
  const sorted = sortedPresent(col.values)
  if (sorted.length === 0 || !Number.isFinite(sorted[0]) || !Number.isFinite(sorted[sorted.length - 1])) return null
  return histogramOfSorted(sorted, { maxBins: EFFECT_BINS })
}
