import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceHarness, type ServiceHarness } from '../helpers/services'
import { parseRequestInput } from '../../../src/shared/api'

const sample = resolve('resources/sample/online-retail-transactions.csv')

/** Customers (quantity > 0) of each item in the sample, read independently of the app. */
function buyersOf(): Map<string, Set<string>> {
  const rows = Papa.parse<Record<string, string>>(readFileSync(sample, 'utf8'), { header: true, skipEmptyLines: true })
  const out = new Map<string, Set<string>>()
  for (const r of rows.data) {
    if (r.CustomerID === 'NA' || r.CustomerID === '' || r.StockCode === '' || !(Number(r.Quantity) > 0)) continue
    if (!out.has(r.StockCode)) out.set(r.StockCode, new Set())
    out.get(r.StockCode)!.add(r.CustomerID)
  }
  return out
}

describe('the blend weight and items like this one, through the services', () => {
  let h: ServiceHarness
  beforeAll(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Retail' })
    const imported = await api['import.start']({ path: sample, name: 'Transactions', kind: 'transactions' })
    const txId = (await h.finished(imported.id)).produced!.datasetId!
    const settings = parseRequestInput('jobs.recommend', {
      datasetId: txId,
      customer: 'CustomerID',
      item: 'StockCode',
      value: { column: 'Quantity', kind: 'quantity', threshold: null },
      date: 'InvoiceDate',
      split: 'random',
      catalogue: { datasetId: txId, item: 'StockCode', text: ['Description'], category: null },
      method: 'blend',
      top: 10,
      seed: 0,
      blendWeight: 0.65,
    })
    const job = await api['jobs.recommend'](settings)
    expect((await h.finished(job.id)).status).toBe('succeeded')
  }, 120_000)
  afterAll(() => h.dispose())

  it('stores the blend weight with the model', async () => {
    const model = (await h.services.handlers['recommend.model']({}))!
    expect(model.method).toBe('blend')
    expect(model.settings.blendWeight).toBe(0.65)
  })

  it("lists an item's neighbours by description and bought together, with reasons that hold in the data", async () => {
    const api = h.services.handlers
    const top = (await api['recommend.items']({ query: '' }))[0]
    const similar = (await api['recommend.similar']({ item: top.item }))!
    expect(similar.item.item).toBe(top.item)
    expect(similar.listed).toBe(true)
    expect(similar.content!.length).toBe(10)
    expect(similar.bought.length).toBe(10)
    expect(similar.content![0].reason).toMatch(/^descriptions share “[a-z0-9]+/)
    const buyers = buyersOf()
    for (const n of similar.bought) {
      const both = [...buyers.get(top.item)!].filter((c) => buyers.get(n.item)!.has(c)).length
      expect(n.reason).toBe(`bought together by ${both.toLocaleString('en')} ${both === 1 ? 'customer' : 'customers'}`)
      expect(n.item).not.toBe(top.item)
    }
    expect(await api['recommend.similar']({ item: 'no such item' })).toBeNull()
  })

  it('hides a neighbour marked sensitive at once', async () => {
    const api = h.services.handlers
    const top = (await api['recommend.items']({ query: '' }))[0]
    const before = (await api['recommend.similar']({ item: top.item }))!
    const marked = before.bought[0].item
    await api['recommend.markSensitive']({ items: [marked], categories: [] })
    const after = (await api['recommend.similar']({ item: top.item }))!
    expect(after.bought.map((n) => n.item)).not.toContain(marked)
    expect(after.content!.map((n) => n.item)).not.toContain(marked)
  })
})
