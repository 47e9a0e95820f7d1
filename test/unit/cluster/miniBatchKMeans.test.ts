import { describe, it, expect } from 'vitest'
import { fitKMeans, fitMiniBatchKMeans, adjustedRandIndex } from '../../../src/main/engine/cluster'
import { fromRows } from '../../../src/main/engine/matrix'
import { blobs } from './helpers'

describe('mini-batch k-means', () => {
  const { x, labels } = blobs(30_000, 5, 6, 17, 10, 1.2)
  const mb = fitMiniBatchKMeans(x, { k: 6, seed: 1 })

  it('finds well-separated groups and comes within 1% of full k-means inertia', () => {
    expect(adjustedRandIndex(mb.labels, labels)).toBeGreaterThan(0.99)
    const full = fitKMeans(x, { k: 6, nInit: 3, seed: 1 })
    expect(mb.inertia).toBeGreaterThanOrEqual(full.inertia * (1 - 1e-9))
    expect(mb.inertia).toBeLessThan(full.inertia * 1.01)
  })

  it('stops early instead of running all passes, and labels every row against its final centres', () => {
    expect(mb.kind).toBe('minibatch-kmeans')
    expect(mb.converged).toBe(true)
    expect(mb.iterations).toBeLessThan(100)
    expect(mb.clusterSizes.reduce((s, v) => s + v, 0)).toBe(30_000)
    // Inertia is that of the returned labels and centres.
    let inertia = 0
    for (let i = 0; i < x.rows; i++) {
      for (let t = 0; t < 5; t++) inertia += (x.data[i * 5 + t] - mb.centers.data[mb.labels[i] * 5 + t]) ** 2
    }
    expect(mb.inertia).toBeCloseTo(inertia, 6)
  })

  it('is reproducible from its seed', () => {
    const again = fitMiniBatchKMeans(x, { k: 6, seed: 1 })
    expect(again.centers.data).toEqual(mb.centers.data)
    expect(fitMiniBatchKMeans(x, { k: 6, seed: 2 }).centers.data).not.toEqual(mb.centers.data)
  })

  it('works when the batch is larger than the data, and validates options', () => {
    // 60 rows in three tight groups, batches of 100 requested: each batch is then the size of the data.
    const groups = [
      [0, 0],
      [10, 10],
      [20, 0],
    ]
    const small = fromRows(
      Array.from({ length: 60 }, (_, i) => [groups[i % 3][0] + (i % 7) * 0.1, groups[i % 3][1] - (i % 5) * 0.1]),
    )
    const res = fitMiniBatchKMeans(small, { k: 3, batchSize: 100, seed: 0 })
    expect(
      adjustedRandIndex(
        res.labels,
        Array.from({ length: 60 }, (_, i) => i % 3),
      ),
    ).toBe(1)
    expect(() => fitMiniBatchKMeans(small, { k: 3, batchSize: 0 })).toThrow(/batch size/)
    expect(() => fitMiniBatchKMeans(small, { k: 61 })).toThrow(/cannot exceed the number of rows/)
  })
})
