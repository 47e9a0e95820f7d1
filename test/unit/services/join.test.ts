import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importedId, serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'

describe('joining RFM features to a customer table', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = serviceHarness()
  })
  afterEach(() => h.dispose())

  const imported = (path: string, name: string, kind: 'customers' | 'transactions' = 'customers') =>
    importedId(h, path, name, kind)

  it('keeps every customer, in order, adds RFM columns to the matched ones and says how many matched', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Join' })
    const txPath = sharedData('transactions/online_retail_sample_20000.csv')
    const rows = Papa.parse<Record<string, string>>(readFileSync(txPath, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data
    const ids = [...new Set(rows.map((r) => r.CustomerID).filter((id) => id && id !== 'NA'))].slice(0, 20)
    const customersPath = join(h.dir.path, 'customers.csv')
    writeFileSync(
      customersPath,
      ['CustomerID,Region', ...ids.map((id, i) => `${id},R${i % 3}`), '99999,R0', '99998,R1'].join('\n'),
    )

    const customers = await imported(customersPath, 'Customers', 'customers')
    const tx = await imported(txPath, 'Retail', 'transactions')
    const rfmJob = await api['rfm.build']({
      datasetId: tx,
      customer: 'CustomerID',
      date: 'InvoiceDate',
      quantity: 'Quantity',
      price: 'UnitPrice',
      invoice: 'InvoiceNo',
      cancellations: 'exclude',
    })
    const rfm = (await h.finished(rfmJob.id)).produced!.datasetId!

    const job = await api['datasets.join']({ customersId: customers, featuresId: rfm })
    const result = await h.finished(job.id)
    expect(result.status).toBe('succeeded')
    expect(result.produced!.summary).toMatch(
      /^Created “Customers \+ RFM of Retail”\. 20 of 22 customers in "Customers" were found in "RFM of Retail"/,
    )
    const d = (await api['datasets.list']({})).find((x) => x.id === result.produced!.datasetId)!
    expect(d.rowCount).toBe(22)
    expect(d.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['CustomerID', 'Region', 'recency_days', 'frequency', 'monetary', 'segment']),
    )
    expect(d.columns.filter((c) => c.role === 'customerId').map((c) => c.name)).toEqual(['CustomerID'])
    const page = await api['datasets.page']({ datasetId: d.id, offset: 0, limit: 50 })
    expect(page.rows.map((r) => r[0])).toEqual([...ids, '99999', '99998'])
    const segment = d.columns.findIndex((c) => c.name === 'segment')
    expect(page.rows[21][segment]).toBeNull()
    expect(page.rows[0][segment]).not.toBeNull()

    // The joined table is a normal dataset: it can be profiled and segmented.
    const profile = await api['jobs.profile']({ datasetId: d.id })
    expect((await h.finished(profile.id)).status).toBe('succeeded')
  })

  it('refuses to join a table that repeats customers (transactions), saying what to do instead', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Join' })
    const path = join(h.dir.path, 'c.csv')
    writeFileSync(path, 'CustomerID,Region\n12346,A\n12347,B\n')
    const customers = await imported(path, 'Customers', 'customers')
    const tx = await imported(sharedData('transactions/online_retail_sample_20000.csv'), 'Retail', 'transactions')
    const job = await api['datasets.join']({ customersId: customers, featuresId: tx })
    expect(await h.finished(job.id)).toMatchObject({
      status: 'failed',
      error: { userMessage: expect.stringMatching(/appear more than once.*build RFM first/) },
    })
  })

  it('refuses a join that matches no customer, says why and makes nothing', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Join' })
    const write = (name: string, text: string) => {
      const path = join(h.dir.path, name)
      writeFileSync(path, text)
      return path
    }
    const customers = await imported(
      write('customers.csv', 'CustomerID,Region\n00012346,A\n00012347,B\n00012348,A\n'),
      'Customers',
      'customers',
    )
    const padded = await imported(
      write('scores.csv', 'CustomerID,Score\n12346,1\n12347,2\n12348,3\n'),
      'Scores',
      'customers',
    )
    const other = await imported(write('other.csv', 'CustomerID,Score\nA-1,1\nA-2,2\n'), 'Other', 'customers')
    const before = await api['datasets.list']({})

    const joined = async (featuresId: number) =>
      (await h.finished((await api['datasets.join']({ customersId: customers, featuresId })).id)).error
    expect(await joined(padded)).toMatchObject({
      code: 'join.noMatch',
      userMessage:
        'No customer in "Customers" was found in "Scores", so no table was made. The ids seem to be the same customers ' +
        'written differently (one side pads them with leading zeros): "00012346" in "Customers" and "12346" in ' +
        '"Scores". Make them match in the files and import again.',
    })
    expect(await joined(other)).toMatchObject({
      userMessage: expect.stringMatching(
        /^No customer in "Customers" was found in "Other", so no table was made\. None of the ids are the same: "Customers" has "00012346", "00012347", "00012348" in "CustomerID", "Other" has "A-1", "A-2" in "CustomerID"\./,
      ),
    })
    expect(await api['datasets.list']({})).toEqual(before)
  })
})
