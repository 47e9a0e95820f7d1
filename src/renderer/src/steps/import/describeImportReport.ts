import type { ImportReport } from '../../../../shared/domain/import'
import { countOf, formatCount, formatDuration, listItems } from '../../ui/format'
import { delimiterName } from './importChoices'

export interface ImportReportText {
  /** What was imported, from where and how. */
  readonly headline: string
  /** One sentence per kind of trouble, in the order a reader should care: damaged rows, problems, skipped lines. */
  readonly issues: readonly string[]
}

/**
 * The import report in sentences: "3 rows had the wrong number of fields (lines 12, 40 and 41) and were padded to
 * fit the header." Line numbers are the file's, 1-based, as the user would find them in a text editor.
 */
export function describeImportReport(report: ImportReport): ImportReportText {
  const how =
    report.format === 'xlsx'
      ? 'Excel workbook'
      : [
          report.delimiter !== null ? `${delimiterName(report.delimiter)}-separated` : null,
          report.encoding?.toUpperCase(),
        ]
          .filter(Boolean)
          .join(', ')
  const headline = `${countOf(report.rowCount, 'row')} imported from ${report.fileName}${how ? ` (${how})` : ''} in ${formatDuration(report.elapsedMs)}.`

  const issues: string[] = []
  if (report.raggedRowCount > 0) {
    const short = report.raggedRows.filter((r) => r.got < r.expected).length
    const long = report.raggedRows.filter((r) => r.got > r.expected).length
    const n = report.raggedRowCount
    const fix =
      long === 0
        ? `${n === 1 ? 'was' : 'were'} padded with empty values`
        : short === 0
          ? `had ${n === 1 ? 'its' : 'their'} extra fields cut off`
          : 'were padded with empty values or had extra fields cut off'
    const lines = listItems(
      report.raggedRows.map((r) => r.row),
      5,
      report.raggedRowCount,
    )
    issues.push(
      `${countOf(n, 'row')} had the wrong number of fields (${n === 1 ? 'line' : 'lines'} ${lines}) and ${fix} to fit the header.`,
    )
  }
  if (report.problems.length > 0) {
    const shown = report.problems.slice(0, 3).map((p) => `line ${p.row}: ${p.message.replace(/\.$/, '')}`)
    const rest = report.problems.length - shown.length
    issues.push(`Problems found: ${shown.join('; ')}${rest > 0 ? `; and ${formatCount(rest)} more` : ''}.`)
  }
  if (report.blankRowCount > 0) {
    issues.push(
      `${countOf(report.blankRowCount, 'blank line')} ${report.blankRowCount === 1 ? 'was' : 'were'} skipped.`,
    )
  }
  return { headline, issues }
}
