import { describe, expect, it } from 'vitest'
import { importedCentres } from '../../../src/main/engine/segmentation/importedCentres'
import { fromRows } from '../../../src/main/engine/matrix'
import type { Frame } from '../../../src/main/engine/frame'

describe('importedCentres', () => {
  const raw: Frame = {
    rowCount: 5,
    columns: [
      { name: 'spend', kind: 'number', values: Float64Array.from([10, 20, NaN, 1000, 3000]) },
      { name: 'region', kind: 'category', values: ['a', 'b', 'a', 'b', 'a'] },
    ],
  }
  // Preparation dropped dataset row 1; the run labelled rows 0, 2, 3, 4.
  const rowIndex = Int32Array.from([0, 2, 3, 4])
  const labels = Int32Array.from([0, 0, 1, 1])
  const prepared = fromRows([
    [1.1, -0.5],
    [6.5, 0.5],
  ])

  it('averages the imported values of each segment, skipping values the file does not have', () => {
    const { centres, units } = importedCentres(raw, rowIndex, labels, 2, ['spend', 'PC1'], prepared)
    expect(units).toEqual(['original', 'prepared'])
    expect(centres[0][0]).toBe(10)
    expect(centres[1][0]).toBe(2000)
  })

  it('keeps the prepared centre of a feature the file does not have', () => {
    const { centres } = importedCentres(raw, rowIndex, labels, 2, ['spend', 'PC1'], prepared)
    expect(centres.map((c) => c[1])).toEqual([-0.5, 0.5])
  })
})
