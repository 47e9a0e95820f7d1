import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame, FrameColumn } from '../frame'
import { expandColumns, isMissing, replaceColumns, requireColumn, requireDistinct } from './frameOps'

type EncodeFit = Extract<FittedStep, { kind: 'encode' }>

export interface EncodeOutcome {
  readonly frame: Frame
  readonly fitted: EncodeFit
  readonly added: string[]
  readonly removed: string[]
}

/** More categories than this make one-hot encoding explode the table; the user should group them first. */
export const MAX_ONE_HOT_CATEGORIES = 100

/**
 * Turns categories into numbers. One-hot: one 0/1 column "Column=value" per category, in sorted order (numbers
 * numerically), replacing the column in place; a missing or (on replay) unseen value gets all zeros, like
 * scikit-learn's `OneHotEncoder(handle_unknown='ignore')`; `dropFirst` leaves out the first category. Ordinal: the
 * category's position in `order` (or sorted order) as 0, 1, 2…, missing or unseen values NaN. Number columns may be
 * encoded too (codes such as Region 1/2/3). O(n) per column.
 */
export function encodeColumns(frame: Frame, step: StepOf<'encode'>, fitted?: EncodeFit | null): EncodeOutcome {
  requireDistinct(step.columns)
  const cols = step.columns.map((name) => requireColumn(frame, name))
  const categories: Record<string, readonly string[]> = {}
  for (const col of cols) {
    if (col.kind === 'date')
      throw new UserError(`"${col.name}" holds dates, which cannot be encoded as categories.`, {
        code: 'prep.badColumn',
      })
    categories[col.name] = fitted?.categories[col.name] ?? learnCategories(col, step)
  }
  if (step.method === 'ordinal') {
    const replaced = cols.map((col): FrameColumn => {
      const index = new Map(categories[col.name].map((c, i) => [c, i]))
      const out = new Float64Array(frame.rowCount)
      for (let i = 0; i < frame.rowCount; i++) {
        const v = col.values[i]
        out[i] = isMissing(v) ? NaN : (index.get(String(v)) ?? NaN)
      }
      return { name: col.name, kind: 'number', values: out }
    })
    return { frame: replaceColumns(frame, replaced), fitted: { kind: 'encode', categories }, added: [], removed: [] }
  }
  const expansions = new Map<string, FrameColumn[]>()
  const added: string[] = []
  for (const col of cols) {
    const kept = step.dropFirst ? categories[col.name].slice(1) : categories[col.name]
    const index = new Map(kept.map((c, j) => [c, j]))
    const outs = kept.map(() => new Float64Array(frame.rowCount))
    for (let i = 0; i < frame.rowCount; i++) {
      const v = col.values[i]
      if (isMissing(v)) continue
      const j = index.get(String(v))
      if (j !== undefined) outs[j][i] = 1
    }
    const group = kept.map((c, j): FrameColumn => ({ name: `${col.name}=${c}`, kind: 'number', values: outs[j] }))
    expansions.set(col.name, group)
    added.push(...group.map((g) => g.name))
  }
  return {
    frame: expandColumns(frame, expansions),
    fitted: { kind: 'encode', categories },
    added,
    removed: cols.map((c) => c.name),
  }
}

function learnCategories(col: FrameColumn, step: StepOf<'encode'>): string[] {
  const seen = new Set<string | number>()
  for (const v of col.values) if (!isMissing(v)) seen.add(v as string | number)
  const order = step.method === 'ordinal' ? step.order?.[col.name] : undefined
  if (order) {
    const known = new Set(order)
    for (const v of seen) {
      if (!known.has(String(v))) {
        throw new UserError(
          `"${col.name}" has the value "${v}", which is not in the order you gave (${order.join(', ')}).`,
          {
            code: 'prep.unknownCategory',
          },
        )
      }
    }
    return [...order]
  }
  if (step.method === 'oneHot' && seen.size > MAX_ONE_HOT_CATEGORIES) {
    throw new UserError(
      `"${col.name}" has ${seen.size} different values; one column per value would be too many (at most ${MAX_ONE_HOT_CATEGORIES}). Group the rare ones first.`,
      { code: 'prep.tooManyCategories' },
    )
  }
  const values = [...seen]
  const sorted = col.kind === 'number' ? (values as number[]).sort((a, b) => a - b) : (values as string[]).sort()
  return sorted.map(String)
}
