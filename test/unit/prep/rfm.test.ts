import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  computeRfm,
  describeRfmReport,
  firstRanks,
  qcut,
  quintileScores,
  RF_SEGMENT_MAP,
  rfmToFrame,
  segmentOf,
  summariseSegments,
  type Transactions,
} from '../../../src/main/engine/prep'
import { rfmSegmentNames } from '../../../src/shared/domain/prep'

const DAY = 86_400_000
const at = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`)

/**
 * A hand-checkable log. Last dated row 2011-12-09 14:00 → asOf 2011-12-10 00:00.
 * A: invoices 1 (2 lines, 12-01) and 2 (12-09 10:00), returns C3 (−5): R 0, F 2, M 30+20+50 = 100 (net 95).
 * B: one purchase 11-30 12:00 (40), one negative-amount line without C (−10): R 10 (9.5 days, floored), F 1.
 * C: only a cancellation → no RFM. D: nothing but a row with no amount. Row 7 has no customer.
 */
const log: Transactions = {
  customer: ['A', 'A', 'A', 'A', 'B', 'B', 'C', null, 'D'],
  date: Float64Array.from(
    [
      '2011-12-01T09:00:00',
      '2011-12-01T09:00:00',
      '2011-12-09T10:00:00',
      '2011-12-09T11:00:00',
      '2011-11-30T12:00:00',
      '2011-12-02T08:00:00',
      '2011-12-03T00:00:00',
      '2011-12-09T14:00:00',
      '2011-12-04T00:00:00',
    ].map(at),
  ),
  amount: Float64Array.from([30, 20, 50, -5, 40, -10, -7, 99, NaN]),
  invoice: ['1', '1', '2', 'C3', '4', '5', 'C6', '7', '8'],
  item: ['x', 'y', 'x', 'x', 'z', 'z', 'x', 'x', 'x'],
}

describe('computeRfm on a hand-checked log', () => {
  const excluded = computeRfm(log, { cancellations: 'exclude' })
  const netted = computeRfm(log, { cancellations: 'net' })

  it('measures recency up to the day after the last transaction, in whole days', () => {
    expect(excluded.report.asOf).toBe(at('2011-12-10'))
    expect(excluded.report.asOfDefaulted).toBe(true)
    expect(excluded.customers).toEqual(['A', 'B'])
    expect([...excluded.recency]).toEqual([0, 9])
    expect([...excluded.tenure]).toEqual([8, 9])
  })

  it('counts distinct invoices and sums amounts; returns are left out or netted', () => {
    expect([...excluded.frequency]).toEqual([2, 1])
    expect([...excluded.monetary]).toEqual([100, 40])
    expect([...netted.frequency]).toEqual([2, 1])
    expect([...netted.monetary]).toEqual([95, 30])
    expect([...netted.recency]).toEqual([0, 9])
  })

  it('derives order value, purchase interval and distinct items', () => {
    expect([...excluded.averageOrderValue]).toEqual([50, 40])
    expect(excluded.meanDaysBetweenPurchases[0]).toBeCloseTo(
      (at('2011-12-09T10:00:00') - at('2011-12-01T09:00:00')) / DAY,
      12,
    )
    expect(excluded.meanDaysBetweenPurchases[1]).toBeNaN()
    expect([...excluded.distinctItems!]).toEqual([2, 1])
  })

  it('reports what it left out and what each cancellation policy did', () => {
    expect(excluded.report).toMatchObject({
      rows: 9,
      rowsWithoutCustomer: 1,
      rowsWithoutDateOrAmount: 1,
      cancellationRows: 3,
      cancellationAmount: 22,
      purchaseRows: 4,
      customers: 2,
      customersWithOnlyReturns: 0,
    })
    expect(netted.report).toMatchObject({ customersWithOnlyReturns: 1, customersWithNegativeMonetary: 0 })
    const lines = describeRfmReport(netted.report)
    expect(lines[0]).toBe(
      '2 customers scored from 4 purchase rows, with recency counted up to 2011-12-10 (the day after the last transaction).',
    )
    expect(lines).toContain(
      "3 cancellation or return rows (worth 22) were subtracted from the customers' spend but not counted as purchases.",
    )
    expect(lines).toContain('1 customer only returned goods in this period and gets no score.')
  })

  it('counts rows when there is no invoice column, and takes a given asOf', () => {
    const noInvoice = computeRfm(
      { customer: log.customer, date: log.date, amount: log.amount },
      { cancellations: 'exclude', asOf: at('2011-12-31') },
    )
    // Without invoice numbers only negative amounts mark returns: A has 3 purchase rows, B 1.
    expect([...noInvoice.frequency]).toEqual([3, 1])
    expect([...noInvoice.recency]).toEqual([21, 30])
    expect(noInvoice.report.asOfDefaulted).toBe(false)
  })

  it('refuses a reference date before the last purchase and columns of different lengths', () => {
    expect(() => computeRfm(log, { cancellations: 'exclude', asOf: at('2011-12-05') })).toThrow(
      'The reference date 2011-12-05 is before the last purchase (2011-12-09); choose a later date.',
    )
    expect(() => computeRfm({ ...log, amount: new Float64Array(2) }, { cancellations: 'net' })).toThrow(
      'The amount column has 2 values but the customer column has 9.',
    )
  })

  it('becomes a Frame ready for profiling and clustering', () => {
    const frame = rfmToFrame(excluded)
    expect(frame.rowCount).toBe(2)
    expect(frame.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'customer:text',
      'recency_days:number',
      'frequency:number',
      'monetary:number',
      'tenure_days:number',
      'average_order_value:number',
      'mean_days_between_purchases:number',
      'distinct_items:number',
      'first_purchase:date',
      'last_purchase:date',
      'R:number',
      'F:number',
      'M:number',
      'segment:category',
    ])
  })
})

describe('quintile scores', () => {
  it('bins like pandas qcut: right-closed, minimum in bin 1', () => {
    // Edges of 1..10: 1, 2.8, 4.6, 6.4, 8.2, 10.
    expect([...qcut(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))!]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    // A value exactly on an edge goes to the lower bin: edges of 0..5 are 0, 1, 2, 3, 4, 5.
    expect([...qcut(Float64Array.from([0, 1, 2, 3, 4, 5]))!]).toEqual([1, 1, 2, 3, 4, 5])
  })

  it('falls back to ranks, ties in order of appearance, when edges repeat', () => {
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])
    expect(qcut(values)).toBeNull()
    expect([...firstRanks(values)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const s = quintileScores(values, 'value')
    expect(s.byRank).toBe(true)
    expect([...s.scores]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
  })

  it('gives every score to a fifth of the customers when scoring by rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 5, maxLength: 300 }), (xs) => {
        const { scores } = quintileScores(Float64Array.from(xs), 'rank')
        const counts = [1, 2, 3, 4, 5].map((k) => scores.filter((s) => s === k).length)
        return Math.max(...counts) - Math.min(...counts) <= 1 && counts.reduce((a, b) => a + b) === xs.length
      }),
    )
  })

  it('never gives a higher value a lower score', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const values = Float64Array.from(xs)
        const { scores } = quintileScores(values, 'value')
        return xs.every((a, i) => xs.every((b, j) => !(a < b) || scores[i] <= scores[j]))
      }),
      { numRuns: 50 },
    )
  })
})

describe('RFM segments', () => {
  it('maps each of the 25 R×F combinations to exactly one segment, using all ten', () => {
    const used = new Set<string>()
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const matches = RF_SEGMENT_MAP.filter(([p]) => p.test(`${r}${f}`))
        expect(matches.length).toBe(1)
        used.add(segmentOf(r, f))
      }
    }
    expect([...used].sort()).toEqual([...rfmSegmentNames].sort())
    expect(segmentOf(5, 5)).toBe('Champions')
    expect(segmentOf(1, 5)).toBe("Can't Lose Them")
    expect(segmentOf(5, 1)).toBe('New Customers')
    expect(segmentOf(4, 1)).toBe('Promising')
    expect(segmentOf(3, 3)).toBe('Need Attention')
    expect(() => segmentOf(0, 3)).toThrow(/got R 0, F 3/)
  })

  it('summarises every segment with its size and averages', () => {
    const result = computeRfm(log, { cancellations: 'exclude' })
    const summary = summariseSegments(result)
    expect(summary.map((s) => s.segment)).toEqual([...rfmSegmentNames])
    expect(summary.reduce((a, s) => a + s.customers, 0)).toBe(2)
    const a = summary.find((s) => s.segment === result.segment[0])!
    expect(a.description.length).toBeGreaterThan(10)
  })
})
