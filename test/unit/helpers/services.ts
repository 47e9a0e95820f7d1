import { fileURLToPath } from 'node:url'
import { createServices, type Services } from '../../../src/main/services'
import type { EventName, Events } from '../../../src/shared/api'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import { tempDir, testPlatform } from './projects'
import type { JobChannel, Platform } from '../../../src/main/platform/types'

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
