import { useCallback, useEffect, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { JobInfo } from '../../../../shared/domain/jobs'
import type { DatasetProfile } from '../../../../shared/domain/prepared'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { JobProgress } from '../../ui/JobProgress'
import { useJob } from '../../ui/useJob'
import { FindingsList } from './FindingsList'
import { ProfileTable } from './ProfileTable'
import { countOf, listItems } from '../../ui/format'

/**
 * "Check data quality": profiles the dataset in a background job, then says in sentences what is wrong and shows a
 * summary of every column. The last result is kept with the dataset, so it is shown again on the next visit.
 */
export function QualityPanel({ dataset }: { dataset: DatasetSummary }) {
  const api = useApi()
  const [profile, setProfile] = useState<DatasetProfile | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState<JobInfo | null>(null)

  const load = useCallback(() => {
    api
      .invoke('datasets.profile', { datasetId: dataset.id })
      .then(setProfile)
      .catch((e: unknown) => {
        setProfile(null)
        setError(messageOf(e))
      })
  }, [api, dataset.id])
  useEffect(load, [load])

  const job = useJob(
    started,
    useCallback(
      (finished: JobInfo) => {
        setStarted(null)
        if (finished.status === 'succeeded') load()
        else if (finished.status === 'failed') setError(finished.error?.userMessage ?? 'The quality check failed.')
      },
      [load],
    ),
  )

  async function check() {
    setError(null)
    try {
      setStarted(await api.invoke('jobs.profile', { datasetId: dataset.id }))
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const running = started !== null
  return (
    <section className="panel" aria-labelledby="quality-title">
      <div className="panel__head">
        <h2 id="quality-title">Data quality</h2>
        <button type="button" className="button" onClick={() => void check()} disabled={running}>
          {profile ? 'Check again' : 'Check data quality'}
        </button>
      </div>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <JobProgress job={job} label="Checking data quality" />
      {profile === undefined ? (
        <p className="muted">Loading…</p>
      ) : profile === null ? (
        !running && (
          <p className="muted">
            Looks for gaps, duplicates, unusual values and columns that will not help, and suggests fixes. Runs in the
            background.
          </p>
        )
      ) : (
        <div className="quality">
          <p className="muted small">
            Checked {countOf(profile.profile.rowCount, 'row')} on {new Date(profile.computedAt).toLocaleString()}.
          </p>
          <h3 className="quality__heading">Findings</h3>
          <FindingsList findings={profile.findings} />
          {profile.excludedColumns.length > 0 && (
            <p className="muted small">
              Not checked (kept out of segmentation):{' '}
              {listItems(
                profile.excludedColumns.map((c) => c.name),
                8,
              )}
              .
            </p>
          )}
          <h3 className="quality__heading">Columns</h3>
          <ProfileTable profile={profile.profile} />
        </div>
      )}
    </section>
  )
}
