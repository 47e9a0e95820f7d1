import type { RowCondition } from '../../../../shared/domain/prep'
import type { AvailableColumn } from './availableColumns'

type Op = RowCondition['op']

/** Text typed for a value, as the step stores it: a number for number columns, text otherwise (dates as ISO text). */
export function parseValue(text: string, kind: AvailableColumn['kind'] | undefined): number | string {
  const trimmed = text.trim()
  if (kind === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  return trimmed
}

/** Changes a condition's operator, keeping what the user typed where the new operator still needs a value. */
export function withOp(condition: RowCondition, op: Op, kind: AvailableColumn['kind'] | undefined): RowCondition {
  const typed =
    'value' in condition ? String(condition.value) : 'values' in condition ? condition.values.join(', ') : ''
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
