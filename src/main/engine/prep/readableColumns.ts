import type { PrepStep } from '../../../shared/domain/prep'
import type { Frame } from '../frame'
import { ageColumns } from './ageStep'

/**
 * The imported rows with the columns a pipeline derives in the user's own terms — ages from years of birth — so that
 * centres and profiles read "Age 45" rather than the scaled value the run clustered on. Only such row-by-row
 * conversions are replayed here: scaling and logs change units the imported column already shows better, and PCA or
 * one-hot columns are new quantities that only the prepared values describe. A conversion whose column is not in the
 * imported rows (made by an earlier step) is left out; the feature then shows prepared values, marked so.
 */
export function withReadableColumns(raw: Frame, steps: readonly PrepStep[]): Frame {
  let frame = raw
  for (const step of steps) {
    if (step.kind !== 'age' || step.enabled === false) continue
    const present = step.columns.every((name) => frame.columns.some((c) => c.name === name && c.kind === 'number'))
    if (present) frame = ageColumns(frame, step).frame
  }
  return frame
}
