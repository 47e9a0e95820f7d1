/**
 * The Report step's requests: a live preview, the report as PDF or HTML, and the segment tables as CSV or XLSX — each
 * made in main and delivered as the shell allows (a save dialog on the desktop, a download in the browser).
 */
import type { Platform } from '../platform/types'
import { getMeta } from '../store/repos/meta'
import { createReportService, type ReportChoice } from '../report/reportService'
import { loadExportTable, type ExportOptions } from '../report/exports/loadExportTable'
import { toCsv } from '../report/exports/csv'
import { toXlsx } from '../report/exports/xlsx'
import type { ExportFormat, ExportTable, MadeFile, ReportFormat } from '../../shared/domain/report'
import type { Session, Emit } from './session'
import type { MadeFiles } from './madeFiles'

const REPORT_FILES = {
  pdf: { type: 'application/pdf', filter: { name: 'PDF document', extensions: ['pdf'] } },
  html: { type: 'text/html; charset=utf-8', filter: { name: 'Web page', extensions: ['html'] } },
} as const

const TABLE_FILES = {
  csv: { type: 'text/csv; charset=utf-8', filter: { name: 'CSV table', extensions: ['csv'] } },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filter: { name: 'Excel workbook', extensions: ['xlsx'] },
  },
} as const

const TABLE_NAMES: Record<ExportTable, string> = { membership: 'segment membership', profiles: 'segment profiles' }

export function createReportFilesService(deps: { session: Session; platform: Platform; files: MadeFiles; emit: Emit }) {
  const reports = createReportService({
    session: deps.session,
    platform: deps.platform,
    onProgress: (buildId, progress) => deps.emit('report.progress', { buildId, progress }),
  })
  /** "Online retail customers" → a file name without characters a file system refuses. */
  const baseName = () => {
    const name = getMeta(deps.session.requireProject().db, 'name') ?? ''
    return (
      name
        .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim() || 'SegmentLab project'
    )
  }

  return {
    preview: (choice: ReportChoice) => reports.preview(choice),

    make(choice: ReportChoice & { format: ReportFormat; buildId: string }): Promise<MadeFile | null> {
      const { format, buildId, ...options } = choice
      const name = `${baseName()} report.${format}`
      return deps.files.deliver(
        { name, ...REPORT_FILES[format] },
        () => reports.make({ ...options, format, id: buildId }).done,
      )
    },

    cancel: (buildId: string) => reports.cancel(buildId),

    async exportTable(table: ExportTable, format: ExportFormat, options: ExportOptions): Promise<MadeFile | null> {
      const { db } = deps.session.requireProject()
      // Read the project before asking where to save: a missing profile is said at once, not after the dialog.
      const data = loadExportTable(db, table, options)
      const name = `${baseName()} ${TABLE_NAMES[table]}.${format}`
      return deps.files.deliver({ name, ...TABLE_FILES[format] }, async () =>
        format === 'csv' ? Buffer.from(toCsv(data), 'utf8') : toXlsx([data]),
      )
    },
  }
}
