import { describe, expect, it } from 'vitest'
import { seededRandom } from '../helpers/random'
import { repeatedRows } from '../../../src/main/engine/profile/repeatedRows'
import { removeDuplicates } from '../../../src/main/engine/prep/removeDuplicates'
import type { Frame, FrameColumn } from '../../../src/main/engine/frame'

/** Repeats by their definition: a text key per row (missing as "~", text JSON-quoted), and the keys seen before. */
function byTextKeys(frame: Frame, columns: readonly string[]): Uint8Array {
  const seen = new Set<string>()
  const repeats = new Uint8Array(frame.rowCount)
  for (let i = 0; i < frame.rowCount; i++) {
    const key = columns
      .map((name) => {
        const v = frame.columns.find((c) => c.name === name)!.values[i]
        return v === null || (typeof v === 'number' && Number.isNaN(v))
          ? '~'
          : typeof v === 'number'
            ? String(v)
            : JSON.stringify(v)
      })
      .join(',')
    if (seen.has(key)) repeats[i] = 1
    seen.add(key)
  }
  return repeats
}

describe('rows repeating an earlier row', () => {
  it('are those whose text keys repeat, on frames full of ties, missing values, −0 and look-alike text', () => {
    const next = seededRandom(3)
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]
    let repeats = 0
    for (let trial = 0; trial < 2_000; trial++) {
      const n = 1 + Math.floor(next() * 60)
      const columns: FrameColumn[] = [
        {
          name: 'n',
          kind: 'number',
          values: Float64Array.from({ length: n }, () => pick([0, -0, 1, 1.5, NaN, 1e300])),
        },
        { name: 'd', kind: 'date', values: Float64Array.from({ length: n }, () => pick([0, 86_400_000, NaN])) },
        {
          name: 'c',
          kind: 'category',
          values: Array.from({ length: n }, () => pick(['1', 'a', 'A', '', null, '~', 'a,b'])),
        },
        { name: 't', kind: 'text', values: Array.from({ length: n }, () => pick([null, 'x', 'x '])) },
      ]
      const frame: Frame = { rowCount: n, columns }
      for (const subset of [['n', 'd', 'c', 't'], ['c'], ['n', 't'], []]) {
        const expected = byTextKeys(frame, subset)
        // Full hashes, and 2-bit ones under which most rows collide and only the value-by-value check tells them apart.
        for (const bits of [53, 2]) {
          expect({ trial, subset, bits, got: Array.from(repeatedRows(frame, subset, bits)) }).toEqual({
            trial,
            subset,
            bits,
            got: Array.from(expected),
          })
        }
        repeats += expected.reduce((a, b) => a + b, 0)
      }
    }
    expect(repeats).toBeGreaterThan(10_000)
  })

  it('keeps the first of each group when removing duplicates, in order', () => {
    const frame: Frame = {
      rowCount: 5,
      columns: [
        { name: 'id', kind: 'category', values: ['a', 'b', 'a', null, null] },
        { name: 'x', kind: 'number', values: Float64Array.from([1, 2, 1, NaN, NaN]) },
      ],
    }
    const { frame: kept, removed } = removeDuplicates(frame, { kind: 'removeDuplicates', columns: null } as never)
    expect(removed).toBe(2)
    expect(kept.columns[0].values).toEqual(['a', 'b', null])
  })
})
