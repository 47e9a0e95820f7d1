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
 * pipeline replayed next year gives the same ages. Missing values stay missing. Refuses a year after the reference
 * year or more than `MAX_AGE` before it: such a column is not years of birth, or the odd value needs fixing first.
 * O(n) per column.
 */
export function ageColumns(
  frame: Frame,
  step: StepOf<'age'>,
  fitted?: AgeFit | null,
): { frame: Frame; fitted: AgeFit; renamed: ReadonlyMap<string, string> } {
  requireDistinct(step.columns)
  const referenceYear = step.referenceYear ?? fitted?.referenceYear ?? new Date().getFullYear()
  const cols = step.columns.map((name) => requireNumber(frame, name, 'Turning birth years into ages'))
  for (const col of cols) checkPlausible(col, referenceYear)
  const renamed = ageColumnNames(
    step.columns,
    frame.columns.map((c) => c.name),
  )
  const byName = new Map(cols.map((c) => [c.name, c]))
  const columns = frame.columns.map((c): FrameColumn => {
    const col = byName.get(c.name)
    if (!col) return c
    // NaN (missing) minus anything stays NaN.
    return { name: renamed.get(c.name)!, kind: 'number', values: col.values.map((v) => referenceYear - v) }
  })
  return {
    frame: { rowCount: frame.rowCount, columns },
    fitted: { kind: 'age', referenceYear, columns: Object.fromEntries(renamed) },
    renamed,
  }
}

/** Back to the year of birth: the inverse of age = referenceYear − year is the same subtraction. */
export function ageToBirthYear(fitted: AgeFit, age: number): number {
  return fitted.referenceYear - age
}

function checkPlausible(col: NumberColumn, referenceYear: number): void {
  const earliest = referenceYear - MAX_AGE
  let bad = 0
  let example = NaN
  for (const v of col.values) {
    if (v > referenceYear || v < earliest) {
      bad++
      if (Number.isNaN(example)) example = v
    }
  }
  if (bad === 0) return
  throw new UserError(
    `Ages need years of birth from ${earliest} to ${referenceYear}, but "${col.name}" has ${formatCount(bad)} ${bad === 1 ? 'value' : 'values'} outside them (for example ${year(example)}). Filter out or fix those rows first, or check the reference year.`,
    { code: 'prep.outOfDomain' },
  )
}

/** A year as written ("1893", not "1,893"); anything else as a measured value. */
function year(v: number): string {
  return Number.isInteger(v) ? String(v) : formatValue(v)
}
