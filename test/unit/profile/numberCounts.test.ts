import { describe, expect, it } from 'vitest'
import { seededRandom } from '../helpers/random'
import { numberCounts } from '../../../src/main/engine/profile/numberCounts'
import { sortedPresent } from '../../../src/main/engine/profile/quantile'

/** By definition: a Map counted in row order, its entries sorted by count, then by first appearance. */
function byMap(values: Float64Array, topK: number) {
  const counts = new Map<number, number>()
  for (const v of values) if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1)
  const top = [...counts.entries()]
    .map(([value, count], order) => ({ value, count, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, topK)
    .map(({ value, count }) => ({ value, count }))
  return { distinct: counts.size, top }
}

describe('distinct and most frequent numbers, from the sorted column', () => {
  it('equal counting in a Map, ties broken by first appearance, for every top size', () => {
    const next = seededRandom(9)
    const pools = [
      [0, -0, 1, 2, 3, NaN],
      [-Infinity, Infinity, 0.1, 0.2, NaN, NaN],
      Array.from({ length: 50 }, (_, i) => i / 7),
      [42],
    ]
    let compared = 0
    for (let trial = 0; trial < 5_000; trial++) {
      const pool = pools[trial % pools.length]
      const n = Math.floor(next() * 80)
      const values = Float64Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)])
      const sorted = sortedPresent(values)
      for (const topK of [0, 1, 3, 10, 100]) {
        const got = numberCounts(values, sorted, topK)
        const expected = byMap(values, topK)
        if (JSON.stringify(got) !== JSON.stringify(expected) || got.top.some((t) => Object.is(t.value, -0)))
          expect({ values: Array.from(values), topK, got }).toEqual({ values: Array.from(values), topK, got: expected })
        compared++
      }
    }
    expect(compared).toBe(25_000)
  })
})
