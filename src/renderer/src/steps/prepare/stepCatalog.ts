/**
 * What the Prepare screen knows about each kind of step: its name in the menu, one line of help, which columns it
 * can work on, a fresh step to start a form from, and a sentence describing a configured step in the list.
 */
import type { PrepStep, PrepStepInput, PrepStepKind, RowCondition } from '../../../../shared/domain/prep'
import { assertNever } from '../../../../shared/errors'
import { listItems } from '../../ui/format'

/** The engine's column kinds (booleans and ids arrive as categories). */
export type ColumnKind = 'number' | 'date' | 'category' | 'text'

export interface StepKindInfo {
  readonly kind: PrepStepKind
  readonly label: string
  readonly help: string
  /** Which columns the step's column list may hold. */
  readonly accepts: 'any' | 'number' | 'category' | 'numberOrCategory'
}

export const stepKinds: readonly StepKindInfo[] = [
  {
    kind: 'dropColumns',
    label: 'Drop columns',
    help: 'Leave out columns that should not shape the segments.',
    accepts: 'any',
  },
  {
    kind: 'keepColumns',
    label: 'Keep only some columns',
    help: 'Keep the columns you choose and drop all others.',
    accepts: 'any',
  },
  { kind: 'filterRows', label: 'Filter rows', help: 'Keep only the rows that meet your conditions.', accepts: 'any' },
  {
    kind: 'removeDuplicates',
    label: 'Remove duplicates',
    help: 'Keep the first of each group of identical rows.',
    accepts: 'any',
  },
  {
    kind: 'impute',
    label: 'Fill missing values',
    help: 'Fill gaps with a typical value, or drop the rows that have them.',
    accepts: 'numberOrCategory',
  },
  {
    kind: 'outliers',
    label: 'Handle unusual values',
    help: 'Cap extreme values, or remove the rows that have them.',
    accepts: 'number',
  },
  {
    kind: 'age',
    label: 'Turn birth years into ages',
    help: 'An age reads more naturally in a segment than a year of birth: 45 rather than 1981.',
    accepts: 'number',
  },
  {
    kind: 'transform',
    label: 'Reduce skew',
    help: 'Even out columns where a few very large values dominate.',
    accepts: 'number',
  },
  {
    kind: 'encode',
    label: 'Turn categories into numbers',
    help: 'Clustering needs numbers: one 0/1 column per category, or a rank.',
    accepts: 'category',
  },
  {
    kind: 'scale',
    label: 'Put numbers on one scale',
    help: 'So that a column in thousands does not outweigh one in units.',
    accepts: 'number',
  },
  {
    kind: 'pca',
    label: 'Combine columns (PCA)',
    help: 'Replace many related columns by a few components that keep most of the variation.',
    accepts: 'number',
  },
]

export function kindInfo(kind: PrepStepKind): StepKindInfo {
  return stepKinds.find((k) => k.kind === kind)!
}

/** Whether a column of `kind` can go in the column list of a step of `step`. */
export function accepts(step: PrepStepKind, kind: ColumnKind): boolean {
  switch (kindInfo(step).accepts) {
    case 'any':
      return true
    case 'number':
      return kind === 'number'
    case 'category':
      return kind === 'category'
    case 'numberOrCategory':
      return kind === 'number' || kind === 'category'
  }
}

/** A step of `kind` with sensible defaults and the columns given, ready to edit. */
export function newStep(kind: PrepStepKind, id: string, columns: readonly string[]): PrepStepInput {
  const cols = [...columns]
  switch (kind) {
    case 'dropColumns':
    case 'keepColumns':
      return { id, kind, columns: cols }
    case 'filterRows':
      return { id, kind, conditions: [{ column: cols[0] ?? '', op: 'notMissing' }], combine: 'all' }
    case 'removeDuplicates':
      return { id, kind }
    case 'impute':
      return { id, kind, columns: cols, strategy: 'median' }
    case 'outliers':
      return { id, kind, columns: cols, method: 'iqr', action: 'cap', iqrMultiplier: 1.5, lower: 0.01, upper: 0.99 }
    case 'age':
      return { id, kind, columns: cols }
    case 'transform':
      return { id, kind, columns: cols, method: 'log1p' }
    case 'encode':
      return { id, kind, columns: cols, method: 'oneHot', dropFirst: false }
    case 'scale':
      return { id, kind, columns: cols, method: 'standard' }
    case 'pca':
      return { id, kind, columns: cols, varianceToKeep: 0.9, prefix: 'PC' }
    default:
      return assertNever(kind, 'step kind')
  }
}

const imputeWords = {
  mean: 'the average',
  median: 'the median',
  mode: 'the most frequent value',
  constant: 'a fixed value',
  dropRows: '',
}
const transformWords = {
  log1p: 'a log transform',
  yeoJohnson: 'a Yeo-Johnson transform',
  boxCox: 'a Box-Cox transform',
}
const scaleWords = { standard: 'to mean 0, spread 1', minMax: 'to the range 0–1', robust: 'around the median (robust)' }
/** A condition's comparison in words, the same in the filter form's menu and in the sentence of the step list. */
export const opLabels: Record<RowCondition['op'], string> = {
  '<': 'is below',
  '<=': 'is at most',
  '>': 'is above',
  '>=': 'is at least',
  '==': 'is',
  '!=': 'is not',
  in: 'is one of',
  isMissing: 'is missing',
  notMissing: 'is filled in',
}

function names(columns: readonly string[]): string {
  return listItems(columns, 4)
}

export function describeCondition(c: RowCondition): string {
  if ('values' in c) return `${c.column} ${opLabels[c.op]} ${listItems(c.values.map(String), 4)}`
  if ('value' in c) return `${c.column} ${opLabels[c.op]} ${c.value}`
  return `${c.column} ${opLabels[c.op]}`
}

/** The step in one short sentence, as it reads in the pipeline list. */
export function describeStep(step: PrepStep): string {
  switch (step.kind) {
    case 'dropColumns':
      return `Drop ${names(step.columns)}`
    case 'keepColumns':
      return `Keep only ${names(step.columns)}`
    case 'filterRows':
      return `Keep rows where ${step.conditions.map(describeCondition).join(step.combine === 'all' ? ' and ' : ' or ')}`
    case 'removeDuplicates':
      return step.columns ? `Remove rows repeating ${names(step.columns)}` : 'Remove exact duplicate rows'
    case 'impute':
      if (step.strategy === 'dropRows') return `Drop rows with missing ${names(step.columns)}`
      if (step.strategy === 'constant') return `Fill gaps in ${names(step.columns)} with ${String(step.value ?? '')}`
      return `Fill gaps in ${names(step.columns)} with ${imputeWords[step.strategy]}`
    case 'outliers': {
      const where =
        step.method === 'iqr'
          ? `${step.iqrMultiplier}×IQR fences`
          : `the ${pct(step.lower)}–${pct(step.upper)} percentiles`
      return `${step.action === 'cap' ? 'Cap' : 'Remove rows with'} unusual ${names(step.columns)} (${where})`
    }
    case 'age':
      return `Turn ${names(step.columns)} into ${step.columns.length === 1 ? 'an age' : 'ages'} (${
        step.referenceYear ?? 'this year'
      } − year of birth)`
    case 'transform':
      return `Apply ${transformWords[step.method]} to ${names(step.columns)}`
    case 'encode':
      return step.method === 'oneHot'
        ? `One 0/1 column per category of ${names(step.columns)}`
        : `Rank the categories of ${names(step.columns)}`
    case 'scale':
      return `Scale ${names(step.columns)} ${scaleWords[step.method]}`
    case 'pca':
      return `Combine ${names(step.columns)} into ${
        step.nComponents
          ? `${step.nComponents} components`
          : step.varianceToKeep
            ? `components keeping ${pct(step.varianceToKeep)} of the variation`
            : 'components'
      }`
    default:
      return assertNever(step, 'step')
  }
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`
}

/**
 * Whether every column of the step `id` is scaled by an earlier enabled scale step: PCA on unscaled columns is
 * dominated by the one with the largest numbers, which is worth a warning. True for steps other than PCA.
 */
export function scaledBefore(steps: readonly PrepStep[], id: string): boolean {
  const index = steps.findIndex((s) => s.id === id)
  const step = steps[index]
  if (!step || step.kind !== 'pca') return true
  const scaled = new Set<string>()
  for (const earlier of steps.slice(0, index)) {
    if (earlier.kind === 'scale' && earlier.enabled !== false) for (const c of earlier.columns) scaled.add(c)
  }
  return step.columns.every((c) => scaled.has(c))
}
