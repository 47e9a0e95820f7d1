import { useMemo } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { ChartBoundary } from '../../charts/ChartBoundary'
import { CriteriaCharts } from '../../charts/CriteriaCharts'
import { SegmentSizesChart } from '../../charts/SegmentSizesChart'
import { countOf, formatDuration, formatNumber } from '../../ui/format'
import { NoteList } from '../../ui/NoteList'
import { CentersTable } from './CentersTable'
import { DendrogramPanel } from './DendrogramPanel'
import { segmentNames } from './segmentLabels'
import { methodLabel, scaleChoices, scoreExplanations, silhouetteVerdict, transformSummary } from './explanations'

/**
 * One run, read top-down the way a marketer decides: how many segments and why, how big they are, how well they are
 * separated, what each looks like; then for sweeps the evidence per number of segments, for hierarchical runs the tree.
 */
export function RunResult({
  run,
  onChoose,
  onUseSegments,
  busy,
}: {
  run: ClusterRun
  onChoose: () => void
  onUseSegments: (k: number) => void
  busy: boolean
}) {
  const rec = run.recommendation
  const names = useMemo(() => segmentNames(run), [run])
  const colours = useMemo(() => run.segments.map((s) => s.colour), [run])
  return (
    <section className="panel run" aria-labelledby="run-title">
      <div className="panel__head">
        <div>
          <h2 id="run-title">
            {run.name}
            {run.chosen && <span className="badge">the segmentation</span>}
          </h2>
          <p className="muted small run__meta" title={`Random seed ${run.settings.seed} (Advanced settings)`}>
            {methodLabel(run.settings.method)} · {countOf(run.k, 'segment')} · {countOf(run.n, 'customer')} ·{' '}
            {run.features.length} features · scaling:{' '}
            {scaleChoices.find((s) => s.value === run.settings.scale)?.label ?? run.settings.scale}
            {transformSummary(run) && <> · {transformSummary(run)}</>} ·{' '}
            <span title="How long the run took, from reading the data to the last score">
              {formatDuration(run.elapsedMs ?? run.fitMs)}
            </span>
          </p>
        </div>
        {run.chosen ? (
          <span className="run__chosen">✓ Used by the next steps</span>
        ) : (
          <button type="button" className="button button--primary" onClick={onChoose}>
            Use as the segmentation
          </button>
        )}
      </div>

      {rec && (
        <div className="recommendation" role="note" aria-label="Recommendation">
          <p>
            <strong>Recommended: {countOf(rec.k, 'segment')}.</strong> {rec.reason}
          </p>
          <NoteList notes={rec.warnings} className="recommendation__warnings" />
        </div>
      )}
      <NoteList notes={run.notes} className="run__notes" />

      <div className="run__grid">
        <div>
          <h3 className="run__heading">Segment sizes</h3>
          <ChartBoundary what="segment sizes chart">
            <SegmentSizesChart sizes={run.sizes} names={names} colours={colours} />
          </ChartBoundary>
        </div>
        <div>
          <h3 className="run__heading">How well the segments separate</h3>
          {/* The main path speaks of distinct, compact segments; the statistics' names are the "why" under each. */}
          <dl className="scores">
            <Score
              name="Distinct from each other"
              value={run.metrics.silhouette}
              extra={`${silhouetteVerdict(run.metrics.silhouette)}${
                run.metrics.silhouetteSampleSize < run.n
                  ? `, on a sample of ${countOf(run.metrics.silhouetteSampleSize, 'customer')}`
                  : ''
              }`}
              explain={scoreExplanations.silhouette}
            />
            <Score
              name="Compact and far apart"
              value={run.metrics.calinskiHarabasz}
              explain={scoreExplanations.calinskiHarabasz}
            />
            <Score name="Little overlap" value={run.metrics.daviesBouldin} explain={scoreExplanations.daviesBouldin} />
          </dl>
        </div>
      </div>

      {run.sweep && run.sweep.length > 0 && (
        <>
          <h3 className="run__heading">Scores for each number of segments</h3>
          <CriteriaCharts sweep={run.sweep} recommendation={rec} />
        </>
      )}

      {run.hasLinkage && (
        <>
          <h3 className="run__heading">Dendrogram</h3>
          <DendrogramPanel run={run} onUseSegments={onUseSegments} busy={busy} />
        </>
      )}

      <h3 className="run__heading">The typical customer of each segment</h3>
      <CentersTable run={run} />
    </section>
  )
}

function Score({ name, value, explain, extra }: { name: string; value: number; explain: string; extra?: string }) {
  return (
    <div className="score">
      <dt>{name}</dt>
      <dd>
        <span className="score__value">{formatNumber(value)}</span>
        {extra && <span className="muted"> — {extra}</span>}
        <p className="help">{explain}</p>
      </dd>
    </div>
  )
}
