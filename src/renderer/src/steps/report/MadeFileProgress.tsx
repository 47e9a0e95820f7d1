import { formatPercent } from '../../ui/format'
import { ErrorNote } from '../../ui/ErrorNote'
import { InfoNote } from '../../ui/InfoNote'
import { ProgressBar } from '../../ui/ProgressBar'
import type { MadeFileState } from './useMadeFile'

/** A file being made, where the user asked for it (as JobProgress shows a job), then what became of it. */
export function MadeFileProgress({
  state,
  onCancel,
  onDismiss,
}: {
  state: MadeFileState
  onCancel: () => void
  onDismiss: () => void
}) {
  if (state.status === 'idle') return null
  if (state.status === 'failed') return <ErrorNote message={state.message} onDismiss={onDismiss} />
  if (state.status !== 'running') return <InfoNote message={state.message} />
  const fraction = state.progress?.fraction ?? null
  return (
    <div className="job-inline" role="status" aria-label={state.what}>
      <div className="job-inline__head">
        <span>
          {state.progress?.title ?? `${state.what}…`}
          {fraction !== null && <span className="muted"> — {formatPercent(fraction)}</span>}
        </span>
        {state.buildId && (
          <button
            type="button"
            className="button button--small"
            onClick={onCancel}
            aria-label={`Cancel: ${state.what}`}
          >
            Cancel
          </button>
        )}
      </div>
      <ProgressBar fraction={fraction} label={state.what} />
    </div>
  )
}
