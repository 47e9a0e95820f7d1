import { useId, type ReactNode } from 'react'
import type { PrepStepInput } from '../../../../shared/domain/prep'
import { assertNever } from '../../../../shared/errors'
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

  switch (draft.kind) {
    case 'dropColumns':
      return picker('Columns to drop', draft.columns)
    case 'keepColumns':
      return picker('Columns to keep', draft.columns)
    case 'filterRows':
      return (
        <>
          <Select
            label="Keep rows that match"
            value={draft.combine ?? 'all'}
            onChange={(v) => patch({ combine: v as 'all' | 'any' })}
            options={[
              ['all', 'All of the conditions'],
              ['any', 'Any of the conditions'],
            ]}
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
          <Select
            label="Rows count as duplicates when"
            value={draft.columns ? 'some' : 'all'}
            onChange={(v) => patch({ columns: v === 'all' ? undefined : [] })}
            options={[
              ['all', 'Every column is the same'],
              ['some', 'Chosen columns are the same'],
            ]}
          />
          {draft.columns && picker('Columns to compare', draft.columns)}
        </>
      )
    case 'impute':
      return (
        <>
          {picker('Columns with gaps', draft.columns)}
          <Select
            label="Fill with"
            value={draft.strategy}
            onChange={(v) => patch({ strategy: v as typeof draft.strategy })}
            options={[
              ['median', 'The median (numbers; robust to extremes)'],
              ['mean', 'The average (numbers)'],
              ['mode', 'The most frequent value'],
              ['constant', 'A value I type'],
              ['dropRows', 'Nothing: drop the rows with gaps'],
            ]}
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
          <Select
            label="Unusual means"
            value={draft.method}
            onChange={(v) => patch({ method: v as 'iqr' | 'percentile' })}
            options={[
              ['iqr', 'Far outside the middle half (IQR fences)'],
              ['percentile', 'Beyond chosen percentiles'],
            ]}
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
          <Select
            label="Then"
            value={draft.action}
            onChange={(v) => patch({ action: v as 'cap' | 'removeRows' })}
            options={[
              ['cap', 'Cap them at the limit (keeps every row)'],
              ['removeRows', 'Remove the rows that have them'],
            ]}
          />
        </>
      )
    case 'transform':
      return (
        <>
          {picker('Skewed columns', draft.columns)}
          <Select
            label="Transform"
            value={draft.method}
            onChange={(v) => patch({ method: v as typeof draft.method })}
            options={[
              ['log1p', 'Logarithm, log(1 + x) — for counts and amounts of zero or more'],
              ['yeoJohnson', 'Yeo-Johnson — works with any values, including negative'],
              ['boxCox', 'Box-Cox — for values above zero only'],
            ]}
          />
        </>
      )
    case 'encode':
      return (
        <>
          {picker('Category columns', draft.columns)}
          <Select
            label="Turn into"
            value={draft.method}
            onChange={(v) => patch({ method: v as 'oneHot' | 'ordinal' })}
            options={[
              ['oneHot', 'One 0/1 column per category (no order implied)'],
              ['ordinal', 'One number per category, in sorted order (for ordered categories)'],
            ]}
          />
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
      return (
        <>
          {picker('Columns to scale', draft.columns)}
          <Select
            label="Method"
            value={draft.method}
            onChange={(v) => patch({ method: v as typeof draft.method })}
            options={[
              ['standard', 'Standardise: mean 0, standard deviation 1 (usual for clustering)'],
              ['robust', 'Robust: around the median, by the middle half’s spread (with outliers)'],
              ['minMax', 'Min–max: squeeze into 0 to 1'],
            ]}
          />
        </>
      )
    case 'pca': {
      const byCount = draft.nComponents !== undefined
      return (
        <>
          {picker('Columns to combine (at least two)', draft.columns)}
          <Select
            label="How many components to keep"
            value={byCount ? 'count' : 'variance'}
            onChange={(v) =>
              patch(
                v === 'count'
                  ? { nComponents: Math.min(2, Math.max(1, draft.columns.length)), varianceToKeep: undefined }
                  : { nComponents: undefined, varianceToKeep: 0.9 },
              )
            }
            options={[
              ['variance', 'Enough to keep a share of the variation'],
              ['count', 'A fixed number'],
            ]}
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

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  )
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: string
  options: readonly (readonly [string, string])[]
  onChange: (value: string) => void
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

function NumberField({
  label,
  value,
  onChange,
  step,
  min,
  max,
}: {
  label: string
  value: number
  onChange: (value: number) => void
  step: number
  min?: number
  max?: number
}) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          type="number"
          value={Number.isFinite(value) ? value : ''}
          step={step}
          min={min}
          max={max}
          onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
        />
      )}
    </Field>
  )
}
