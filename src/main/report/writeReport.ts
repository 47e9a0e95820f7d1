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

export async function writeReport(
  db: Db,
  platform: Pick<Platform, 'printToPdf'>,
  targets: ReportTargets,
  options: ReportOptions & { readonly runId?: number },
  progress: BuildProgress = () => {},
): Promise<ReportModel> {
  if (targets.pdf && !platform.printToPdf) {
    throw new UserError('This version of SegmentLab cannot print PDF files here; save the report as HTML instead.', {
      code: 'report.noPrinter',
    })
  }
  progress(0, 'Reading the project')
  const model = loadReportModel(db, { runId: options.runId, pseudonymise: options.pseudonymise })
  const html = buildReportHtml(model, options, undefined, (f, title) => progress(0.1 + 0.5 * f, title))
  if (targets.html) await writeAtomic(targets.html, async () => html)
  if (targets.pdf) {
    progress(0.6, 'Printing to PDF')
    await writeAtomic(targets.pdf, () => platform.printToPdf!(html, { paper: options.paper }))
  }
  progress(1, 'Report ready')
  return model
}
