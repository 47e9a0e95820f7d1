/**
 * The app's report use cases behind 'report.preview' and 'report.make'. They run in the main process rather than as
 * jobs: the model is a few reads of the project, the charts render in well under a second, and the slow part, printing,
 * already happens outside main (Chromium) — while Electron's printToPDF can only be driven from main, so a job process
 * could not print anyway. Progress is reported as data, and Cancel aborts between chapters and before anything is
 * written.
 */
import type { Platform } from '../platform/types'
import type { Session } from '../services/session'
import { projectFileFor } from '../services/projectService'
import { getMeta } from '../store/repos/meta'
import type { Progress } from '../../shared/domain/jobs'
import type { ReportFormat, ReportPreview } from '../../shared/domain/report'
import { UserError } from '../../shared/errors'
import { buildReportHtml } from './buildReportHtml'
import { loadReportModel } from './loadReportModel'
import { defaultReportOptions, type ReportOptions } from './model'
import { previewOf } from './previewHtml'
import { makeReport, writeReport } from './writeReport'

export interface ReportChoice extends Partial<ReportOptions> {
  readonly runId?: number
}

export interface ReportRequest extends ReportChoice {
  /** Where to write; the default is "<project name> report.pdf" in the projects folder. */
  readonly pdf?: string
  readonly html?: string
  /** The caller's name for this build, to cancel it and recognise its progress; made up when absent. */
  readonly id?: string
}

export interface ReportBuild<T> {
  readonly id: string
  readonly done: Promise<T>
  cancel(): void
}

export function createReportService(deps: {
  session: Session
  platform: Platform
  onProgress?: (buildId: string, progress: Progress) => void
}) {
  const builds = new Map<string, AbortController>()
  let next = 1

  const optionsOf = (request: ReportChoice): ReportOptions => ({
    sections: { ...defaultReportOptions.sections, ...request.sections },
    paper: request.paper ?? defaultReportOptions.paper,
    pseudonymise: request.pseudonymise ?? defaultReportOptions.pseudonymise,
    includePersonal: request.includePersonal ?? [],
  })

  /** Runs `work` as a build that can be cancelled by id; a cancel turns whatever it throws into "Cancelled.". */
  function track<T>(requestedId: string | undefined, work: (id: string, signal: AbortSignal) => Promise<T>) {
    const id = requestedId ?? `report-${next++}`
    if (builds.has(id)) throw new UserError('That report is already being made.', { code: 'report.busy' })
    const abort = new AbortController()
    builds.set(id, abort)
    const done = (async () => {
      try {
        // Start on the next turn, so the caller holds the handle (and can cancel) before any work is done.
        await new Promise((resolve) => setImmediate(resolve))
        return await work(id, abort.signal)
      } catch (error) {
        if (abort.signal.aborted) throw new UserError('Cancelled.', { code: 'job.cancelled' })
        throw error
      } finally {
        builds.delete(id)
      }
    })()
    return { id, done, cancel: () => abort.abort() }
  }

  return {
    /** The report to files (the CLI's and the tests' way): each written whole or not at all. */
    build(request: ReportRequest): ReportBuild<{ readonly pdf: string | null; readonly html: string | null }> {
      const project = deps.session.requireProject()
      const options = optionsOf(request)
      const pdf =
        request.pdf ??
        (request.html
          ? undefined
          : projectFileFor(deps.platform.paths.projects, `${getMeta(project.db, 'name') ?? 'Project'} report`).replace(
              /\.segmentlab$/,
              '.pdf',
            ))
      return track(request.id, async (id, signal) => {
        await writeReport(
          project.db,
          deps.platform,
          { pdf, html: request.html },
          { ...options, runId: request.runId },
          (fraction, title) => deps.onProgress?.(id, { fraction, title }),
          signal,
        )
        return { pdf: pdf ?? null, html: request.html ?? null }
      })
    },

    /** The report as bytes, for the app to save or hand to the browser; `done` resolves once it is whole. */
    make(request: ReportChoice & { readonly format: ReportFormat; readonly id?: string }): ReportBuild<Buffer> {
      const project = deps.session.requireProject()
      const options = optionsOf(request)
      return track(request.id, async (id, signal) => {
        const progress = (fraction: number, title: string) => deps.onProgress?.(id, { fraction, title })
        const made = await makeReport(
          project.db,
          deps.platform,
          request.format === 'pdf',
          { ...options, runId: request.runId },
          progress,
          signal,
        )
        return made.pdf ?? Buffer.from(made.html, 'utf8')
      })
    },

    /** The report for the Report step's live preview, without inline styles (see previewHtml). */
    preview(request: ReportChoice): ReportPreview {
      const { db } = deps.session.requireProject()
      const options = optionsOf(request)
      const model = loadReportModel(db, {
        runId: request.runId,
        pseudonymise: options.pseudonymise,
        includePersonal: options.includePersonal,
      })
      return previewOf(buildReportHtml(model, options))
    },

    /** Stops a build; false when there is none by that id (it has finished, say). */
    cancel(id: string): boolean {
      const build = builds.get(id)
      build?.abort()
      return build !== undefined
    },
  }
}

export type ReportService = ReturnType<typeof createReportService>
