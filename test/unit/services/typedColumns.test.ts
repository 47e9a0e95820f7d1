import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importedId, recordingPlatform, serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'
import { openDatabase, type Db } from '../../../src/main/store/database'
import { migrate } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { setMeta } from '../../../src/main/store/repos/meta'
import { createStagingTable, stagingInserter } from '../../../src/main/store/repos/staging'
import { commitDataset, columnTyping, getDataset, iterateRows } from '../../../src/main/store/repos/datasets'
import { staleTypedColumns } from '../../../src/main/store/repos/typedColumns'
import { loadFrame } from '../../../src/main/jobs/tasks/loadFrame'
import { toFrameColumn } from '../../../src/main/formats/typing/toFrameColumn'
import { columnParse } from '../../../src/main/formats/typing/columnParse'
import type { JobInfo } from '../../../src/shared/domain/jobs'

const quiet = async () => {}

describe('typed columns through the services, with real job processes', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = serviceHarness()
  })
  afterEach(() => h.dispose())

  const db = (): Db => h.services.session.project!.db
  const fillJobs = (): string[] => [
    ...new Set(
      h.events
        .filter((e) => e.name === 'job.updated' && (e.payload as JobInfo).kind === 'typedColumns')
        .map((e) => (e.payload as JobInfo).id),
    ),
  ]
  /** Waits for the fill job started last. */
  async function lastFill(): Promise<JobInfo> {
    const jobs = fillJobs()
    expect(jobs.length).toBeGreaterThan(0)
    return h.finished(jobs[jobs.length - 1])
  }
  const imported = (path: string, name: string, kind: 'customers' | 'transactions' = 'customers') =>
    importedId(h, path, name, kind)
  const storedRows = (datasetId: number) =>
    db()
      .prepare('SELECT position, rowid AS id, kind FROM typed_columns WHERE dataset_id = ? ORDER BY position')
      .all(datasetId) as { position: number; id: number; kind: string }[]

  /** The whole dataset parsed from its text, as loadFrame did before typed columns. */
  function parseText(datasetId: number) {
    const dataset = getDataset(db(), datasetId)
    const typing = columnTyping(db(), datasetId)
    const raw = dataset.columns.map((): (string | null)[] => [])
    for (const rows of iterateRows(db(), datasetId)) for (const row of rows) row.forEach((v, j) => raw[j].push(v))
    return dataset.columns.map((c) =>
      toFrameColumn(c.name, raw[c.position], columnParse(c.type, typing.columns[c.position].inference)),
    )
  }
  async function expectLoadsAsText(datasetId: number) {
    const names = getDataset(db(), datasetId).columns.map((c) => c.name)
    const { frame } = await loadFrame(db(), datasetId, quiet, names)
    expect(frame.columns).toEqual(parseText(datasetId))
  }

  it('fills every column after an import; a retype refills only that column; other changes refill nothing', async () => {
    await h.services.handlers['project.create']({ name: 'Typed' })
    const id = await imported(sharedData('customers/Telco-Customer-Churn.csv'), 'Telco')
    expect((await lastFill()).status).toBe('succeeded')
    const columns = getDataset(db(), id).columns
    const before = storedRows(id)
    expect(before.map((r) => r.position)).toEqual(columns.map((c) => c.position))
    expect(staleTypedColumns(db(), id)).toEqual([])
    await expectLoadsAsText(id)

    const total = columns.find((c) => c.name === 'TotalCharges')!
    expect(before[total.position].kind).toBe('number')
    await h.services.handlers['datasets.updateColumn']({ datasetId: id, position: total.position, type: 'category' })
    // Invalidated with the type change, in the same transaction.
    expect(storedRows(id).map((r) => r.position)).not.toContain(total.position)
    expect(fillJobs()).toHaveLength(2)
    expect((await lastFill()).status).toBe('succeeded')
    const after = storedRows(id)
    expect(after[total.position].kind).toBe('category')
    expect(after.filter((r) => r.id !== before[r.position].id).map((r) => r.position)).toEqual([total.position])
    await expectLoadsAsText(id)

    await h.services.handlers['datasets.updateColumn']({ datasetId: id, position: total.position, role: 'ignore' })
    expect(fillJobs()).toHaveLength(2)

    await h.services.handlers['datasets.delete']({ datasetId: id })
    expect(storedRows(id)).toEqual([])
  })

  it('fills tables SegmentLab derives: RFM and a join', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Derived' })
    const tx = await imported(sharedData('transactions/online_retail_sample_20000.csv'), 'Retail', 'transactions')
    await lastFill()
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
    expect((await lastFill()).status).toBe('succeeded')
    expect(staleTypedColumns(db(), rfm)).toEqual([])
    await expectLoadsAsText(rfm)

    const ids = [...new Set(parseText(rfm)[0].values as string[])].slice(0, 10)
    const customersPath = join(h.dir.path, 'customers.csv')
    writeFileSync(customersPath, ['CustomerID,Region', ...ids.map((c, i) => `${c},R${i % 3}`), '99999,R0'].join('\n'))
    const customers = await imported(customersPath, 'Customers')
    await lastFill()
    const joinJob = await api['datasets.join']({ customersId: customers, featuresId: rfm })
    const joined = (await h.finished(joinJob.id)).produced!.datasetId!
    expect((await lastFill()).status).toBe('succeeded')
    expect(staleTypedColumns(db(), joined)).toEqual([])
    await expectLoadsAsText(joined)
  })

  it('a cancelled or crashed fill leaves the project consistent, and the next open fills it', async () => {
    const recorder = recordingPlatform()
    h.dispose()
    h = serviceHarness(recorder.wrap)
    const api = h.services.handlers
    const project = await api['project.create']({ name: 'Interrupted' })
    const id = await imported(sharedData('customers/bank.csv'), 'Bank')
    const [fill] = fillJobs()
    await api['jobs.cancel']({ jobId: fill })
    expect((await h.finished(fill)).status).toBe('cancelled')
    expect(staleTypedColumns(db(), id)).toHaveLength(getDataset(db(), id).columns.length)
    await expectLoadsAsText(id)

    // A crash: the job process dies mid-way.
    await api['project.close']({})
    await api['project.open']({ path: project.path })
    const crashed = fillJobs()[1]
    recorder.channels[recorder.channels.length - 1].kill()
    expect((await h.finished(crashed)).status).toBe('failed')
    await expectLoadsAsText(id)

    await api['project.close']({})
    await api['project.open']({ path: project.path })
    expect(fillJobs()).toHaveLength(3)
    expect((await lastFill()).status).toBe('succeeded')
    expect(staleTypedColumns(db(), id)).toEqual([])
    await expectLoadsAsText(id)
  })

  it('fills the datasets of a project made before typed columns when it opens', async () => {
    const path = join(h.dir.path, 'Old.segmentlab')
    const old = openDatabase(path)
    migrate(old, path, migrations.slice(0, 4))
    setMeta(old, 'name', 'Old')
    const staging = createStagingTable(old, 2)
    stagingInserter(
      old,
      staging,
      2,
    )([
      ['1,5', '25.03.2011'],
      ['', '01.04.2011'],
      ['2.000,25', 'NA'],
    ])
    const id = commitDataset(old, {
      name: 'Old data',
      kind: 'customers',
      stagingTable: staging,
      rowCount: 3,
      source: null,
      columns: [
        {
          name: 'amount',
          type: 'number',
          role: 'feature',
          pii: false,
          typeReason: '',
          piiReason: null,
          inference: { numberFormat: { decimal: ',', thousands: '.', currency: null, percent: false } },
        },
        {
          name: 'day',
          type: 'date',
          role: 'date',
          pii: false,
          typeReason: '',
          piiReason: null,
          inference: { dateFormat: 'dmy' },
        },
      ],
    })
    old.close()

    await h.services.handlers['project.open']({ path })
    expect((await lastFill()).status).toBe('succeeded')
    expect(staleTypedColumns(db(), id)).toEqual([])
    const { frame } = await loadFrame(db(), id, quiet, ['amount', 'day'])
    expect(Array.from(frame.columns[0].values as Float64Array)).toEqual([1.5, NaN, 2000.25])
    expect(Array.from(frame.columns[1].values as Float64Array)).toEqual([
      Date.UTC(2011, 2, 25),
      Date.UTC(2011, 3, 1),
      NaN,
    ])
    await expectLoadsAsText(id)
  })

  it('holds a job the user starts on a table being filled until its columns are stored, saying why', async () => {
    // Records, at each job process's start, how many columns of the watched table still had no typed values.
    let watched: number | null = null
    const staleAtSpawn: number[] = []
    h.dispose()
    h = serviceHarness((inner) => ({
      ...inner,
      spawnJob: (options) => {
        if (watched !== null) staleAtSpawn.push(staleTypedColumns(db(), watched).length)
        return inner.spawnJob(options)
      },
    }))
    await h.services.handlers['project.create']({ name: 'Held' })
    const id = await imported(sharedData('customers/Telco-Customer-Churn.csv'), 'Telco')
    watched = id
    // The import has committed and its fill is queued or running: ask for the quality check at once.
    const profile = await h.services.handlers['jobs.profile']({ datasetId: id })
    expect(profile).toMatchObject({
      status: 'queued',
      progress: { detail: 'Starts as soon as the table’s values, read once after its import, are stored.' },
    })
    expect((await h.finished(profile.id)).status).toBe('succeeded')
    expect((await lastFill()).status).toBe('succeeded')
    // The profile's process started only once every column was stored (the fill's had started before `watched`).
    expect(staleAtSpawn).toEqual([0])
  })
})
