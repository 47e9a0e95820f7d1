import { prepStepSchema, type PrepStep, type PrepStepInput } from '../../../../shared/domain/prep'
import { listItems } from '../../ui/format'
import type { AvailableColumn } from './availableColumns'

export type CheckResult =
  { readonly ok: true; readonly step: PrepStep } | { readonly ok: false; readonly message: string }

const fieldWords: Record<string, string> = {
  columns: 'Columns',
  conditions: 'Conditions',
  value: 'Value',
  values: 'Values',
  nComponents: 'Number of components',
  varianceToKeep: 'Share of variation',
  iqrMultiplier: 'Fence width',
  lower: 'Lower percentile',
  upper: 'Upper percentile',
  column: 'Column',
  referenceYear: 'Reference year',
}

/**
 * Checks a step before it is saved: first the contract's schema (its messages name the field), then what the schema
 * cannot know — whether the chosen columns suit the step — so the user hears about it at the form, not from a failed
 * preview.
 */
export function checkStep(draft: PrepStepInput, columns: readonly AvailableColumn[]): CheckResult {
  const parsed = prepStepSchema.safeParse(draft)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path.find((p): p is string => typeof p === 'string' && p in fieldWords)
    return { ok: false, message: field ? `${fieldWords[field]}: ${issue.message}` : issue.message }
  }
  const step = parsed.data
  const kindOf = (name: string) => columns.find((c) => c.name === name)?.kind

  if (step.kind === 'impute' && (step.strategy === 'mean' || step.strategy === 'median')) {
    const wrong = step.columns.filter((c) => kindOf(c) !== undefined && kindOf(c) !== 'number')
    if (wrong.length > 0) {
      return {
        ok: false,
        message: `The ${step.strategy === 'mean' ? 'average' : 'median'} needs number columns; ${listItems(wrong)} ${
          wrong.length === 1 ? 'is not one' : 'are not'
        }. Use “most frequent value” for categories.`,
      }
    }
  }
  if (step.kind === 'impute' && step.strategy === 'constant' && (step.value === undefined || step.value === '')) {
    return { ok: false, message: 'Value: type the value to fill the gaps with.' }
  }
  if (step.kind === 'outliers' && step.method === 'percentile' && step.lower >= step.upper) {
    return { ok: false, message: 'The lower percentile must be below the upper one.' }
  }
  if (step.kind === 'pca' && step.nComponents !== undefined && step.nComponents > step.columns.length) {
    return {
      ok: false,
      message: `PCA can make at most as many components as columns: ${step.columns.length}, not ${step.nComponents}.`,
    }
  }
  if (step.kind === 'filterRows') {
    for (const c of step.conditions) {
      const kind = kindOf(c.column)
      if (c.column === '' || kind === undefined)
        return { ok: false, message: `Conditions: choose a column (“${c.column}” is not available here).` }
      if ('value' in c && kind === 'number' && typeof c.value !== 'number') {
        return { ok: false, message: `Conditions: ${c.column} holds numbers; “${c.value}” is not a number.` }
      }
      if ('value' in c && kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(c.value))) {
        return { ok: false, message: `Conditions: write dates for ${c.column} as YYYY-MM-DD, e.g. 2011-06-30.` }
      }
    }
  }
  return { ok: true, step }
}
