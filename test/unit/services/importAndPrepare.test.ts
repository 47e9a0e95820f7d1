import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'

describe('import → profile → prepare → RFM through the services, with real job processes', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = serviceHarness()
  })
  afterEach(() => h.dispose())

  it('imports Telco (blank TotalCharges), types its columns, profiles it and previews a pipeline', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Telco' })
    const path = sharedData('customers/Telco-Customer-Churn.csv')
    const inspection = await api['import.inspect']({ path })
    expect(inspection).toMatchObject({ delimiter: ',', hasHeader: true, suggestedKind: 'customers' })
    expect(inspection.header).toContain('TotalCharges')

    const job = await api['import.start']({ path, name: 'Telco', kind: 'customers' })
    const imported = await h.finished(job.id)
    expect(imported.status).toBe('succeeded')
    const [dataset] = await api['datasets.list']({})
    expect(imported.produced).toEqual({ datasetId: dataset.id })
    expect(dataset).toMatchObject({ name: 'Telco', rowCount: 7043, kind: 'customers' })
    const byName = Object.fromEntries(dataset.columns.map((c) => [c.name, c]))
    expect(byName.TotalCharges.type).toBe('number')
    expect(byName.customerID).toMatchObject({ type: 'id', role: 'customerId' })
    expect(dataset.importReport).toMatchObject({ rowCount: 7043, raggedRowCount: 0 })

    const profileJob = await api['jobs.profile']({ datasetId: dataset.id })
    expect((await h.finished(profileJob.id)).status).toBe('succeeded')
    const profile = (await api['datasets.profile']({ datasetId: dataset.id }))!
    const total = profile.profile.columns.find((c) => c.name === 'TotalCharges')!
    expect(total.missing).toBe(11)
    expect(profile.findings.some((f) => f.column === 'TotalCharges' && f.kind === 'missing')).toBe(true)

    await api['prep.save']({
      datasetId: dataset.id,
      steps: [
        { id: 'a', kind: 'impute', columns: ['TotalCharges'], strategy: 'median' },
        { id: 'b', kind: 'scale', columns: ['tenure', 'MonthlyCharges', 'TotalCharges'], method: 'standard' },
      ],
    })
    const preview = await api['prep.preview']({ datasetId: dataset.id })
    expect(preview.rowCount).toBe(7043)
    expect(preview.effects[0].columns[0]).toMatchObject({ column: 'TotalCharges', changed: 11 })
    const undone = await api['prep.undo']({ datasetId: dataset.id })
    expect(undone.steps).toEqual([])
  })

  it('builds RFM from Online Retail as a new customers dataset with the ten segment names', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Retail' })
    const path = sharedData('transactions/online_retail_sample_20000.csv')
    const job = await api['import.start']({ path, name: 'Retail', kind: 'transactions' })
    expect((await h.finished(job.id)).status).toBe('succeeded')
    const [tx] = await api['datasets.list']({})
    const rfm = await api['rfm.build']({
      datasetId: tx.id,
      customer: 'CustomerID',
      date: 'InvoiceDate',
      quantity: 'Quantity',
      price: 'UnitPrice',
      invoice: 'InvoiceNo',
      cancellations: 'net',
    })
    const done = await h.finished(rfm.id)
    expect(done.error).toBeNull()
    const datasets = await api['datasets.list']({})
    const derived = datasets.find((d) => d.derivedFrom === tx.id)!
    expect(derived.kind).toBe('customers')
    const summary = (await api['rfm.summary']({ datasetId: derived.id }))!
    expect(summary.customers).toBe(derived.rowCount)
    expect(summary.segments.map((s) => s.name)).toContain('Champions')
    expect(summary.asOf).toBe('2011-12-10')
  })

  it('reports a bad file plainly and leaves the project without a new dataset', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Bad' })
    await expect(api['import.inspect']({ path: '/nonexistent/file.csv' })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/file\.csv/),
    })
    expect(await api['datasets.list']({})).toEqual([])
  })
})
