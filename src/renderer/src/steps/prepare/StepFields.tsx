import type { PrepStepInput, StepOf } from '../../../../shared/domain/prep'
import { assertNever } from '../../../../shared/errors'
import { Field } from '../../ui/Field'
import { NumberField } from '../../ui/NumberField'
import type { Choice } from '../../ui/Options'
import { SelectField } from '../../ui/SelectField'
import type { AvailableColumn } from './availableColumns'
import { ColumnPicker } from './ColumnPicker'
import { FilterConditions } from './FilterConditions'
import { accepts, kindInfo } from './stepCatalog'

const acceptsNote = {
  any: undefined,
  number: 'Only number columns are listed.',
  category: 'Only category columns are listed.',
  numberOrCategory: 'Number and category columns are listed.',
} as const

type Choices<T extends string> = readonly Choice<T>[]

const combineChoices: Choices<'all' | 'any'> = [
  { value: 'all', label: 'All of the conditions' },
  { value: 'any', label: 'Any of the conditions' },
]
const duplicateChoices: Choices<'all' | 'some'> = [
  { value: 'all', label: 'Every column is the same' },
  { value: 'some', label: 'Chosen columns are the same' },
]
const imputeChoices: Choices<StepOf<'impute'>['strategy']> = [
  { value: 'median', label: 'The median (numbers; robust to extremes)' },
  { value: 'mean', label: 'The average (numbers)' },
  { value: 'mode', label: 'The most frequent value' },
  { value: 'constant', label: 'A value I type' },
  { value: 'dropRows', label: 'Nothing: drop the rows with gaps' },
]
const outlierChoices: Choices<StepOf<'outliers'>['method']> = [
  { value: 'iqr', label: 'Far outside the middle half (IQR fences)' },
  { value: 'percentile', label: 'Beyond chosen percentiles' },
]
const outlierActionChoices: Choices<StepOf<'outliers'>['action']> = [
  { value: 'cap', label: 'Cap them at the limit (keeps every row)' },
  { value: 'removeRows', label: 'Remove the rows that have them' },
]
const transformChoices: Choices<StepOf<'transform'>['method']> = [
  { value: 'log1p', label: 'Logarithm, log(1 + x) — for counts and amounts of zero or more' },
  { value: 'yeoJohnson', label: 'Yeo-Johnson — works with any values, including negative' },
  { value: 'boxCox', label: 'Box-Cox — for values above zero only' },
]
const encodeChoices: Choices<StepOf<'encode'>['method']> = [
  { value: 'oneHot', label: 'One 0/1 column per category (no order implied)' },
  { value: 'ordinal', label: 'One number per category, in sorted order (for ordered categories)' },
]
const scaleChoices: Choices<StepOf<'scale'>['method']> = [
  { value: 'standard', label: 'Standardise: mean 0, standard deviation 1 (usual for clustering)' },
  { value: 'robust', label: 'Robust: around the median, by the middle half’s spread (with outliers)' },
  { value: 'minMax', label: 'Min–max: squeeze into 0 to 1' },
]
const pcaChoices: Choices<'variance' | 'count'> = [
  { value: 'variance', label: 'Enough to keep a share of the variation' },
  { value: 'count', label: 'A fixed number' },
]

/** The fields of one kind of step. Changes go straight to the draft; checking happens when the form is submitted. */
export function StepFields({
  draft,
  columns,
  onChange,
}: {
  draft: PrepStepInput
  columns: readonly AvailableColumn[]
  onChange: (draft: PrepStepInput) => void
}) {
  const info = kindInfo(draft.kind)
  const usable = columns.filter((c) => accepts(draft.kind, c.kind))
  const patch = (p: Partial<PrepStepInput>) => onChange({ ...draft, ...p } as PrepStepInput)
  const picker = (legend: string, selected: readonly string[]) => (
    <ColumnPicker
      legend={legend}
      columns={usable}
      selected={selected}
      note={acceptsNote[info.accepts]}
      onChange={(cols) => patch({ columns: cols })}
    />
  )
  // Reduce skew, encode and scale are the same form: the columns, then how.
  const methodFields = <T extends string>(
    legend: string,
    selected: readonly string[],
    label: string,
    method: T,
    choices: Choices<T>,
  ) => (
    <>
      {picker(legend, selected)}
      <SelectField
        label={label}
        value={method}
        choices={choices}
        onChange={(m) => patch({ method: m } as Partial<PrepStepInput>)}
      />
    </>
  )

  switch (draft.kind) {
    case 'dropColumns':
      return picker('Columns to drop', draft.columns)
    case 'keepColumns':
      return picker('Columns to keep', draft.columns)
    case 'filterRows':
      return (
        <>
          <SelectField
            label="Keep rows that match"
            value={draft.combine ?? 'all'}
            choices={combineChoices}
            onChange={(combine) => patch({ combine })}
          />
          <FilterConditions
            conditions={draft.conditions}
            columns={columns}
            onChange={(conditions) => patch({ conditions })}
          />
        </>
      )
    case 'removeDuplicates':
      return (
        <>
          <SelectField
            label="Rows count as duplicates when"
            value={draft.columns ? 'some' : 'all'}
            choices={duplicateChoices}
            onChange={(v) => patch({ columns: v === 'all' ? undefined : [] })}
          />
          {draft.columns && picker('Columns to compare', draft.columns)}
        </>
      )
    case 'impute':
      return (
        <>
          {picker('Columns with gaps', draft.columns)}
          <SelectField
            label="Fill with"
            value={draft.strategy}
            choices={imputeChoices}
            onChange={(strategy) => patch({ strategy })}
          />
          {draft.strategy === 'constant' && (
            <Field label="Value to fill with">
              {(id) => (
                <input
                  id={id}
                  value={draft.value === undefined ? '' : String(draft.value)}
                  onChange={(e) => {
                    const t = e.target.value
                    patch({ value: t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t })
                  }}
                />
              )}
            </Field>
          )}
        </>
      )
    case 'outliers':
      return (
        <>
          {picker('Columns to check', draft.columns)}
          <SelectField
            label="Unusual means"
            value={draft.method}
            choices={outlierChoices}
            onChange={(method) => patch({ method })}
          />
          {draft.method === 'iqr' ? (
            <NumberField
              label="Fence width (× the middle half's spread; 1.5 is usual, 3 only flags extremes)"
              value={draft.iqrMultiplier ?? 1.5}
              step={0.5}
              min={0.5}
              onChange={(v) => patch({ iqrMultiplier: v })}
            />
          ) : (
            <div className="form-row">
              <NumberField
                label="Lower percentile (%)"
                value={Math.round((draft.lower ?? 0.01) * 1000) / 10}
                step={0.5}
                min={0}
                max={50}
                onChange={(v) => patch({ lower: v / 100 })}
              />
              <NumberField
                label="Upper percentile (%)"
                value={Math.round((draft.upper ?? 0.99) * 1000) / 10}
                step={0.5}
                min={50}
                max={100}
                onChange={(v) => patch({ upper: v / 100 })}
              />
            </div>
          )}
          <SelectField
            label="Then"
            value={draft.action}
            choices={outlierActionChoices}
            onChange={(action) => patch({ action })}
          />
        </>
      )
    case 'age':
      return (
        <>
          {picker('Columns of birth years', draft.columns)}
          <NumberField
            label="Reference year"
            help="Ages are counted up to this year. Leave it blank for the current year."
            value={draft.referenceYear ?? NaN}
            step={1}
            min={1900}
            max={2200}
            onChange={(v) => patch({ referenceYear: Number.isFinite(v) ? v : undefined })}
          />
        </>
      )
    case 'transform':
      return methodFields('Skewed columns', draft.columns, 'Transform', draft.method, transformChoices)
    case 'encode':
      return (
        <>
          {methodFields('Category columns', draft.columns, 'Turn into', draft.method, encodeChoices)}
          {draft.method === 'oneHot' && (
            <label className="check">
              <input
                type="checkbox"
                checked={draft.dropFirst ?? false}
                onChange={(e) => patch({ dropFirst: e.target.checked })}
              />
              <span>Leave out the first category (it is implied when all others are 0)</span>
            </label>
          )}
        </>
      )
    case 'scale':
      return methodFields('Columns to scale', draft.columns, 'Method', draft.method, scaleChoices)
    case 'pca': {
      const byCount = draft.nComponents !== undefined
      return (
        <>
          {picker('Columns to combine (at least two)', draft.columns)}
          <SelectField
            label="How many components to keep"
            value={byCount ? 'count' : 'variance'}
            choices={pcaChoices}
            onChange={(v) =>
              patch(
                v === 'count'
                  ? { nComponents: Math.min(2, Math.max(1, draft.columns.length)), varianceToKeep: undefined }
                  : { nComponents: undefined, varianceToKeep: 0.9 },
              )
            }
          />
          {byCount ? (
            <NumberField
              label="Number of components"
              value={draft.nComponents ?? 2}
              step={1}
              min={1}
              onChange={(v) => patch({ nComponents: Math.round(v) })}
            />
          ) : (
            <NumberField
              label="Share of variation to keep (%)"
              value={Math.round((draft.varianceToKeep ?? 0.9) * 100)}
              step={1}
              min={1}
              max={99}
              onChange={(v) => patch({ varianceToKeep: v / 100 })}
            />
          )}
        </>
      )
    }
    default:
      return assertNever(draft, 'step')
  }
}
