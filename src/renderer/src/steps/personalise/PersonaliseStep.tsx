import { useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { ErrorNote } from '../../ui/ErrorNote'
import { InfoNote } from '../../ui/InfoNote'
import { JobProgress } from '../../ui/JobProgress'
import { isFinished } from '../../ui/useJob'
import { useDatasets } from '../import/useDatasets'
import { useProjectRuns } from '../understand/useProjectRuns'
import { CustomerBrowser } from './CustomerBrowser'
import { EvaluationCard } from './EvaluationCard'
import { RecommendationExports } from './RecommendationExports'
import { RecommendSetup } from './RecommendSetup'
import { SegmentItems } from './SegmentItems'
import { SensitivePanel } from './SensitivePanel'
import { SimilarItemsPanel } from './SimilarItemsPanel'
import { useRecModel } from './useRecModel'
import '../steps.css'
import '../segment/segment.css'
import './personalise.css'

/**
 * Step 5, Personalise: recommendations per customer and per segment from a table of purchases, evaluated honestly
 * beside the best-sellers. Without purchases it sends the user to Import; without a chosen segmentation the
 * per-segment parts say so and lead to Segment.
 */
export function PersonaliseStep({ onGoTo }: { onGoTo: (step: 'import' | 'segment') => void }) {
  const { datasets, error: datasetsError } = useDatasets()
  const { runs } = useProjectRuns()
  const rec = useRecModel()
  // Marking an item sensitive hides it at once: the lists read again.
  const [marked, setMarked] = useState(0)

  if (datasets === undefined || rec.model === undefined) {
    const error = datasetsError ?? rec.error
    return error ? <ErrorNote message={error} /> : <p className="muted">Loading…</p>
  }
  const purchases = datasets.filter((d) => d.kind === 'transactions' || d.kind === 'interactions')
  if (purchases.length === 0 && !rec.model) {
    return (
      <div className="empty" role="status">
        <h2>No purchases to learn from yet</h2>
        <p>
          Recommendations are learnt from who bought what. Import a transactions or interactions table — a customer
          column and an item column, one row per purchase or rating.
        </p>
        <button type="button" className="button button--primary" onClick={() => onGoTo('import')}>
          Go to Import
        </button>
      </div>
    )
  }
  const chosen: ClusterRun | null = runs?.find((r) => r.chosen) ?? null
  const model = rec.model
  const running = rec.job !== null && !isFinished(rec.job)
  const modelRun = model?.segments ? (runs?.find((r) => r.id === model.segments!.runId) ?? null) : null

  return (
    <div className="personalise">
      <RecommendSetup
        key={model?.computedAt ?? 'new'}
        datasets={datasets}
        stored={model?.settings ?? null}
        chosen={chosen}
        busy={running}
        onStart={rec.start}
        onGoTo={onGoTo}
      />
      <JobProgress job={rec.job} label="Making recommendations" />
      <ErrorNote message={rec.error} />
      <InfoNote message={rec.notice} />
      {model && (
        <>
          <EvaluationCard model={model} />
          <CustomerBrowser key={`c-${rec.version}-${marked}`} model={model} run={modelRun} />
          <SegmentItems
            key={`s-${rec.version}-${marked}`}
            model={model}
            run={modelRun}
            chosen={chosen}
            onGoTo={onGoTo}
          />
          <SimilarItemsPanel key={`n-${rec.version}-${marked}`} />
          <SensitivePanel key={`m-${rec.version}`} model={model} onChange={() => setMarked((n) => n + 1)} />
          <RecommendationExports />
        </>
      )}
    </div>
  )
}
