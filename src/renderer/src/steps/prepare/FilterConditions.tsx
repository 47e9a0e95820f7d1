import { comparisonOps, type RowCondition } from '../../../../shared/domain/prep'
import type { AvailableColumn } from './availableColumns'
import { splitList, withOp } from './conditionValues'
import { opLabels } from './stepCatalog'

type Op = RowCondition['op']
const ops: readonly Op[] = [...comparisonOps, 'in', 'isMissing', 'notMissing']

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
