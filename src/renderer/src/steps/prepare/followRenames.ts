import { ageColumnNames } from '../../../../shared/birthYear'
import type { PrepStep } from '../../../../shared/domain/prep'

/**
 * A suggested step as it should be appended to `steps`. Suggestions are worked out on the imported columns, each on
 * its own, so that any of them can be accepted or skipped; but an age step already in the pipeline has since renamed
 * Year_Birth to Age, and a later suggestion (scaling) must name Age or its step would not find the column. Names are
 * followed through every enabled age step, as the engine names them (`ageColumnNames`) from the columns that step
 * sees (`namesAt(i)`). Other steps are returned as they are.
 */
export function followRenames(
  step: PrepStep,
  steps: readonly PrepStep[],
  namesAt: (index: number) => readonly string[],
): PrepStep {
  if (!('columns' in step) || step.columns === undefined) return step
  let columns = [...step.columns]
  steps.forEach((earlier, i) => {
    if (earlier.kind !== 'age' || earlier.enabled === false) return
    const renamed = ageColumnNames(earlier.columns, namesAt(i))
    columns = columns.map((name) => renamed.get(name) ?? name)
  })
  return columns.every((name, i) => name === step.columns![i]) ? step : ({ ...step, columns } as PrepStep)
}
