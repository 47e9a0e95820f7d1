import { useMemo } from 'react'
import type { KRecommendation, SweepPoint } from '../../../shared/domain/cluster'
import {
  bestK,
  criteriaOf,
  criterionOption,
  excludedOf,
  excludedSentence,
  type Criterion,
} from '../../../shared/charts/criteria'
import type { ChartPalette } from '../../../shared/charts/palette'
import { formatNumber } from '../ui/format'
import { ChartBoundary } from './ChartBoundary'
import { EChart } from './EChart'
import { useChartPalette } from './useChartPalette'

/**
 * The criteria of a sweep side by side, each with its meaning and the recommended number of segments marked, so the
 * reader sees where they agree; numbers of segments the recommendation left out are drawn apart and said why. Each
 * chart's accessible label states its values in words.
 */
export function CriteriaCharts({
  sweep,
  recommendation,
}: {
  sweep: readonly SweepPoint[]
  recommendation: KRecommendation | null
}) {
  const palette = useChartPalette()
  const excluded = excludedSentence(recommendation)
  return (
    <>
      {excluded && <p className="criteria__excluded small muted">{excluded}</p>}
      <div className="criteria" role="group" aria-label="Scores for each number of segments">
        {criteriaOf(sweep).map((c) => (
          <ChartBoundary key={c.key} what={`${c.title} chart`}>
            <CriterionChart criterion={c} sweep={sweep} recommendation={recommendation} palette={palette} />
          </ChartBoundary>
        ))}
      </div>
    </>
  )
}

function CriterionChart({
  criterion,
  sweep,
  recommendation,
  palette,
}: {
  criterion: Criterion
  sweep: readonly SweepPoint[]
  recommendation: KRecommendation | null
  palette: ChartPalette
}) {
  const option = useMemo(
    () => criterionOption(sweep, criterion.key, recommendation, palette),
    [sweep, criterion.key, recommendation, palette],
  )
  const best = bestK(sweep, criterion, recommendation)
  // When the recommendation preferred a range (3–8), its words speak of the best within it: say both.
  const range = recommendation?.within ?? null
  const bestWithin = range ? bestK(sweep, criterion, recommendation, range) : null
  const excluded = excludedOf(recommendation)
  const values = sweep
    .map((p) => `${p.k}: ${formatNumber(p[criterion.key])}${excluded.has(p.k) ? ' (not considered)' : ''}`)
    .join(', ')
  const titleId = `criterion-${criterion.key}`
  return (
    <figure className="criterion" aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId}>{criterion.title}</h3>
        <p className="help">{criterion.meaning}</p>
      </figcaption>
      <EChart option={option} height={170} label={`${criterion.title} by number of segments. ${values}.`} />
      <p className="criterion__foot small muted">
        {best !== null && (
          <>
            Best here: {best} segments
            {range && bestWithin !== null && bestWithin !== best && (
              <>
                {' '}
                ({bestWithin} among {range[0]} to {range[1]})
              </>
            )}
            .{' '}
          </>
        )}
        {criterion.key === 'inertia' && recommendation?.elbowK != null && <>Elbow at {recommendation.elbowK}. </>}
        {recommendation && <>Recommended: {recommendation.k}.</>}
      </p>
    </figure>
  )
}
