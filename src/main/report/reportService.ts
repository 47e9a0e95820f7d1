/**
 * The app's "build the report" use case, for the 'report.build' request once the contract carries it. It runs in the
 * main process rather than as a job: the model is a few reads of the project, the charts render in well under a
 * second, and the slow part, printing, already happens outside main (Chromium) — while Electron's printToPDF can only
 * be driven from main, so a job process could not print anyway. Progress is reported as data, and Cancel aborts
 * between chapters and before anything is written.
 */
import type { Platform } from '../platform/types'
import type { Session } from '../services/session'
import { projectFileFor } from '../services/projectService'
import { getMeta } from '../store/repos/meta'
import type { Progress } from '../../shared/domain/jobs'
import { UserError } from '../../shared/errors'
import { defaultReportOptions, type ReportOptions } from './model'
import { writeReport } from './writeReport'

export interface ReportRequest extends Partial<ReportOptions> {
  readonly runId?: number
  /** Where to write; the default is "<project name> report.pdf" in the projects folder. */
  readonly pdf?: string
  readonly html?: string
}

export interface ReportBuild {
  readonly id: string
  readonly done: Promise<{ readonly pdf: string | null; readonly html: string | null }>
  cancel(): void
}

export function createReportService(deps: {
  session: Session
  platform: Platform
  onProgress?: (buildId: string, progress: Progress) => void
}) {
  const builds = new Map<string, AbortController>()
  let next = 1
  return {
    build(request: ReportRequest): ReportBuild {
      const project = deps.session.requireProject()
      const options: ReportOptions = {
        sections: { ...defaultReportOptions.sections, ...request.sections },
        paper: request.paper ?? defaultReportOptions.paper,
        pseudonymise: request.pseudonymise ?? defaultReportOptions.pseudonymise,
      }
      const pdf =
        request.pdf ??
        (request.html
          ? undefined
          : projectFileFor(deps.platform.paths.projects, `${getMeta(project.db, 'name') ?? 'Project'} report`).replace(
              /\.segmentlab$/,
              '.pdf',
            ))
      const id = `report-${next++}`
      const abort = new AbortController()
      builds.set(id, abort)
      const done = (async () => {
        try {
          // Start on the next turn, so the caller holds the handle (and can cancel) before any work is done.
          await new Promise((resolve) => setImmediate(resolve))
          await writeReport(
            project.db,
            deps.platform,
            { pdf, html: request.html },
            { ...options, runId: request.runId },
            (fraction, title) => deps.onProgress?.(id, { fraction, title }),
            abort.signal,
          )
          return { pdf: pdf ?? null, html: request.html ?? null }
        } catch (error) {
          if (abort.signal.aborted) throw new UserError('Cancelled.', { code: 'job.cancelled' })
          throw error
        } finally {
          builds.delete(id)
        }
      })()
      return { id, done, cancel: () => abort.abort() }
    },
    cancel(id: string): void {
      builds.get(id)?.abort()
    },
  }
}

export type ReportService = ReturnType<typeof createReportService>
