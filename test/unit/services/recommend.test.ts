import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleRfmProject, serviceHarness, type ServiceHarness } from '../helpers/services'
import { parseRequestInput, type RequestInput } from '../../../src/shared/api'
import { runArrays } from '../../../src/main/store/repos/runs'
import type { ClusterRun } from '../../../src/shared/domain/cluster'
import type { MadeFile } from '../../../src/shared/domain/report'

const sample = resolve('resources/sample/online-retail-transactions.csv')

/** The sample read independently of the app: customer → items bought (quantity > 0), item → description. */
function purchases() {
  const rows = Papa.parse<Record<string, string>>(readFileSync(sample, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data
  const bought = new Map<string, Set<string>>()
  const names = new Map<string, string>()
  let noId = 0
  let returns = 0
  for (const r of rows) {
    if (!names.has(r.StockCode) && r.Description) names.set(r.StockCode, r.Description.trim())
    if (r.CustomerID === 'NA' || r.CustomerID === '' || r.StockCode === '') {
      noId++
      continue
    }
    if (!(Number(r.Quantity) > 0)) {
      returns++
      continue
    }
    if (!bought.has(r.CustomerID)) bought.set(r.CustomerID, new Set())
    bought.get(r.CustomerID)!.add(r.StockCode)
  }
  return { bought, names, noId, returns, rows: rows.length }
}

describe('Personalise through the services, with real job processes', () => {
  let h: ServiceHarness
  let txId: number
  let run: ClusterRun
  const truth = purchases()
  const call = <K extends 'jobs.recommend' | 'recommend.markSensitive' | 'exports.recommendations'>(
    name: K,
    input: RequestInput<K>,
  ) => h.services.handlers[name](parseRequestInput(name, input) as never) as ReturnType<(typeof h.services.handlers)[K]>
  const settings = (over: Partial<RequestInput<'jobs.recommend'>> = {}): RequestInput<'jobs.recommend'> => ({
    datasetId: txId,
    customer: 'CustomerID',
    item: 'StockCode',
    value: { column: 'Quantity', kind: 'quantity', threshold: null },
    date: 'InvoiceDate',
    split: 'random',
    catalogue: { datasetId: txId, item: 'StockCode', text: ['Description'], category: null },
    method: 'auto',
    top: 10,
    seed: 0,
    ...over,
  })
  async function fit(over: Partial<RequestInput<'jobs.recommend'>> = {}) {
    const job = await call('jobs.recommend', settings(over))
    const done = await h.finished(job.id)
    expect(done.error).toBeNull()
    expect(done.status).toBe('succeeded')
    return (await h.services.handlers['recommend.model']({}))!
  }

  beforeAll(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Retail' })
    const made = await sampleRfmProject(h, { k: 4 })
    txId = made.transactionsId
    const runId = made.runId!
    run = await api['runs.choose']({ runId })
  }, 120_000)
  afterAll(() => h.dispose())

  it('fits Automatically, evaluates beside the best-sellers with the protocol, and matches the segments', async () => {
    expect(await h.services.handlers['recommend.model']({})).toBeNull()
    const model = await fit()
    expect(['item-knn', 'user-knn', 'ease', 'content']).toContain(model.method)
    expect(model.tried.map((t) => t.method)).toEqual(['item-knn', 'user-knn', 'ease', 'content'])
    expect(Math.max(...model.tried.map((t) => t.ndcg))).toBe(model.tried.find((t) => t.method === model.method)!.ndcg)
    // The data as read independently: returns and rows without ids left out, the rest counted once per pair.
    expect(model.data.customers).toBe(truth.bought.size)
    expect(model.data.interactions).toBe([...truth.bought.values()].reduce((a, s) => a + s.size, 0))
    expect(model.data.skippedRows).toBe(truth.noId + truth.returns)
    const e = model.evaluation
    expect(e.protocol).toMatch(/random 25% of each customer's items held out \(seed 0\)/)
    expect(e.protocol).toMatch(/Automatic chose its method .* never on the held-out items/)
    expect(e.users).toBeGreaterThan(1000)
    for (const m of [e.metrics, e.baseline]) {
      for (const v of Object.values(m)) expect(v).toBeGreaterThanOrEqual(0)
      expect(m.precision).toBeLessThanOrEqual(1)
    }
    expect(e.ratio).toBeCloseTo(e.metrics.ndcg / e.baseline.ndcg, 9)
    expect(e.verdict).toMatch(/recommending bestsellers \(NDCG@10 0\.\d{3} vs 0\.\d{3}\)/)

    // Every RFM customer comes from the transactions: all of them are matched, none is a cold start.
    expect(model.segments).toMatchObject({ runId: run.id, k: 4, idColumn: 'customer', coldStart: 0 })
    expect(model.segments!.matched).toBe(model.segments!.runCustomers)
    expect(model.segments!.matched).toBeGreaterThan(2900)
  }, 120_000)

  it('lists one customer’s items with reasons: nothing already bought, each reason an item they bought', async () => {
    const api = h.services.handlers
    const [customer, items] = [...truth.bought.entries()].find(([, s]) => s.size >= 20)!
    const lookup = await api['recommend.customer']({ customer: ` ${customer} ` })
    const found = lookup.found!
    expect(found.customer).toBe(customer)
    expect(found.history).toBe(items.size)
    expect(found.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(found.segment).not.toBeNull()
    for (const r of found.items) {
      expect(items.has(r.item)).toBe(false)
      expect(r.name).toBe(truth.names.get(r.item) ?? null)
      const because = /^because you bought (.+)$/.exec(r.reason)
      if (because) expect([...items].map((i) => truth.names.get(i))).toContain(because[1])
      else expect(r.reason).toMatch(/customers most like you|best-sellers/)
    }
    const scores = found.items.map((i) => i.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    const partial = await api['recommend.customer']({ customer: customer.slice(0, 3) })
    expect(partial.found).toBeNull()
    expect(partial.suggestions.length).toBeGreaterThan(0)
    expect(partial.suggestions.every((s) => s.startsWith(customer.slice(0, 3)))).toBe(true)
  })

  it('gives each segment its most bought items, counted independently, and its lift', async () => {
    const api = h.services.handlers
    const top = (await api['recommend.segments']({}))!
    expect(top.runId).toBe(run.id)
    expect(top.segments).toHaveLength(4)
    // Segment of each RFM customer, from the run's labels, then buyers per item counted from the file.
    const db = h.services.session.requireProject().db
    const { labels, rowIndex } = runArrays(db, run.id)
    const page = await api['datasets.page']({ datasetId: run.datasetId, offset: 0, limit: 1000 })
    const ids: string[] = []
    for (let offset = 0; offset < page.total; offset += 1000) {
      const p = await api['datasets.page']({ datasetId: run.datasetId, offset, limit: 1000 })
      for (const row of p.rows) ids.push(row[p.columns.indexOf('customer')]!)
    }
    const segmentOf = new Map(Array.from(labels, (l, i) => [ids[rowIndex ? rowIndex[i] : i], l]))
    for (const s of top.segments) {
      const members = [...truth.bought.entries()].filter(([c]) => segmentOf.get(c) === s.segment)
      expect(s.customers).toBe(members.length)
      const count = (item: string) => members.filter(([, set]) => set.has(item)).length
      expect(s.byBuyers.length).toBe(10)
      for (const i of s.byBuyers) {
        expect(i.buyers).toBe(count(i.item))
        expect(i.share).toBeCloseTo(i.buyers / members.length, 12)
      }
      const most = Math.max(...[...truth.names.keys()].map(count))
      expect(s.byBuyers[0].buyers).toBe(most)
      for (const i of s.byLift) expect(i.buyers).toBeGreaterThanOrEqual(5)
      const lifts = s.byLift.map((i) => i.lift)
      expect([...lifts].sort((a, b) => b - a)).toEqual(lifts)
    }
  })

  it('hides sensitive items and categories at once, keeps them out of the next fit and of the export', async () => {
    const api = h.services.handlers
    const [customer] = [...truth.bought.entries()].find(([, s]) => s.size >= 20)!
    const before = (await api['recommend.customer']({ customer })).found!
    const marked = before.items[0].item
    const marks = await call('recommend.markSensitive', { items: [marked, marked], categories: [' heart '] })
    expect(marks).toEqual({ items: [marked], categories: ['heart'] })
    const now = (await api['recommend.customer']({ customer })).found!
    expect(now.items.map((i) => i.item)).not.toContain(marked)
    expect(now.hiddenSinceFit).toBeGreaterThanOrEqual(1)
    const heart = await api['recommend.items']({ query: 'heart' })
    expect(heart.length).toBeGreaterThan(0)
    // A category without a category column is a whole word of the description: HEART, not HEARTS.
    for (const i of heart) expect(i.sensitive).toBe(/\bheart\b/i.test(i.name ?? ''))

    const model = await fit({ method: 'item-knn' })
    expect(model.method).toBe('item-knn')
    expect(model.tried).toEqual([])
    expect(model.sensitive.marks).toEqual({ items: [marked], categories: ['heart'] })
    expect(model.sensitive.hiddenItems).toBeGreaterThan(10)
    const after = (await api['recommend.customer']({ customer })).found!
    expect(after.items).toHaveLength(10)
    expect(after.hiddenSinceFit).toBe(0)
    for (const r of after.items) {
      expect(r.item).not.toBe(marked)
      expect(`${r.name} ${r.reason}`).not.toMatch(/\bheart\b/i)
    }
    for (const s of (await api['recommend.segments']({}))!.segments)
      for (const i of [...s.byLift, ...s.byBuyers]) expect(i.name ?? '').not.toMatch(/\bheart\b/i)

    const made = (await call('exports.recommendations', { format: 'csv' })) as MadeFile
    expect(made).toMatchObject({ kind: 'download', name: 'Retail recommendations.csv' })
    const file = h.services.downloads.take((made as { id: string }).id)!
    const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['CustomerID', 'Rank', 'StockCode', 'Item', 'Score', 'Reason'])
    expect(rows.length - 1).toBe(truth.bought.size * 10)
    const mine = rows.filter((r) => r[0] === customer)
    expect(mine.map((r) => r[2])).toEqual(after.items.map((i) => i.item))
    expect(mine.map((r) => r[5])).toEqual(after.items.map((i) => i.reason))
    expect(rows.some((r) => r[2] === marked)).toBe(false)
    await call('recommend.markSensitive', { items: [], categories: [] })
  }, 120_000)

  it('splits by time with a method chosen by hand, and a cancelled fit keeps the stored one', async () => {
    const model = await fit({ method: 'user-knn', split: 'time' })
    expect(model.method).toBe('user-knn')
    expect(model.evaluation.protocol).toMatch(/last 25% of each customer's history held out.*Repeat purchases/)
    const job = await call('jobs.recommend', settings({ method: 'ease' }))
    await h.services.handlers['jobs.cancel']({ jobId: job.id })
    expect((await h.finished(job.id)).status).toBe('cancelled')
    expect((await h.services.handlers['recommend.model']({}))!.method).toBe('user-knn')
  }, 120_000)

  it('refuses what cannot work, in words', async () => {
    const job = await call('jobs.recommend', settings({ catalogue: null, method: 'content' }))
    const done = await h.finished(job.id)
    expect(done.status).toBe('failed')
    expect(done.error!.userMessage).toMatch(/need the item texts/)
    expect(() => parseRequestInput('jobs.recommend', settings({ item: 'CustomerID' }))).toThrow(/must differ/)
  }, 60_000)
})
