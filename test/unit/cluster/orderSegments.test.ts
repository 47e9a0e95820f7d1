import { describe, expect, it } from 'vitest'
import { orderSegmentsBySize } from '../../../src/main/engine/segmentation/orderSegments'
import { fromRows, toRows } from '../../../src/main/engine/matrix'
import type { FitOutcome } from '../../../src/main/engine/segmentation/fitSegmentation'
import { segmentFrame } from '../../../src/main/engine/segmentation/segmentFrame'
import type { ClusterSettings } from '../../../src/shared/domain/cluster'
import type { Frame } from '../../../src/main/engine/frame'

const fit = (labels: number[], centres: number[][]): FitOutcome => ({
  labels: Int32Array.from(labels),
  centers: fromRows(centres),
  inertia: 7,
  iterations: 3,
  linkage: null,
  notes: [],
})

describe('orderSegmentsBySize', () => {
  it('numbers the largest segment first and permutes the centres with the labels', () => {
    const ordered = orderSegmentsBySize(fit([0, 1, 1, 2, 2, 2], [[0], [10], [20]]), 3)
    expect(Array.from(ordered.labels)).toEqual([2, 1, 1, 0, 0, 0])
    expect(toRows(ordered.centers)).toEqual([[20], [10], [0]])
    expect(ordered.inertia).toBe(7)
  })

  it('orders equal sizes by their centres, so the numbering never depends on the seeds', () => {
    const a = orderSegmentsBySize(fit([0, 0, 1, 1], [[5], [1]]), 2)
    const b = orderSegmentsBySize(fit([1, 1, 0, 0], [[1], [5]]), 2)
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels))
    expect(toRows(a.centers)).toEqual([[1], [5]])
  })

  it('gives the same group the same number across runs with different seeds', async () => {
    // Three groups of 30, 20 and 10 customers on a line: whatever the seeds, the 30 are segment 1.
    const values = [...Array(30).fill(0), ...Array(20).fill(50), ...Array(10).fill(100)].map((v, i) => v + (i % 5))
    const frame: Frame = {
      rowCount: values.length,
      columns: [{ name: 'x', kind: 'number', values: Float64Array.from(values) }],
    }
    const settings = (seed: number): ClusterSettings => ({
      datasetId: 0,
      features: ['x'],
      method: 'kmeans',
      k: 3,
      kRange: [2, 10],
      scale: 'none',
      transform: 'none',
      preferK: null,
      seed,
      nInit: 1,
      maxIter: 300,
      stability: false,
      sampleSize: null,
    })
    for (const seed of [1, 2, 3, 4, 5]) {
      const { fit: result, sizes } = await segmentFrame(frame, settings(seed))
      expect(sizes).toEqual([30, 20, 10])
      expect(result.labels[0]).toBe(0)
      expect(result.labels[59]).toBe(2)
    }
  })
})
