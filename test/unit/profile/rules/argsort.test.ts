import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { argsort } from '../../../../src/main/engine/profile/rules/argsort'

/** The obvious stable argsort, to compare with; −0 before +0, as the bit patterns order them. */
const minusZeroFirst = (v: number) => (Object.is(v, -0) ? 0 : 1)
const reference = (values: Float64Array) =>
  Array.from(values.keys()).sort(
    (a, b) => values[a] - values[b] || minusZeroFirst(values[a]) - minusZeroFirst(values[b]) || a - b,
  )

describe('argsort', () => {
  it('orders values ascending, equal values by index, in the comparator and the radix range alike', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE),
    )
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.integer({ min: 1, max: 400 }), (pattern, copies) => {
        // Repeating a short pattern reaches past the radix threshold with plenty of ties.
        const values = Float64Array.from({ length: pattern.length * copies }, (_, i) => pattern[i % pattern.length])
        const order = Array.from(argsort(values))
        const sorted = order.map((i) => values[i])
        for (let i = 1; i < order.length; i++) {
          expect(sorted[i - 1] <= sorted[i]).toBe(true)
          if (sorted[i - 1] === sorted[i] && Object.is(sorted[i - 1], sorted[i]))
            expect(order[i - 1] < order[i]).toBe(true)
        }
        expect(new Set(order).size).toBe(values.length)
      }),
      { numRuns: 60 },
    )
  })

  it('agrees with a comparator sort on 10,000 doubles, zeros of both signs among them', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 * (i % 7))
    expect(Array.from(argsort(values))).toEqual(reference(values))
  })
})
