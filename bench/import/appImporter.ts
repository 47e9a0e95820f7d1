import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createServices } from '../../src/main/services'
import { createNodePlatform } from '../../src/main/platform/node'
import type { JobInfo } from '../../src/shared/domain/jobs'

/** A new project in `dataDir` that imports files exactly as the app does: services, job process, staging table. */
export interface AppImporter {
  /** True when the job is the bundled `out/main/job.js` the app runs; false for the source under tsx. */
  readonly bundled: boolean
  /** Imports a file as a customer table; resolves with the job once it has ended. */
  importFile(path: string): Promise<JobInfo>
  /**
   * Resolves with the background job that parses an imported table's columns once into typed values (it starts when
   * the import commits), once it has ended.
   */
  typedColumnsFill(): Promise<JobInfo>
  /** Starts the data-quality check of a dataset, as its button does; resolves with the job once it has ended. */
  checkQuality(datasetId: number): Promise<JobInfo>
  dispose(): void
}

/** `onSpawn` hears the process id of every job process, for measuring its memory from outside. */
export async function createAppImporter(dataDir: string, onSpawn?: (pid: number) => void): Promise<AppImporter> {
  const job = resolve('out/main/job.js')
  const bundled = existsSync(job)
  const base = createNodePlatform({
    dataDir,
    resources: resolve('resources'),
    jobEntry: bundled ? { path: job } : { path: resolve('src/main/jobs/entry.ts'), execArgv: ['--import', 'tsx'] },
  })
  const platform = {
    ...base,
    spawnJob: (options?: Parameters<typeof base.spawnJob>[0]) => {
      const channel = base.spawnJob(options)
      if (channel.pid !== undefined) onSpawn?.(channel.pid)
      return channel
    },
  }
  const waiting = new Map<string, (info: JobInfo) => void>()
  const ended = new Map<string, JobInfo>()
  let fillWaiting: ((info: JobInfo) => void) | null = null
  let fillEnded: JobInfo | null = null
  const services = createServices(
    platform,
    (event, payload) => {
      const info = payload as JobInfo
      if (event !== 'job.updated' || info.status === 'running' || info.status === 'queued') return
      ended.set(info.id, info)
      waiting.get(info.id)?.(info)
      if (info.kind === 'typedColumns') {
        fillEnded = info
        fillWaiting?.(info)
      }
    },
    { version: 'bench' },
  )
  await services.handlers['project.create']({ name: 'Bench' })
  const finished = (job: JobInfo) => ended.get(job.id) ?? new Promise<JobInfo>((r) => waiting.set(job.id, r))
  return {
    bundled,
    async importFile(path) {
      return finished(await services.handlers['import.start']({ path, name: 'Big', kind: 'customers' }))
    },
    async checkQuality(datasetId) {
      return finished(await services.handlers['jobs.profile']({ datasetId }))
    },
    typedColumnsFill() {
      return fillEnded ? Promise.resolve(fillEnded) : new Promise<JobInfo>((r) => (fillWaiting = r))
    },
    dispose: () => services.dispose(),
  }
}
