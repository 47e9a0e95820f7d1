import type { PrepStep } from '../../../../shared/domain/prep'
import { ErrorNote } from '../../ui/ErrorNote'
import { JobProgress } from '../../ui/JobProgress'
import { useQualityCheck } from '../import/useQualityCheck'

/**
 * The fixes the data-quality check suggests, each with its reason as a question and an Add button. A suggestion
 * already in the pipeline (same id) shows as added. Without a quality check yet, offers to run one.
 */
export function SuggestedFixes({
  datasetId,
  steps,
  busy,
  onAdd,
}: {
  datasetId: number
  steps: readonly PrepStep[]
  busy: boolean
  onAdd: (step: PrepStep) => void
}) {
  const { profile, error, dismissError, job, running, check } = useQualityCheck(datasetId)
  const inPipeline = new Set(steps.map((s) => s.id))
  return (
    <section className="suggestions" aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">Suggested fixes</h3>
      <ErrorNote message={error} onDismiss={dismissError} />
      <JobProgress job={job} label="Checking data quality" />
      {profile === undefined ? (
        <p className="muted small">Loading…</p>
      ) : profile === null ? (
        <div className="suggestions__none">
          <p className="muted small">
            Check the data's quality to get suggestions for gaps, skew, duplicates and more.
          </p>
          <button type="button" className="button button--small" onClick={check} disabled={running}>
            Check data quality
          </button>
        </div>
      ) : profile.suggestions.length === 0 ? (
        <p className="muted small">Nothing to suggest: the data looks ready.</p>
      ) : (
        <ul className="suggestions__list">
          {profile.suggestions.map((s) => {
            const added = inPipeline.has(s.step.id)
            return (
              <li key={s.step.id} className="suggestion">
                <span>{s.why}</span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy || added}
                  aria-label={added ? `Added: ${s.why}` : `Add: ${s.why}`}
                  onClick={() => onAdd(s.step)}
                >
                  {added ? 'Added' : 'Add'}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
