import { useEffect, useMemo, useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { ExportFormat, ExportTable, ReportFormat } from '../../../../shared/domain/report'
import { useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { ExportPanel } from './ExportPanel'
import { MadeFileProgress } from './MadeFileProgress'
import { ReportPreview } from './ReportPreview'
import { ReportSettings } from './ReportSettings'
import { initialChoice, personalColumns, type ReportChoice } from './reportChoice'
import { useMadeFile } from './useMadeFile'
import { useReportPreview } from './useReportPreview'

/** One run's report: settings and saving on the left, the live preview on the right. */
export function ReportBuilder({
  run,
  datasets,
  onGoTo,
}: {
  run: ClusterRun
  datasets: readonly DatasetSummary[]
  onGoTo: (step: 'segment' | 'understand') => void
}) {
  const api = useApi()
  const [choice, setChoice] = useState<ReportChoice>(initialChoice)
  const personal = useMemo(() => personalColumns(datasets, run.datasetId), [datasets, run.datasetId])
  const preview = useReportPreview(run.id, choice)
  const made = useMadeFile()
  const busy = made.state.status === 'running'
  const [described, setDescribed] = useState<boolean | null>(null)

  useEffect(() => {
    let live = true
    api
      .invoke('understand.profile', { runId: run.id })
      .then((p) => live && setDescribed(p !== null))
      .catch(() => live && setDescribed(null))
    return () => {
      live = false
    }
  }, [api, run.id])

  const nothing = Object.values(choice.sections).every((on) => !on)
  const save = (format: ReportFormat) =>
    void made.run(
      format === 'pdf' ? 'Making the PDF' : 'Making the HTML file',
      (buildId) =>
        api.invoke('report.make', {
          runId: run.id,
          ...choice,
          includePersonal: [...choice.includePersonal],
          format,
          buildId,
        }),
      true,
    )
  const exportTable = (table: ExportTable, format: ExportFormat, pseudonymise: boolean) =>
    void made.run(
      `Exporting segment ${table}`,
      () =>
        api.invoke('exports.table', {
          runId: run.id,
          table,
          format,
          pseudonymise,
          includePersonal: [...choice.includePersonal],
        }),
      false,
    )

  return (
    <div className="report">
      <div className="report__side">
        {described === false && (
          <div className="note note--warn" role="note">
            <span>
              The segments have not been described yet, so the report has no segment cards or profiles to show.
            </span>
            <button type="button" className="button button--small" onClick={() => onGoTo('understand')}>
              Go to Understand
            </button>
          </div>
        )}
        <ReportSettings choice={choice} personal={personal} onChange={setChoice} />
        <section className="panel report__save" aria-labelledby="report-save-title">
          <h2 id="report-save-title">Save the report</h2>
          <div className="toolbar">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || nothing}
              onClick={() => save('pdf')}
            >
              Save PDF
            </button>
            <button type="button" className="button" disabled={busy || nothing} onClick={() => save('html')}>
              Save HTML
            </button>
          </div>
          {nothing && <p className="muted small">Switch on at least one section to save a report.</p>}
          <MadeFileProgress state={made.state} onCancel={made.cancel} onDismiss={made.dismiss} />
        </section>
        <ExportPanel busy={busy} described={described !== false} onExport={exportTable} />
      </div>
      <section className="report__preview" aria-label="Report preview">
        <div className="report__preview-head">
          <h2>Preview</h2>
          <span className="muted small" role="status">
            {preview.loading ? 'Updating the preview…' : `${choice.paper}, as it will print`}
          </span>
        </div>
        <ErrorNote message={preview.error} />
        {nothing ? (
          <div className="empty report__blank">
            <p>Every section is switched off: the report would be empty.</p>
          </div>
        ) : preview.value ? (
          <ReportPreview preview={preview.value} title={`Preview of the report on ${run.name}`} />
        ) : (
          !preview.error && <div className="report__blank muted">Preparing the preview…</div>
        )}
      </section>
    </div>
  )
}
