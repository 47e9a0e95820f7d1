import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createTypeAccumulator, readRows, sniff, type InferredTable } from '../../../src/main/formats'

/**
 * Columns typed as a marketer means them (issue 17), on a made-up table with the 29 columns of the public
 * marketing-campaign table (test/fixtures/formats/make_marketing.ts) read end to end as an import does.
 */
const fixture = join(__dirname, '../../fixtures/formats/marketing-campaign.csv')

async function importFile(path: string): Promise<InferredTable> {
  const found = await sniff(path)
  const types = createTypeAccumulator(found.header, { decimalHint: found.decimalHint })
  await readRows(found, {}, (batch) => types.addRows(batch))
  return types.finish()
}

function typeColumns(columns: Record<string, readonly string[]>): InferredTable {
  const names = Object.keys(columns)
  const acc = createTypeAccumulator(names, {})
  for (let i = 0; i < columns[names[0]].length; i++) acc.add(names.map((k) => columns[k][i]))
  return acc.finish()
}

const column = (t: InferredTable, name: string) => {
  const c = t.columns.find((x) => x.name === name)
  if (!c) throw new Error(`no column ${name}`)
  return c
}

describe('the marketing-campaign table', () => {
  let table: Promise<InferredTable> | undefined
  const load = () => (table ??= importFile(fixture))

  it('reads counts of purchases and visits as numbers, whatever the name mentions (store, web, catalog)', async () => {
    const t = await load()
    for (const name of [
      'NumDealsPurchases',
      'NumWebPurchases',
      'NumCatalogPurchases',
      'NumStorePurchases',
      'NumWebVisitsMonth',
      'Kidhome',
      'Teenhome',
      'Recency',
    ]) {
      expect(column(t, name).type, name).toBe('number')
      expect(column(t, name).role, name).toBe('feature')
    }
    expect(column(t, 'NumStorePurchases').typeReason).not.toMatch(/codes/)
  })

  it('reads the 0/1 campaign answers and complaints as yes/no', async () => {
    const t = await load()
    for (const name of ['AcceptedCmp1', 'AcceptedCmp2', 'AcceptedCmp3', 'AcceptedCmp4', 'AcceptedCmp5', 'Complain']) {
      expect(column(t, name).type, name).toBe('boolean')
      expect(column(t, name).booleanLabels, name).toEqual({ true: ['1'], false: ['0'] })
    }
    expect(column(t, 'Response').type).toBe('boolean')
  })

  it('keeps a year of birth as a number to segment on (like an age), not personal data', async () => {
    const t = await load()
    const year = column(t, 'Year_Birth')
    expect(year.type).toBe('number')
    expect(year.pii).toBeNull()
    expect(year.role).toBe('feature')
    expect(year.typeReason).toMatch(/year of birth.*age/i)
  })

  it('gives the money spent the role Amount, and income (money the customer has) the role Feature', async () => {
    const t = await load()
    expect(column(t, 'Income').type).toBe('number')
    expect(column(t, 'Income').role).toBe('feature')
    expect(column(t, 'Income').missing.count).toBe(3)
    for (const name of ['MntWines', 'MntFruits', 'MntGoldProds']) expect(column(t, name).role, name).toBe('amount')
  })

  it('reads the day-month-year join date as a date, and the constant columns as ignored', async () => {
    const t = await load()
    expect(column(t, 'Dt_Customer').type).toBe('date')
    expect(column(t, 'Dt_Customer').dateFormat).toBe('dmy')
    expect(column(t, 'Z_CostContact').role).toBe('ignore')
    expect(column(t, 'ID').role).toBe('customerId')
    expect(t.columns.filter((c) => c.pii).map((c) => c.name)).toEqual([])
  })
})

describe('far-future placeholder dates', () => {
  const n = 60
  const t = typeColumns({
    valid_to: Array.from({ length: n }, () => '9999-12-31'),
    contract_end: Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? '9999-12-31' : `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    ),
    end_dmy: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '31/12/9999' : '25/03/2021')),
  })

  it('reads 9999-12-31 ("no end date") as a date, never as phone numbers', () => {
    for (const name of ['valid_to', 'contract_end', 'end_dmy']) {
      const c = column(t, name)
      expect(c.type, name).toBe('date')
      expect(c.pii, name).toBeNull()
      expect(c.typeReason, name).toMatch(/9999-12-31.*no end date/)
    }
    expect(column(t, 'contract_end').dateFormat).toBe('iso')
    expect(column(t, 'end_dmy').dateFormat).toBe('dmy')
  })

  it('still refuses other years far outside 1800–2200 as dates', () => {
    const odd = typeColumns({ code: Array.from({ length: n }, (_, i) => `9999-0${1 + (i % 9)}-01`) })
    expect(odd.columns[0].type).not.toBe('date')
  })
})
