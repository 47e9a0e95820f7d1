/**
 * A report from an open project to files: the model from the store, the HTML from the model, the PDF through the
 * platform's printer. Each file is written whole or not at all.
 */
import type { Db } from '../store/database'
import type { Platform } from '../platform/types'
import { UserError } from '../../shared/errors'
import { buildReportHtml, type BuildProgress } from './buildReportHtml'
import { loadReportModel } from './loadReportModel'
import type { ReportModel, ReportOptions } from './model'
import { writeAtomic } from './writeAtomic'

export interface ReportTargets {
  readonly pdf?: string
  readonly html?: string
}

export interface MadeReport {
  readonly model: ReportModel
  readonly html: string
  /** Null unless asked for. */
  readonly pdf: Buffer | null
}

/** The report in memory: its HTML, and its PDF when `pdf` is set. Cancel is checked between chapters and around printing. */
export async function makeReport(
  db: Db,
  platform: Pick<Platform, 'printToPdf'>,
  pdf: boolean,
  options: ReportOptions & { readonly runId?: number },
  progress: BuildProgress = () => {},
  signal?: AbortSignal,
): Promise<MadeReport> {
  const step: BuildProgress = (fraction, title) => {
    signal?.throwIfAborted()
    progress(fraction, title)
  }
  if (pdf && !platform.printToPdf) {
    throw new UserError('This version of SegmentLab cannot print PDF files here; save the report as HTML instead.', {
      code: 'report.noPrinter',
    })
  }
  step(0, 'Reading the project')
  const model = loadReportModel(db, {
    runId: options.runId,
    pseudonymise: options.pseudonymise,
    includePersonal: options.includePersonal,
  })
  const html = buildReportHtml(model, options, undefined, (f, title) => step(0.1 + 0.5 * f, title))
  let printed: Buffer | null = null
  if (pdf) {
    step(0.6, 'Printing to PDF')
    printed = await platform.printToPdf!(html, { paper: options.paper })
  }
  // The print may have taken a while: a cancel during it still counts.
  step(0.95, 'Saving')
  return { model, html, pdf: printed }
}

export async function writeReport(
  db: Db,
  platform: Pick<Platform, 'printToPdf'>,
  targets: ReportTargets,
  options: ReportOptions & { readonly runId?: number },
  progress: BuildProgress = () => {},
  signal?: AbortSignal,
): Promise<ReportModel> {
  const made = await makeReport(db, platform, Boolean(targets.pdf), options, progress, signal)
  // Files are written only once everything is made: a failure or cancel before this point leaves nothing.
  if (targets.pdf) await writeAtomic(targets.pdf, async () => made.pdf!)
  if (targets.html) await writeAtomic(targets.html, async () => made.html)
  progress(1, 'Report ready')
  return made.model
}
