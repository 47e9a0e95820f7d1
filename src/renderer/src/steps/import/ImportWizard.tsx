import { useCallback, useState, type FormEvent } from 'react'
import type { DatasetKind } from '../../../../shared/domain/dataset'
import type { FileInspection, ReadSettings } from '../../../../shared/domain/import'
import type { JobInfo } from '../../../../shared/domain/jobs'
import { messageOf, useApi } from '../../api/ApiContext'
import { ChoiceCard } from '../../ui/ChoiceCard'
import { ErrorNote } from '../../ui/ErrorNote'
import { Field } from '../../ui/Field'
import { InfoNote } from '../../ui/InfoNote'
import { formatBytes } from '../../ui/format'
import { JobProgress } from '../../ui/JobProgress'
import { useJob } from '../../ui/useJob'
import { FileSettings } from './FileSettings'
import { InspectionPreview } from './InspectionPreview'
import { kindChoices } from './importChoices'
import '../steps.css'

type Busy = 'picking' | 'inspecting' | 'starting' | null

/**
 * Import in three moves: choose a file, confirm what SegmentLab detected (overriding anything it got wrong while
 * watching the preview), then import in the background with progress and Cancel. Every failure leaves the user on a
 * screen with a way forward: other settings, another file, or back.
 */
export function ImportWizard({ prominent, onImported }: { prominent: boolean; onImported: () => void }) {
  const api = useApi()
  const [inspection, setInspection] = useState<FileInspection | null>(null)
  const [overrides, setOverrides] = useState<ReadSettings>({})
  const [name, setName] = useState('')
  const [kind, setKind] = useState<DatasetKind>('customers')
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [started, setStarted] = useState<JobInfo | null>(null)

  const onFinished = useCallback(
    (job: JobInfo) => {
      setStarted(null)
      if (job.status === 'succeeded') {
        setInspection(null)
        setNotice(null)
        onImported()
      } else if (job.status === 'cancelled') {
        setNotice('Import cancelled. Nothing was added to the project.')
      } else {
        setError(job.error?.userMessage ?? 'The import failed.')
      }
    },
    [onImported],
  )
  const job = useJob(started, onFinished)
  const importing = started !== null

  async function chooseFile() {
    setError(null)
    setNotice(null)
    setBusy('picking')
    try {
      const path = await api.pickFile('data')
      if (!path) return
      setBusy('inspecting')
      const found = await api.invoke('import.inspect', { path })
      setInspection(found)
      setOverrides({})
      setName(found.suggestedName)
      setKind(found.suggestedKind)
    } catch (e) {
      setInspection(null)
      setError(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  async function changeSettings(change: ReadSettings) {
    if (!inspection) return
    const next = { ...overrides, ...change }
    setError(null)
    setBusy('inspecting')
    try {
      setInspection(await api.invoke('import.inspect', { path: inspection.path, ...next }))
      setOverrides(next)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  async function startImport(event: FormEvent) {
    event.preventDefault()
    if (!inspection || !name.trim()) return
    setError(null)
    setNotice(null)
    setBusy('starting')
    try {
      setStarted(await api.invoke('import.start', { path: inspection.path, name: name.trim(), kind, ...overrides }))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  const chooseLabel = inspection ? 'Choose another file…' : 'Import a file…'
  const chooseButton = (
    <button
      type="button"
      className={`button ${inspection ? '' : 'button--primary'}`}
      onClick={() => void chooseFile()}
      disabled={busy !== null || importing}
    >
      {busy === 'picking' ? 'Choosing…' : busy === 'inspecting' && !inspection ? 'Reading the file…' : chooseLabel}
    </button>
  )

  if (!inspection) {
    return (
      <div className={prominent ? 'empty import-start' : 'import-start import-start--inline'}>
        {prominent && (
          <>
            <h2>No data in this project yet</h2>
            <p>
              Import a customer table or a transaction history: CSV, TSV or text exports, or an Excel workbook. The file
              is copied into the project; nothing leaves this computer.
            </p>
          </>
        )}
        <ErrorNote message={error} onDismiss={() => setError(null)} />
        {chooseButton}
      </div>
    )
  }

  const controlsDisabled = busy !== null || importing
  return (
    <section className="panel wizard" aria-labelledby="wizard-title">
      <div className="panel__head">
        <div>
          <h2 id="wizard-title">Check the file before importing</h2>
          <p className="muted small">
            <strong className="wizard__file">{inspection.fileName}</strong> ·{' '}
            {inspection.format === 'xlsx' ? 'Excel workbook' : 'Text file'} · {formatBytes(inspection.byteLength)}
          </p>
        </div>
        <button
          type="button"
          className="button button--quiet"
          disabled={importing}
          onClick={() => {
            setInspection(null)
            setError(null)
            setNotice(null)
          }}
        >
          Cancel
        </button>
      </div>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <InfoNote message={notice} />
      <h3 className="wizard__section">What SegmentLab found</h3>
      <FileSettings inspection={inspection} disabled={controlsDisabled} onChange={(c) => void changeSettings(c)} />
      {busy === 'inspecting' && (
        <p className="muted small" role="status">
          Reading the file again with these settings…
        </p>
      )}
      <InspectionPreview inspection={inspection} />
      <form className="wizard__form" onSubmit={(e) => void startImport(e)}>
        <h3 className="wizard__section">Name it and say what it holds</h3>
        <Field label="Dataset name" className="wizard__name">
          {(id) => (
            <input
              id={id}
              value={name}
              maxLength={120}
              disabled={controlsDisabled}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="kind-choices" disabled={controlsDisabled}>
          <legend>Each row of this file is…</legend>
          {kindChoices.map((choice) => (
            <ChoiceCard
              key={choice.value}
              name="dataset-kind"
              value={choice.value}
              checked={kind === choice.value}
              onSelect={() => setKind(choice.value)}
              title={choice.label}
            >
              {choice.help}
            </ChoiceCard>
          ))}
        </fieldset>
        <JobProgress job={job} label={`Importing ${inspection.fileName}`} />
        <div className="wizard__actions">
          <button type="submit" className="button button--primary" disabled={controlsDisabled || !name.trim()}>
            {busy === 'starting' ? 'Starting…' : importing ? 'Importing…' : 'Import this file'}
          </button>
          {chooseButton}
        </div>
      </form>
    </section>
  )
}
