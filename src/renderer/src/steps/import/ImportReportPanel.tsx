import type { ImportReport } from '../../../../shared/domain/import'
import { describeImportReport } from './describeImportReport'

/** How the import went, kept with the dataset: what was padded, cut or skipped, and where in the file. */
export function ImportReportPanel({ report }: { report: ImportReport }) {
  const text = describeImportReport(report)
  return (
    <div
      className={`note ${text.issues.length ? 'note--warn' : 'note--info'} import-report`}
      aria-label="Import report"
    >
      <div>
        <p className="import-report__headline">{text.headline}</p>
        {text.issues.length > 0 ? (
          <ul className="import-report__issues">
            {text.issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        ) : (
          <p className="import-report__clean">Every row had the expected number of fields.</p>
        )}
      </div>
    </div>
  )
}
