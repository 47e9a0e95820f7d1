import { describe, expect, it } from 'vitest'
import { describeQuality, profileColumn, profileFrame } from '../../../src/main/engine/profile'
import type { Frame } from '../../../src/main/engine/frame'
import { categoryColumn, dataset, frameOf, numberColumn } from '../prep/fixtures'

describe('profileColumn', () => {
  it('counts missing and distinct values and orders top values by count, then first appearance', () => {
    const p = profileColumn(
      categoryColumn('Country', ['UK', 'France', null, 'UK', 'Spain', 'France', 'UK', null, 'Spain']),
    )
    expect(p).toMatchObject({ count: 7, missing: 2, distinct: 3, numeric: null })
    expect(p.top).toEqual([
      { value: 'UK', count: 3 },
      { value: 'France', count: 2 },
      { value: 'Spain', count: 2 },
    ])
  })

  it('summarises numbers: NaN is missing, std has divisor n − 1', () => {
    const p = profileColumn(numberColumn('Income', [10, null, 20, 30, null, 40]))
    expect(p).toMatchObject({ count: 4, missing: 2, distinct: 4 })
    expect(p.numeric).toMatchObject({ min: 10, max: 40, mean: 25, median: 25, allIntegers: true })
    expect(p.numeric!.std).toBeCloseTo(Math.sqrt(500 / 3), 12)
    // JSON has no NaN: undefined statistics are null so the profile survives the WebSocket.
    const two = profileColumn(numberColumn('x', [1, 2])).numeric!
    expect(two.skewness).toBeNull()
    expect(JSON.parse(JSON.stringify(two)).std).toBeCloseTo(Math.SQRT1_2, 12)
  })

  it('shows dates as ISO days and summarises them in epoch milliseconds', () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`)
    const p = profileColumn({
      name: 'Joined',
      kind: 'date',
      values: Float64Array.from([day('2011-01-02'), day('2011-01-02'), day('2011-03-04')]),
    })
    expect(p.top[0]).toEqual({ value: '2011-01-02', count: 2 })
    expect(p.numeric!.min).toBe(day('2011-01-02'))
    expect(p.idLike).toBe(false)
  })

  it.each([
    ['CustomerID', true],
    ['customer_id', true],
    ['InvoiceNo', true],
    ['Paid', false],
    ['Video', false],
  ])('calls an all-distinct number column named %s id-like: %s', (name, expected) => {
    const values = Array.from({ length: 50 }, (_, i) => 1000 + i * 7)
    expect(profileColumn(numberColumn(name, values)).idLike).toBe(expected)
  })

  it('calls all-distinct text id-like whatever its name, but not repeating categories', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `cust-${i}`)
    expect(profileColumn({ name: 'who', kind: 'text', values: ids }).idLike).toBe(true)
    expect(
      profileColumn(
        categoryColumn(
          'segment',
          ids.map((_, i) => `s${i % 3}`),
        ),
      ).idLike,
    ).toBe(false)
  })
})

describe('profileFrame', () => {
  const frame: Frame = frameOf(
    categoryColumn('id', ['a', 'b', 'c', 'a', 'd', 'e', 'b']),
    numberColumn('spend', [1, 2, 3, 1, 5, NaN, 2]),
    categoryColumn('city', ['X', 'Y', 'Z', 'X', null, null, 'Y']),
  )

  it('finds rows that repeat an earlier row on all columns and on chosen ones', () => {
    expect(profileFrame(frame).duplicates).toEqual({ columns: ['id', 'spend', 'city'], count: 2, rows: [3, 6] })
    expect(profileFrame(frame, { duplicateColumns: ['city'] }).duplicates).toMatchObject({ count: 3, rows: [3, 5, 6] })
  })

  it('does not take the number 1 for the text "1", nor a missing value for either', () => {
    const mixed = frameOf(numberColumn('n', [1, NaN, 1]), categoryColumn('c', ['1', '1', null]))
    expect(profileFrame(mixed).duplicates.count).toBe(0)
  })

  it('reports ids that repeat', () => {
    expect(profileFrame(frame, { idColumn: 'id' }).duplicateIds).toEqual({
      column: 'id',
      ids: 2,
      rows: 4,
      examples: ['a', 'b'],
    })
    expect(() => profileFrame(frame, { idColumn: 'nope' })).toThrow(/nope/)
  })

  it('profiles every column of Wholesale', () => {
    const p = profileFrame(dataset('wholesale'))
    expect(p.rowCount).toBe(440)
    expect(p.columns.map((c) => c.name)).toEqual([
      'Channel',
      'Region',
      'Fresh',
      'Milk',
      'Grocery',
      'Frozen',
      'Detergents_Paper',
      'Delicassen',
    ])
    expect(p.columns[0]).toMatchObject({ distinct: 2, missing: 0 })
    expect(p.columns[2].numeric!.skewness).toBeGreaterThan(2)
  })
})

describe('describeQuality', () => {
  const n = 20
  const income = Array.from({ length: n }, (_, i) => (i < 3 ? null : 30_000 + i * 1000))
  const spend = Array.from({ length: n }, (_, i) => (i === 0 ? 50_000 : i === 1 ? 20_000 : 10 + i))
  const frame = frameOf(
    numberColumn(
      'CustomerID',
      Array.from({ length: n }, (_, i) => 100 + i),
    ),
    numberColumn('Income', income),
    numberColumn('Fresh', spend),
    numberColumn('Flag', Array(n).fill(1)),
    numberColumn('Empty', Array(n).fill(null)),
  )
  const findings = describeQuality(profileFrame(frame), { entityNoun: 'customers', moneyColumns: ['Fresh'] })
  const messages = findings.map((f) => f.message)

  it('says how many customers lack a value, with the share', () => {
    expect(messages).toContain('3 customers have no Income (15%).')
    expect(findings.find((f) => f.kind === 'missing' && f.column === 'Income')!.severity).toBe('warning')
  })

  it('explains skew in terms of spend for money columns', () => {
    expect(messages).toContain('Fresh is strongly right-skewed: a few customers spend far more than the rest.')
  })

  it('flags identifiers, constant and empty columns, and outliers', () => {
    expect(findings.find((f) => f.column === 'CustomerID')!.kind).toBe('idLike')
    expect(messages).toContain('Flag has the same value for every customer, so it cannot tell customers apart.')
    expect(messages).toContain('Empty is empty for every customer.')
    expect(messages).toContain('2 customers (10%) have an unusually high Fresh.')
  })

  it('lists problems before warnings before information', () => {
    const order = { problem: 0, warning: 1, info: 2 }
    const ranks = findings.map((f) => order[f.severity])
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(findings[0]).toMatchObject({ severity: 'problem', kind: 'empty' })
  })

  it('uses the singular for one and counts duplicates and repeated ids', () => {
    const dup = frameOf(categoryColumn('id', ['a', 'a', 'b']), numberColumn('x', [1, 1, 2]))
    const m = describeQuality(profileFrame(dup, { idColumn: 'id' }), { entityNoun: 'households' }).map((f) => f.message)
    expect(m).toContain('1 household is an exact copy of an earlier row.')
    expect(m).toContain('1 id appears more than once in id (2 rows), so some households are listed twice.')
  })
})
