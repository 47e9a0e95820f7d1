import { useState } from 'react'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { useDatasets } from '../import/useDatasets'
import { RunPicker } from './RunPicker'
import { RunUnderstanding } from './RunUnderstanding'
import { useProjectRuns } from './useProjectRuns'
import '../steps.css'
import '../segment/segment.css'
import './understand.css'

/**
 * Step 4, Understand: what makes each segment of the chosen run different, and the names the business will use. Opens
 * on the chosen run; the picker looks at another without changing the choice. Without any run, it says where to go.
 */
export function UnderstandStep({ onGoToSegment }: { onGoToSegment: () => void }) {
  const api = useApi()
  const { runs, error, replace } = useProjectRuns()
  const { datasets } = useDatasets()
  const [picked, setPicked] = useState<number | null>(null)
  const [chooseError, setChooseError] = useState<string | null>(null)

  if (runs === undefined) {
    return error ? <ErrorNote message={error} /> : <p className="muted">Loading segmentations…</p>
  }
  if (runs.length === 0) {
    return (
      <div className="empty" role="status">
        <h2>No segments to understand yet</h2>
        <p>Find segments in the Segment step first; their profiles and suggested names appear here.</p>
        <button type="button" className="button button--primary" onClick={onGoToSegment}>
          Go to Segment
        </button>
      </div>
    )
  }
  const chosen = runs.find((r) => r.chosen) ?? null
  const run = runs.find((r) => r.id === picked) ?? chosen ?? runs[0]
  return (
    <div className="understand">
      <RunPicker runs={runs} datasets={datasets ?? []} value={run.id} onChange={setPicked} />
      {!run.chosen && (
        <div className="note note--warn" role="note">
          <span>
            {chosen
              ? `You are looking at “${run.name}”; the next steps use “${chosen.name}”.`
              : `No segmentation is chosen for the next steps yet; this is the newest run, “${run.name}”.`}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void api
                .invoke('runs.choose', { runId: run.id })
                .then((r) => {
                  replace(r)
                  setChooseError(null)
                })
                .catch((e: unknown) => setChooseError(messageOf(e)))
            }
          >
            Use this one
          </button>
        </div>
      )}
      <ErrorNote message={chooseError} onDismiss={() => setChooseError(null)} />
      <RunUnderstanding key={run.id} run={run} onRun={replace} />
    </div>
  )
}
