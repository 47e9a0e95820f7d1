import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { createServices, type Services } from '../../../src/main/services'
import { parseRequestInput, type EventName, type Events } from '../../../src/shared/api'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import { tempDir, testPlatform } from './projects'
import type { JobChannel, Platform } from '../../../src/main/platform/types'

/** Writes `lines` as a CSV file in the harness's folder; returns its path. */
export function csvFile(h: ServiceHarness, fileName: string, lines: readonly string[]): string {
  const path = join(h.dir.path, fileName)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

/** Imports a file through the services as the app does and waits for it: the new dataset's id (it must succeed). */
export async function importedId(
  h: ServiceHarness,
  path: string,
  name: string,
  kind: 'customers' | 'transactions' = 'customers',
): Promise<number> {
  const done = await h.finished((await h.services.handlers['import.start']({ path, name, kind })).id)
  expect(done).toMatchObject({ status: 'succeeded' })
  return done.produced!.datasetId!
}

/** Remembers every job process a platform starts, so a test can kill one the way a crash would. */
export function recordingPlatform(): { wrap: (p: Platform) => Platform; channels: JobChannel[] } {
  const channels: JobChannel[] = []
  return {
    channels,
    wrap: (inner) => ({
      ...inner,
      spawnJob: (options) => {
        const channel = inner.spawnJob(options)
        channels.push(channel)
        return channel
      },
    }),
  }
}

export interface ServiceHarness {
  readonly services: Services
  readonly events: { name: EventName; payload: unknown }[]
  readonly dir: ReturnType<typeof tempDir>
  /** Resolves with the job's final state. */
  finished(jobId: string): Promise<JobInfo>
  dispose(): void
}

/** The real services with real job processes, as the hosts compose them, recording every event. */
export function serviceHarness(wrap: (platform: Platform) => Platform = (p) => p): ServiceHarness {
  const dir = tempDir()
  const events: { name: EventName; payload: unknown }[] = []
  const waiters = new Map<string, (info: JobInfo) => void>()
  const finishedJobs = new Map<string, JobInfo>()
  const emit = <E extends EventName>(name: E, payload: Events[E]) => {
    events.push({ name, payload })
    if (name === 'job.updated') {
      const info = payload as JobInfo
      if (info.status !== 'queued' && info.status !== 'running') {
        finishedJobs.set(info.id, info)
        waiters.get(info.id)?.(info)
      }
    }
  }
  const services = createServices(wrap(testPlatform(dir.path)), emit, { version: 'test' })
  return {
    services,
    events,
    dir,
    finished: (jobId) =>
      new Promise((resolve) => {
        const done = finishedJobs.get(jobId)
        if (done) resolve(done)
        else waiters.set(jobId, resolve)
      }),
    dispose() {
      services.dispose()
      dir.remove()
    },
  }
}

/** The shared data sets, beside the repository as in CI. */
export const sharedData = (path: string) => fileURLToPath(new URL(`../../../../shared/data/${path}`, import.meta.url))

/** The bundled sample's transactions, as the app ships them. */
export const sampleTransactions = fileURLToPath(
  new URL('../../../resources/sample/online-retail-transactions.csv', import.meta.url),
)

/**
 * The journey's first half on the bundled sample, through the services: the transactions imported, RFM built from them
 * (customer CustomerID, quantity × price, invoices, cancellations netted) and, with `k`, the RFM table segmented on
 * recency, frequency and monetary value. Throws (naming the step) when a job does not succeed.
 */
export async function sampleRfmProject(h: ServiceHarness, options: { k?: number } = {}) {
  const api = h.services.handlers
  const succeeded = async (what: string, jobId: string) => {
    const done = await h.finished(jobId)
    if (done.status !== 'succeeded') throw new Error(`${what}: ${done.status} ${done.error?.userMessage ?? ''}`)
    return done
  }
  const imported = await api['import.start']({ path: sampleTransactions, name: 'Transactions', kind: 'transactions' })
  const transactionsId = (await succeeded('import', imported.id)).produced!.datasetId!
  const rfmJob = await api['rfm.build']({
    datasetId: transactionsId,
    customer: 'CustomerID',
    date: 'InvoiceDate',
    quantity: 'Quantity',
    price: 'UnitPrice',
    invoice: 'InvoiceNo',
    cancellations: 'net',
  })
  await succeeded('RFM', rfmJob.id)
  const rfmId = (await api['datasets.list']({})).find((d) => d.derivedFrom === transactionsId)!.id
  if (options.k === undefined) return { transactionsId, rfmId, runId: null }
  const input = { datasetId: rfmId, features: ['recency_days', 'frequency', 'monetary'], k: options.k }
  const job = await api['cluster.run'](parseRequestInput('cluster.run', input))
  const runId = (await succeeded('segmentation', job.id)).produced!.runId!
  return { transactionsId, rfmId, runId }
}
