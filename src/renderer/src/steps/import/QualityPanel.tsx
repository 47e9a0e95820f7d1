import type { DatasetSummary } from '../../../../shared/domain/dataset'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf, listItems } from '../../ui/format'
import { JobProgress } from '../../ui/JobProgress'
import { FindingsList } from './FindingsList'
import { ProfileTable } from './ProfileTable'
import { useQualityCheck } from './useQualityCheck'

/**
 * "Check data quality": profiles the dataset in a background job, then says in sentences what is wrong and shows a
 * summary of every column. The last result is kept with the dataset, so it is shown again on the next visit.
 */
export function QualityPanel({ dataset }: { dataset: DatasetSummary }) {
  const { profile, error, dismissError, job, running, check } = useQualityCheck(dataset.id)
  return (
    <section className="panel" aria-labelledby="quality-title">
      <div className="panel__head">
        <h2 id="quality-title">Data quality</h2>
        <button type="button" className="button" onClick={check} disabled={running}>
          {profile ? 'Check again' : 'Check data quality'}
        </button>
      </div>
      <ErrorNote message={error} onDismiss={dismissError} />
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
