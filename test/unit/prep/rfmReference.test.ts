import { describe, expect, it } from 'vitest'
import { computeRfm, type RfmResult, type Transactions } from '../../../src/main/engine/prep'
import { cdnow, fixture, hasTransactionData, onlineRetail } from './fixtures'

/**
 * computeRfm against an independent plain-Python computation (scripts/reference/rfm_reference.py, fixtures in
 * test/fixtures/rfm/) on real transaction logs. The logs themselves live in the shared data folder
 * (SEGMENTLAB_DATA, default ../shared/data beside the repository); without it these tests are reported as skipped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON, read field by field
type Reference = Record<string, any>

function expectSameCustomers(result: RfmResult, ref: Reference, fields: [keyof RfmResult, string][]) {
  expect(result.customers).toEqual(ref.customers)
  for (const [ours, theirs] of fields) {
    const actual = Array.from(result[ours] as ArrayLike<number>, (v) => (Number.isNaN(v) ? null : v))
    const expected = ref[theirs] as (number | null)[]
    expect(actual.length).toBe(expected.length)
    actual.forEach((v, i) => {
      if (expected[i] === null || v === null) expect(v).toBe(expected[i])
      else expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i]!)))
    })
  }
  expect([...result.recencyScore]).toEqual(ref.R)
  expect([...result.frequencyScore]).toEqual(ref.F)
  expect([...result.monetaryScore]).toEqual(ref.M)
  expect(result.segment).toEqual(ref.segment)
}

const allFields: [keyof RfmResult, string][] = [
  ['recency', 'recency'],
  ['frequency', 'frequency'],
  ['monetary', 'monetary'],
  ['tenure', 'tenure'],
  ['averageOrderValue', 'averageOrderValue'],
  ['meanDaysBetweenPurchases', 'meanDaysBetweenPurchases'],
]

describe.skipIf(!hasTransactionData)('RFM on real logs against the independent reference', () => {
  const retail: Transactions | null = hasTransactionData ? onlineRetail() : null

  it.each(['exclude', 'net'] as const)('Online Retail sample, cancellations %s', (policy) => {
    const ref = fixture(`rfm/online_retail_${policy}.json`)
    const result = computeRfm(retail!, { cancellations: policy })
    expect(result.report).toMatchObject({ ...ref.report, cancellationAmount: expect.any(Number) })
    expect(result.report.cancellationAmount).toBeCloseTo(ref.report.cancellationAmount, 6)
    expectSameCustomers(result, ref, [...allFields, ['distinctItems', 'distinctItems']])
  })

  it('CDNOW 1/10 sample (no invoice column: one purchase per row)', () => {
    const ref = fixture('rfm/cdnow_sample.json')
    const result = computeRfm(cdnow('sample'), { cancellations: 'exclude' })
    expect(result.report).toMatchObject(ref.report)
    expectSameCustomers(result, ref, allFields)
  })

  it('CDNOW master (23,570 customers): same segment and score counts and totals', () => {
    const ref = fixture('rfm/cdnow_master_summary.json')
    const result = computeRfm(cdnow('master'), { cancellations: 'exclude' })
    expect(result.report).toMatchObject(ref.report)
    const count = (xs: ArrayLike<number | string>) => {
      const out: Record<string, number> = {}
      for (const x of Array.from(xs)) out[String(x)] = (out[String(x)] ?? 0) + 1
      return out
    }
    expect(count(result.segment)).toEqual(ref.segments)
    expect(count(result.recencyScore)).toEqual(ref.R)
    expect(count(result.frequencyScore)).toEqual(ref.F)
    expect(count(result.monetaryScore)).toEqual(ref.M)
    expect(result.recency.reduce((a, b) => a + b, 0)).toBe(ref.totals.recency)
    expect(result.frequency.reduce((a, b) => a + b, 0)).toBe(ref.totals.frequency)
    expect(result.monetary.reduce((a, b) => a + b, 0)).toBeCloseTo(ref.totals.monetary, 4)
    const head = ref.head.customers.length
    expect(result.customers.slice(0, head)).toEqual(ref.head.customers)
    expect([...result.monetary.slice(0, head)]).toEqual(ref.head.monetary)
    expect(result.segment.slice(0, head)).toEqual(ref.head.segment)
  })
})
