import { ageColumnNames } from '../../../../shared/birthYear'
import type { DatasetColumn } from '../../../../shared/domain/dataset'
import type { PrepStep, StepEffect } from '../../../../shared/domain/prep'
import type { ColumnKind } from './stepCatalog'

export interface AvailableColumn {
  readonly name: string
  readonly kind: ColumnKind
}

/** The engine's kind for a dataset column: booleans and identifiers are read as categories. */
export function frameKind(type: DatasetColumn['type']): ColumnKind {
  switch (type) {
    case 'number':
      return 'number'
    case 'date':
      return 'date'
    case 'text':
      return 'text'
    case 'boolean':
    case 'id':
    case 'category':
      return 'category'
  }
}

/** The columns preparation starts from: personal data and ignored columns are left out, as the engine does. */
export function startingColumns(columns: readonly DatasetColumn[]): AvailableColumn[] {
  return columns.filter((c) => !c.pii && c.role !== 'ignore').map((c) => ({ name: c.name, kind: frameKind(c.type) }))
}

/**
 * The columns a step at `index` sees: the starting columns, changed by what the earlier steps removed and added
 * (one-hot and PCA columns are numbers). Effects come from the last preview; steps without an effect yet (just
 * added) change nothing here but for what is certain without the data: dropped and kept columns, ages renamed, and an
 * encode step turning its columns into numbers.
 */
export function columnsBefore(
  start: readonly AvailableColumn[],
  steps: readonly PrepStep[],
  effects: readonly StepEffect[],
  index: number,
): AvailableColumn[] {
  let columns = [...start]
  for (let i = 0; i < index && i < steps.length; i++) {
    const step = steps[i]
    if (step.enabled === false) continue
    const effect = effects.find((e) => e.stepId === step.id)
    if (effect && !effect.skipped) {
      const removed = new Set(effect.columnsRemoved)
      columns = columns.filter((c) => !removed.has(c.name))
      for (const name of effect.columnsAdded) {
        if (!columns.some((c) => c.name === name)) columns.push({ name, kind: 'number' })
      }
    } else if (step.kind === 'dropColumns') {
      const dropped = new Set(step.columns)
      columns = columns.filter((c) => !dropped.has(c.name))
    } else if (step.kind === 'keepColumns') {
      const kept = new Set(step.columns)
      columns = columns.filter((c) => kept.has(c.name))
    } else if (step.kind === 'age') {
      const renamed = ageColumnNames(
        step.columns,
        columns.map((c) => c.name),
      )
      columns = columns.map((c) => ({ ...c, name: renamed.get(c.name) ?? c.name }))
    }
    if (step.kind === 'encode' && step.method === 'ordinal') {
      const ranked = new Set(step.columns)
      columns = columns.map((c) => (ranked.has(c.name) ? { ...c, kind: 'number' } : c))
    }
  }
  return columns
}
