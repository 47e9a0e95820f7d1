import { describe, expect, it } from 'vitest'
import { seededRandom } from '../helpers/random'
import { sortedDeviations } from '../../../src/main/engine/profile/outliers'
import { quantileSorted } from '../../../src/main/engine/profile/quantile'

/** The deviations by their definition: every |x − centre|, then sorted. */
function bySorting(sorted: Float64Array, centre: number): Float64Array {
  return sorted.map((x) => Math.abs(x - centre)).sort()
}

describe('the deviations from the median in ascending order, without a sort', () => {
  it('equal those sorted, bit for bit, on columns with ties, negatives, infinities and every length', () => {
    const next = seededRandom(5)
    const pick = (values: readonly number[]) => values[Math.floor(next() * values.length)]
    let compared = 0
    for (let trial = 0; trial < 20_000; trial++) {
      const n = Math.floor(next() * 40)
      const kind = trial % 4
      const values = Float64Array.from({ length: n }, () =>
        kind === 0
          ? Math.round(next() * 10) // many ties
          : kind === 1
            ? (next() - 0.5) * 1e6
            : kind === 2
              ? pick([-Infinity, Infinity, -0, 0, 0.1, 0.2, 0.30000000000000004, 1e308, -1e308])
              : next() < 0.7
                ? 42
                : next(),
      ).sort()
      for (const centre of [quantileSorted(values, 0.5), next(), values[0] ?? 0]) {
        const fast = sortedDeviations(values, centre)
        const slow = bySorting(values, centre)
        expect(fast.length).toBe(slow.length)
        for (let i = 0; i < n; i++) {
          if (!Object.is(fast[i], slow[i]))
            expect({ values, centre, i, got: fast[i] }).toEqual({ values, centre, i, got: slow[i] })
        }
        compared++
      }
    }
    expect(compared).toBe(60_000)
  })
})
