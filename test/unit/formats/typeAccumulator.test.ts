import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTypeAccumulator, retype, type InferredTable } from '../../../src/main/formats/typing/typeAccumulator'
import { distinctCap } from '../../../src/main/formats/typing/columnEvidence'
import { invalidTolerance } from '../../../src/main/formats/typing/inferType'

/** Types a table given as columns of raw values (all the same length). */
function typeColumns(columns: Record<string, readonly string[]>, options = {}): InferredTable {
  const names = Object.keys(columns)
  const n = columns[names[0]].length
  const acc = createTypeAccumulator(names, options)
  for (let i = 0; i < n; i++) acc.add(names.map((k) => columns[k][i]))
  return acc.finish()
}

const col = (t: InferredTable, name: string) => {
  const c = t.columns.find((x) => x.name === name)
  if (!c) throw new Error(`no column ${name}`)
  return c
}

/** Tiny deterministic generator for test data. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296
}

describe('createTypeAccumulator', () => {
  const r = rng(7)
  const n = 400
  const range = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i))
  const table = typeColumns({
    CustomerCode: range((i) => `C-${String(i).padStart(5, '0')}`),
    Revenue: range(() => {
      const v = Math.floor(r() * 5_000_000) / 100
      return v.toLocaleString('de-DE', { minimumFractionDigits: 2 })
    }),
    Visits: range((i) => (i === 17 ? 'lots' : String(Math.floor(r() * 30)))), // 1 bad value in 400 (0.25%)
    Settled: range((i) => `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2020`),
    Ambiguous: range(
      (i) => `${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + ((i * 5) % 12)).padStart(2, '0')}/2020`,
    ),
    IsActive: range((i) => (i % 3 === 0 ? '1' : '0')),
    Count: range((i) => (i % 3 === 0 ? '1' : '0')),
    Day: range((i) => `2019${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`),
    created_at: range((i) => String(1_500_000_000 + i * 3600)),
    Tier: range((i) => ['Gold', 'Silver', 'Bronze'][i % 3]),
    Comment: range((i) => `customer ${i} said something about order ${i * 7}`),
    Empty: range(() => (r() < 0.5 ? '' : 'NA')),
    Constant: range(() => 'x'),
    Mobile: range((i) => `+44 20 7946 ${String(i).padStart(4, '0')}`),
    Churned: range((i) => (i % 4 === 0 ? 'Yes' : i % 4 === 1 ? 'unknown' : 'No')),
  })

  it('types each column and explains why', () => {
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.type]))).toEqual({
      CustomerCode: 'id',
      Revenue: 'number',
      Visits: 'number',
      Settled: 'date',
      Ambiguous: 'date',
      IsActive: 'boolean',
      Count: 'number',
      Day: 'date',
      created_at: 'date',
      Tier: 'category',
      Comment: 'text',
      Empty: 'text',
      Constant: 'category',
      Mobile: 'text',
      Churned: 'boolean',
    })
  })

  it('finds a decimal comma with points between thousands', () => {
    const revenue = col(table, 'Revenue')
    expect(revenue.numberFormat).toEqual({ decimal: ',', thousands: '.', currency: null, percent: false })
    expect(revenue.typeReason).toMatch(/decimal comma and points between thousands/)
    expect(table.decimal).toBe(',')
  })

  it('tolerates under 1% bad values in a number column and reports them', () => {
    const visits = col(table, 'Visits')
    expect(visits.invalid).toEqual({ count: 1, examples: ['lots'] })
    expect(visits.typeReason).toMatch(/399 of 400 filled values are whole numbers.*1 value is not a number.*“lots”/)
  })

  it('settles day/month order from values above 12, and says when it cannot', () => {
    expect(col(table, 'Settled').dateFormat).toBe('dmy')
    expect(col(table, 'Settled').typeReason).toMatch(/day\/month\/year.*can only be read that way/)
    expect(col(table, 'Ambiguous').dateFormat).toBe('dmy')
    expect(col(table, 'Ambiguous').typeReason).toMatch(/day-first is assumed/)
    const us = typeColumns({ d: ['01/02/2020', '03/04/2020'] }, { dayFirst: false })
    expect(us.columns[0].dateFormat).toBe('mdy')
  })

  it('reads 1/0 as yes/no only when the name suggests a flag', () => {
    expect(col(table, 'IsActive').typeReason).toMatch(/name “IsActive” suggests a yes\/no flag/)
    expect(col(table, 'IsActive').booleanLabels).toEqual({ true: ['1'], false: ['0'] })
    expect(col(table, 'Count').alternatives).toContain('boolean')
  })

  it('reads 8-digit yyyymmdd and Unix seconds named like time as dates', () => {
    expect(col(table, 'Day').dateFormat).toBe('yyyymmdd')
    expect(col(table, 'Day').typeReason).toMatch(/8-digit numbers .* from 2019-01-01 to 2019-12-28/)
    expect(col(table, 'created_at').dateFormat).toBe('unix-seconds')
  })

  it('reports missing markers with their counts, "unknown" included', () => {
    const churned = col(table, 'Churned')
    expect(churned.missing).toEqual({ count: 100, markers: [{ marker: 'unknown', count: 100 }] })
    expect(churned.typeReason).toMatch(/100 values are missing \(written as “unknown”\)/)
    const empty = col(table, 'Empty')
    expect(empty.missing.count).toBe(n)
    expect(empty.missing.markers.map((m) => m.marker).sort()).toEqual(['(empty)', 'NA'])
  })

  it('suggests roles and flags phone numbers', () => {
    expect(col(table, 'Revenue').role).toBe('amount')
    expect(col(table, 'Visits').role).toBe('feature')
    expect(col(table, 'CustomerCode').role).toBe('customerId')
    expect(col(table, 'Settled').role).toBe('date')
    expect(col(table, 'Constant').role).toBe('ignore')
    expect(col(table, 'Comment').role).toBe('ignore')
    expect(col(table, 'Empty').role).toBe('ignore')
    expect(col(table, 'Mobile').pii?.kind).toBe('phone')
    expect(col(table, 'Mobile').role).toBe('ignore')
  })

  it('lets the user override a type and says what will not fit', () => {
    const tier = retype(col(table, 'Tier'), 'number', table)
    expect(tier.type).toBe('number')
    expect(tier.invalid.count).toBe(n)
    expect(tier.alternatives).toContain('category')
    const visits = retype(col(table, 'Visits'), 'category', table)
    expect(visits.type).toBe('category')
    expect(visits.numberFormat).toBeNull()
    const back = retype(visits, 'number', table)
    expect(back.numberFormat).toEqual(col(table, 'Visits').numberFormat)
  })
})

describe('table-wide decimal mark', () => {
  it('reads ambiguous "1,234" as a decimal comma when another column proves commas', () => {
    const t = typeColumns({ a: ['1,234', '2,500', '3,000'], b: ['1,5', '2,25', '3,75'] })
    expect(t.decimal).toBe(',')
    expect(t.columns[0].numberFormat?.decimal).toBe(',')
  })

  it('reads it as thousands when nothing says otherwise, or as the hint says', () => {
    expect(typeColumns({ a: ['1,234', '2,500'] }).columns[0].numberFormat).toMatchObject({
      decimal: '.',
      thousands: ',',
    })
    expect(typeColumns({ a: ['1,234', '2,500'] }, { decimalHint: ',' }).columns[0].numberFormat).toMatchObject({
      decimal: ',',
    })
  })
})

describe('bounded memory', () => {
  it(`tracks at most ${distinctCap.toLocaleString('en')} values per column exactly, then estimates`, () => {
    const acc = createTypeAccumulator(['key', 'group'])
    const unique = 60_000
    for (let i = 0; i < unique; i++) acc.add([`K${i}`, `g${i % 7}`])
    const t = acc.finish()
    const key = t.columns[0]
    expect(key.evidence.distinctExact).toBe(false)
    expect(Math.abs(key.evidence.distinct - unique) / unique).toBeLessThan(0.05)
    expect(key.evidence.top).toEqual([])
    expect(key.type).toBe('id')
    expect(t.columns[1].evidence).toMatchObject({ distinct: 7, distinctExact: true })
  })
})

describe('typing properties', () => {
  it('does not depend on row order', () => {
    const cell = fc.oneof(
      fc.integer({ min: -999, max: 999 }).map(String),
      fc.constantFrom('', 'NA', 'x', '1,5', '2011-03-10'),
    )
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 60 }), fc.nat(), (values, seed) => {
        const shuffled = [...values]
        const r = rng(seed)
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1))
          ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
        }
        const a = typeColumns({ v: values }).columns[0]
        const b = typeColumns({ v: shuffled }).columns[0]
        expect([b.type, b.numberFormat, b.dateFormat, b.invalid.count, b.missing.count]).toEqual([
          a.type,
          a.numberFormat,
          a.dateFormat,
          a.invalid.count,
          a.missing.count,
        ])
      }),
    )
  })

  it('never lets more than 1% of filled values break a number column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer().map(String), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 300 }),
        (values) => {
          const c = typeColumns({ amount: values }).columns[0]
          if (c.type === 'number')
            expect(c.invalid.count).toBeLessThanOrEqual(
              Math.floor((values.length - c.missing.count) * invalidTolerance),
            )
        },
      ),
    )
  })
})
