import type { Frame } from '../frame'
import type { Matrix } from '../matrix'
import type { KMeansExecutor } from '../cluster/kmeansExecutor'
import { prepareFeatures, type FittedSpace } from './prepareFeatures'
import { fitSegmentation, type FitOutcome } from './fitSegmentation'
import { orderSegmentsBySize } from './orderSegments'
import { scorePartition, segmentSizes } from './scores'
import { MINI_BATCH_SWEEP_ROWS, sweepSegments } from './sweep'
import { centresInOriginalUnits } from './originalCentres'
import { transformNote } from './transformNote'
import { formatCount } from '../profile/wording'
import type { ClusterSettings, KRecommendation, RunMetrics, SweepPoint } from '../../../shared/domain/cluster'

export interface SegmentationOutcome {
  readonly space: FittedSpace
  readonly k: number
  readonly sweep: SweepPoint[] | null
  readonly recommendation: KRecommendation | null
  readonly fit: FitOutcome
  /** Wall time of the final fit (the sweep not included). */
  readonly fitMs: number
  readonly metrics: RunMetrics
  readonly sizes: number[]
  readonly centersOriginal: Matrix
  /** Plain-language notes about what was done (transforms, mini-batch sweep, the fit's own notes). */
  readonly notes: string[]
}

export interface SegmentationHooks {
  /** The k sweep's progress (0..1) and what it is doing. */
  readonly onSweep?: (fraction: number, detail: string) => Promise<void>
  /** Called once k is known, before the final fit. */
  readonly onFit?: (k: number) => Promise<void>
  /** Runs k-means steps elsewhere (worker threads over shared memory); in this thread when absent. */
  readonly executor?: KMeansExecutor
}

/**
 * The one segmentation path: features of a prepared frame → transforms and scaling → optional k sweep and
 * recommendation → the final fit → scores. The app's cluster job and the CLI both call it, so a number never differs
 * between them for the same frame and settings.
 */
export async function segmentFrame(
  frame: Frame,
  s: ClusterSettings,
  hooks: SegmentationHooks = {},
): Promise<SegmentationOutcome> {
  const space = prepareFeatures(frame, s.features, s.scale, s.transform)
  const x = space.x
  const notes: string[] = []
  if (space.transforms.length > 0) notes.push(transformNote(space.transforms))

  let k = s.k === 'auto' ? 0 : Math.min(s.k, x.rows)
  let sweep: SweepPoint[] | null = null
  let recommendation: KRecommendation | null = null
  if (s.k === 'auto') {
    const result = await sweepSegments(x, s, hooks.onSweep ?? (async () => {}), hooks.executor)
    sweep = result.points
    recommendation = result.recommendation
    k = recommendation.k
    if (s.method === 'kmeans' && x.rows > MINI_BATCH_SWEEP_ROWS) {
      notes.push(
        `To compare numbers of segments quickly on ${formatCount(x.rows)} rows, each was tried with mini-batch k-means; the final ${k} segments come from a full k-means fit.`,
      )
    }
  }
  await hooks.onFit?.(k)
  const started = performance.now()
  const fitted = await fitSegmentation(x, { ...s, k }, () => {}, hooks.executor)
  const fitMs = performance.now() - started
  // Hierarchical segments keep SciPy's numbering (fcluster's, which a re-run reproduces); k-means gets a stable one.
  const fit = s.method === 'kmeans' ? orderSegmentsBySize(fitted, k) : fitted
  return {
    space,
    k,
    sweep,
    recommendation,
    fit,
    fitMs,
    metrics: scorePartition(x, fit.labels, s.seed),
    sizes: segmentSizes(fit.labels, k),
    centersOriginal: centresInOriginalUnits(space, fit.centers, fit.labels),
    notes: [...notes, ...fit.notes],
  }
}
