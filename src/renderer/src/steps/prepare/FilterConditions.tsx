import { comparisonOps, type RowCondition } from '../../../../shared/domain/prep'
import type { AvailableColumn } from './availableColumns'

type Op = RowCondition['op']
const opLabels: Record<Op, string> = {
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
const ops: readonly Op[] = [...comparisonOps, 'in', 'isMissing', 'notMissing']

/** Text typed for a value, as the step stores it: a number for number columns, text otherwise (dates as ISO text). */
export function parseValue(text: string, kind: AvailableColumn['kind'] | undefined): number | string {
  const trimmed = text.trim()
  if (kind === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  return trimmed
}

/** Changes a condition's operator, keeping what the user typed where the new operator still needs a value. */
export function withOp(condition: RowCondition, op: Op, kind: AvailableColumn['kind'] | undefined): RowCondition {
  const typed = 'value' in condition ? String(condition.value) : 'values' in condition ? condition.values.join(', ') : ''
  if (op === 'isMissing' || op === 'notMissing') return { column: condition.column, op }
  if (op === 'in') return { column: condition.column, op, values: splitList(typed, kind) }
  return { column: condition.column, op, value: typed }
}

/**
 * Values are kept as typed while editing (so "1." can become "1.5"); on saving, those of number columns become
 * numbers. The step schema then rejects what is still not a number for such a column.
 */
export function normaliseConditions(
  conditions: readonly RowCondition[],
  columns: readonly AvailableColumn[],
): RowCondition[] {
  return conditions.map((c) => {
    const kind = columns.find((col) => col.name === c.column)?.kind
    if ('value' in c) return { ...c, value: typeof c.value === 'string' ? parseValue(c.value, kind) : c.value }
    if ('values' in c) return { ...c, values: c.values.map((v) => (typeof v === 'string' ? parseValue(v, kind) : v)) }
    return c
  })
}

export function splitList(text: string, kind: AvailableColumn['kind'] | undefined): (number | string)[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => parseValue(t, kind))
}

/** The conditions of a filter step, one row each: column, comparison, value. */
export function FilterConditions({
  conditions,
  columns,
  onChange,
}: {
  conditions: readonly RowCondition[]
  columns: readonly AvailableColumn[]
  onChange: (conditions: RowCondition[]) => void
}) {
  const kindOf = (name: string) => columns.find((c) => c.name === name)?.kind
  const set = (i: number, c: RowCondition) => onChange(conditions.map((x, j) => (j === i ? c : x)))
  return (
    <div className="conditions">
      {conditions.map((c, i) => {
        const kind = kindOf(c.column)
        const n = i + 1
        return (
          <div className="conditions__row" key={i}>
            <select
              className="inline-select"
              aria-label={`Column of condition ${n}`}
              value={c.column}
              onChange={(e) => set(i, { ...c, column: e.target.value })}
            >
              {!kind && <option value={c.column}>{c.column || 'Choose a column'}</option>}
              {columns.map((col) => (
                <option key={col.name} value={col.name}>
                  {col.name}
                </option>
              ))}
            </select>
            <select
              className="inline-select"
              aria-label={`Comparison of condition ${n}`}
              value={c.op}
              onChange={(e) => set(i, withOp(c, e.target.value as Op, kind))}
            >
              {ops.map((op) => (
                <option key={op} value={op}>
                  {opLabels[op]}
                </option>
              ))}
            </select>
            {'value' in c && (
              <input
                className="inline-input"
                aria-label={`Value of condition ${n}`}
                placeholder={kind === 'date' ? 'YYYY-MM-DD' : kind === 'number' ? 'a number' : 'a value'}
                value={String(c.value)}
                onChange={(e) => set(i, { ...c, value: e.target.value })}
              />
            )}
            {'values' in c && (
              <input
                className="inline-input"
                aria-label={`Values of condition ${n}`}
                placeholder="values, separated by commas"
                defaultValue={c.values.join(', ')}
                onChange={(e) => set(i, { ...c, values: splitList(e.target.value, kind) })}
              />
            )}
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={`Remove condition ${n}`}
              disabled={conditions.length === 1}
              onClick={() => onChange(conditions.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        )
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...conditions, { column: columns[0]?.name ?? '', op: 'notMissing' }])}
      >
        Add a condition
      </button>
    </div>
  )
}
