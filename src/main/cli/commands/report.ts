/**
 * `segmentlab report PROJECT.segmentlab --pdf OUT.pdf [--html OUT.html]`: the report of the project's chosen
 * segmentation, made as the app makes it — the same services, store and job processes, headless — and printed with
 * the system Chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from '../command'
import { UsageError } from '../command'
import { parseFlags } from '../args'
import { createServices, type Services } from '../../services'
import { createNodePlatform, type JobEntry } from '../../platform/node'
import type { Platform } from '../../platform/types'
import { appVersion } from '../../appVersion'
import { writeReport } from '../../report/writeReport'
import { getRunProfile } from '../../store/repos/runProfiles'
import { chosenRun } from '../../report/loadReportModel'
import { defaultReportOptions, paperSizes, type PaperSize } from '../../report/model'
import type { JobInfo } from '../../../shared/domain/jobs'
import { fromErrorPayload, UserError } from '../../../shared/errors'

const here = dirname(fileURLToPath(import.meta.url))
const fromSource = import.meta.url.endsWith('.ts')

/** The job process: the TypeScript entry under tsx when run from source (tests), else the bundled job.js beside us. */
function jobEntry(): JobEntry {
  if (fromSource) return { path: resolve(here, '../../jobs/entry.ts'), execArgv: ['--import', 'tsx'] }
  const beside = join(here, 'job.js')
  return { path: existsSync(beside) ? beside : join(here, '..', 'job.js') }
}

/** The bundled resources folder (sample data): beside out/ when bundled, at the repository root from source. */
export function resourcesDir(): string {
  if (fromSource) return resolve(here, '../../../../resources')
  const up = resolve(here, '../../resources')
  return existsSync(up) ? up : resolve(here, '../../../resources')
}

/** The app's services under plain Node, for one command: a private data folder, removed at the end. */
export interface Headless {
  readonly services: Services
  readonly platform: Platform
  /** Waits for a job; throws its error (as a UserError) when it fails or is cancelled. */
  finish(job: JobInfo | Promise<JobInfo>): Promise<JobInfo>
  close(): void
}

export function headless(): Headless {
  // Not the user's ~/.segmentlab: a command must not add to the app's recent projects nor leave settings behind.
  const dataDir = mkdtempSync(join(tmpdir(), 'segmentlab-cli-'))
  const platform = createNodePlatform({ dataDir, resources: resourcesDir(), jobEntry: jobEntry() })
  const waiters = new Map<string, (info: JobInfo) => void>()
  const ended = new Map<string, JobInfo>()
  const services = createServices(
    platform,
    (event, payload) => {
      if (event !== 'job.updated') return
      const info = payload as JobInfo
      if (info.status === 'queued' || info.status === 'running') return
      ended.set(info.id, info)
      waiters.get(info.id)?.(info)
    },
    { version: appVersion },
  )
  return {
    services,
    platform,
    async finish(job) {
      const started = await job
      const info = await new Promise<JobInfo>((done) => {
        const known = ended.get(started.id)
        if (known) done(known)
        else waiters.set(started.id, done)
      })
      if (info.status === 'succeeded') return info
      if (info.error) throw fromErrorPayload(info.error)
      throw new UserError(`${started.title}: ${info.status}.`)
    },
    close() {
      services.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Opens the project, describes the chosen run first if that was never done, and writes the report. */
export async function reportProject(
  h: Headless,
  project: string,
  targets: { pdf?: string; html?: string },
  paper: PaperSize = defaultReportOptions.paper,
): Promise<void> {
  await h.services.handlers['project.open']({ path: project })
  const db = h.services.session.requireProject().db
  const run = chosenRun(db)
  if (!getRunProfile(db, run.id)) await h.finish(h.services.handlers['jobs.understand']({ runId: run.id }))
  await writeReport(db, h.platform, targets, { ...defaultReportOptions, paper })
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the report of a project’s chosen segmentation as PDF (and optionally HTML)',
  usage: 'segmentlab report PROJECT.segmentlab --pdf OUT.pdf [--html OUT.html] [--paper A4|Letter]',
  async run(args) {
    const { values, positionals } = parseFlags(args, {
      pdf: { type: 'string' },
      html: { type: 'string' },
      paper: { type: 'string' },
    })
    if (positionals.length !== 1) throw new UsageError('Give exactly one PROJECT.segmentlab.')
    if (!values.pdf) throw new UsageError('--pdf is required.')
    const paper = (values.paper ?? 'A4') as PaperSize
    if (!paperSizes.includes(paper)) throw new UsageError(`--paper must be A4 or Letter; got "${values.paper}".`)
    const project = resolve(positionals[0])
    if (!existsSync(project)) throw new UserError(`There is no project at "${positionals[0]}".`)
    const h = headless()
    try {
      await reportProject(h, project, { pdf: resolve(values.pdf), html: values.html && resolve(values.html) }, paper)
    } finally {
      h.close()
    }
    console.log(`Report written to ${resolve(values.pdf)}${values.html ? ` and ${resolve(values.html)}` : ''}`)
    return 0
  },
}
