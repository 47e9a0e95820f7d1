import type { Frame } from '../frame'
import type { Matrix } from '../matrix'
import type { FeatureUnits } from '../../../shared/domain/understand'

export interface ImportedCentres {
  /** k × features, row-major as the centres: each segment's mean of the imported values where the file has the column. */
  readonly centres: number[][]
  readonly units: FeatureUnits[]
}

/**
 * Segment centres in the units of the imported file. Preparation may log-transform, scale or replace columns, so the
 * fitted space's centres mapped back through the run's own scaling are still in prepared units; the imported rows
 * (found through `rowIndex`) give the numbers the user knows. Features that only exist after preparation (PC1, one-hot
 * columns) keep their prepared centres, marked so.
 */
export function importedCentres(
  raw: Frame,
  rowIndex: Int32Array | null,
  labels: Int32Array,
  k: number,
  features: readonly string[],
  prepared: Matrix,
): ImportedCentres {
  const centres = Array.from({ length: k }, (_, s) => features.map((_, j) => prepared.data[s * prepared.cols + j]))
  const units = features.map((feature, j): FeatureUnits => {
    const column = raw.columns.find((c) => c.name === feature && c.kind === 'number')
    if (!column) return 'prepared'
    const values = column.values as Float64Array
    const sums = new Float64Array(k)
    const counts = new Float64Array(k)
    for (let i = 0; i < labels.length; i++) {
      const v = values[rowIndex ? rowIndex[i] : i]
      // A value imputed in preparation is missing in the file: the mean is over the customers who have one.
      if (Number.isNaN(v)) continue
      sums[labels[i]] += v
      counts[labels[i]]++
    }
    for (let s = 0; s < k; s++) centres[s][j] = counts[s] > 0 ? sums[s] / counts[s] : NaN
    return 'original'
  })
  return { centres, units }
}
