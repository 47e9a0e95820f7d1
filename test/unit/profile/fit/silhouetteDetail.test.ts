import { describe, expect, it } from 'vitest'
import { fromRows } from '../../../../src/main/engine/matrix'
import { silhouetteSamples } from '../../../../src/main/engine/metrics/silhouette'
import { silhouetteDetail } from '../../../../src/main/engine/profile/fit/silhouetteDetail'
import { sampleRows } from '../../../../src/main/engine/profile/fit/sampleRows'
import { segmentMapPoints } from '../../../../src/main/engine/profile/fit/segmentMapPoints'
import { createRng } from '../../../../src/main/engine/random'

describe('silhouetteDetail', () => {
  // Three groups on a line; the point at 4 belongs to the left group but sits nearer the middle one.
  const x = fromRows([[0], [1], [4], [6], [7], [20], [21]])
  const labels = Int32Array.from([0, 0, 0, 1, 1, 2, 2])

  it('gives the silhouettes of silhouetteSamples (checked against scikit-learn elsewhere)', () => {
    const detail = silhouetteDetail(x, labels, 3)
    const reference = silhouetteSamples(x, labels)
    detail.values.forEach((v, i) => expect(v).toBeCloseTo(reference[i], 12))
    const mean0 = (reference[0] + reference[1] + reference[2]) / 3
    expect(detail.bySegment[0]).toBeCloseTo(mean0, 12)
  })

  it('names the segment each customer would otherwise belong to', () => {
    const detail = silhouetteDetail(x, labels, 3)
    expect(Array.from(detail.nearest)).toEqual([1, 1, 1, 0, 0, 1, 1])
    expect(detail.values[2]).toBeLessThan(0)
  })

  it('allows segments that are empty in a sample, and refuses labels out of range', () => {
    const detail = silhouetteDetail(x, Int32Array.from([0, 0, 0, 2, 2, 2, 2]), 3)
    expect(detail.bySegment[1]).toBeNull()
    expect(Array.from(detail.nearest).every((s) => s !== 1)).toBe(true)
    expect(() => silhouetteDetail(x, Int32Array.from([0, 0, 0, 3, 1, 1, 1]), 3)).toThrow(/Row 4 has segment 3/)
  })
})

describe('sampleRows', () => {
  it('keeps every row when the table is small, and a sorted seeded sample otherwise', () => {
    expect(Array.from(sampleRows(4, 10, createRng(1)))).toEqual([0, 1, 2, 3])
    const a = sampleRows(1000, 50, createRng(7))
    expect(a).toHaveLength(50)
    expect(new Set(a).size).toBe(50)
    expect(Array.from(a)).toEqual(Array.from(a).sort((p, q) => p - q))
    expect(Array.from(sampleRows(1000, 50, createRng(7)))).toEqual(Array.from(a))
  })
})

describe('segmentMapPoints', () => {
  it('puts the widest direction on the first axis and reports the variance it explains', () => {
    // Points along y = 2x with a little noise: nearly all the variance is on one component.
    const rows = Array.from({ length: 50 }, (_, i) => [i, 2 * i + (i % 2 ? 0.1 : -0.1)])
    const map = segmentMapPoints(
      fromRows(rows),
      Int32Array.from({ length: 50 }, (_, i) => i),
    )
    expect(map.explained[0]).toBeGreaterThan(0.999)
    expect(map.explained[0] + map.explained[1]).toBeCloseTo(1, 10)
    const spreadX = Math.max(...map.x) - Math.min(...map.x)
    const spreadY = Math.max(...map.y) - Math.min(...map.y)
    expect(spreadX).toBeGreaterThan(100 * spreadY)
  })
})
