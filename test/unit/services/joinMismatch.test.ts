import { describe, expect, it } from 'vitest'
import { noMatchReason } from '../../../src/main/services/joinMismatch'

const side = (table: string, ids: string[]) => ({ table, column: 'id', ids })

describe('noMatchReason', () => {
  it('names the mildest difference that makes the ids meet, with one pair', () => {
    expect(noMatchReason(side('A', ['c1', 'c2']), side('B', ['C2']))).toMatch(
      /upper and lower case differ\): "c2" in "A" and "C2" in "B"/,
    )
    expect(noMatchReason(side('A', ['12346', '7']), side('B', ['12346.0']))).toMatch(/as decimals\): "12346" in "A"/)
    expect(noMatchReason(side('A', ['0042']), side('B', ['42']))).toMatch(
      /leading zeros\): "0042" in "A" and "42" in "B"/,
    )
    expect(noMatchReason(side('A', ['C-0042']), side('B', ['42']))).toMatch(/letters, spaces or punctuation/)
  })

  it('gives examples from both sides when nothing brings them together, and says when a side is empty', () => {
    expect(noMatchReason(side('A', ['1', '2', '3', '4']), side('B', ['x']))).toBe(
      'None of the ids are the same: "A" has "1", "2", "3" in "id", "B" has "x" in "id". Check that both tables ' +
        'describe the same customers and that the right column of each is marked as the customer id on Import.',
    )
    // Two numbers in one id are not the same customer as either number.
    expect(noMatchReason(side('A', ['2021-15']), side('B', ['15']))).toMatch(/^None of the ids/)
    expect(noMatchReason(side('A', []), side('B', ['x']))).toBe('"id" in "A" is empty.')
  })
})
