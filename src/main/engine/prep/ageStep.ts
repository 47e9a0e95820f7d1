import { ageColumnNames } from '../../../shared/birthYear'
import type { FittedStep, StepOf } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame, FrameColumn } from '../frame'
import { formatCount, formatValue } from '../profile/wording'
import { requireDistinct, requireNumber, type NumberColumn } from './frameOps'

type AgeFit = Extract<FittedStep, { kind: 'age' }>

/** Nobody is older than this; an earlier "year of birth" is a typo or a placeholder (1800, 0), not a customer. */
export const MAX_AGE = 130

/**
 * Replaces years of birth by ages, age = referenceYear − year, in place and renamed (see `ageColumnNames`): an age
 * reads naturally in a segment profile ("around 45") where a birth year makes the reader subtract. The reference
 * year is the step's, else the fitted one (a replay), else this calendar year — recorded in `fitted` so that the
 * pipeline replayed next year gives the same ages. Missing values stay missing. A year after the reference year or
 * more than `MAX_AGE` before it is a typo or a placeholder (the marketing data's 1893): it becomes missing and is
 * counted in `emptied`, so the user sees it and can fill it like any gap. A column where most values are such years
 * is not years of birth (already ages, scaled, the wrong column) and is refused. O(n) per column.
 */
export function ageColumns(
  frame: Frame,
  step: StepOf<'age'>,
  fitted?: AgeFit | null,
): { frame: Frame; fitted: AgeFit; renamed: ReadonlyMap<string, string>; emptied: readonly Emptied[] } {
  requireDistinct(step.columns)
  const referenceYear = step.referenceYear ?? fitted?.referenceYear ?? new Date().getFullYear()
  const cols = step.columns.map((name) => requireNumber(frame, name, 'Turning birth years into ages'))
  const emptied = cols.map((col) => implausible(col, referenceYear)).filter((e) => e.count > 0)
  const renamed = ageColumnNames(
    step.columns,
    frame.columns.map((c) => c.name),
  )
  const byName = new Map(cols.map((c) => [c.name, c]))
  const columns = frame.columns.map((c): FrameColumn => {
    const col = byName.get(c.name)
    if (!col) return c
    const earliest = referenceYear - MAX_AGE
    // NaN (missing) minus anything stays NaN; an implausible year becomes missing.
    const values = col.values.map((v) => (v > referenceYear || v < earliest ? NaN : referenceYear - v))
    return { name: renamed.get(c.name)!, kind: 'number', values }
  })
  return {
    frame: { rowCount: frame.rowCount, columns },
    fitted: { kind: 'age', referenceYear, columns: Object.fromEntries(renamed) },
    renamed,
    emptied,
  }
}

/** Years of a column that could not be anyone's year of birth, with the first as an example. */
export interface Emptied {
  readonly column: string
  readonly count: number
  readonly example: string
  readonly earliest: number
  readonly latest: number
}

/** Back to the year of birth: the inverse of age = referenceYear − year is the same subtraction. */
export function ageToBirthYear(fitted: AgeFit, age: number): number {
  return fitted.referenceYear - age
}

function implausible(col: NumberColumn, referenceYear: number): Emptied {
  const earliest = referenceYear - MAX_AGE
  let bad = 0
  let present = 0
  let example = NaN
  for (const v of col.values) {
    if (Number.isNaN(v)) continue
    present++
    if (v > referenceYear || v < earliest) {
      bad++
      if (Number.isNaN(example)) example = v
    }
  }
  if (bad > present / 2) {
    throw new UserError(
      `Ages need years of birth from ${earliest} to ${referenceYear}, but most values of "${col.name}" are outside them (${formatCount(bad)} of ${formatCount(present)}, for example ${year(example)}): it does not hold years of birth, or the reference year is wrong.`,
      { code: 'prep.outOfDomain' },
    )
  }
  return { column: col.name, count: bad, example: year(example), earliest, latest: referenceYear }
}

/** A year as written ("1893", not "1,893"); anything else as a measured value. */
function year(v: number): string {
  return Number.isInteger(v) ? String(v) : formatValue(v)
}
