import type { Task } from './types'
import { preparedFrame } from './preparedFrame'
import { createKMeansPool } from '../parallel/kmeansPool'
import { prepareFeatures } from '../../engine/segmentation/prepareFeatures'
import { fitSegmentation, type FitOutcome } from '../../engine/segmentation/fitSegmentation'
import { scorePartition, segmentSizes } from '../../engine/segmentation/scores'
import { MINI_BATCH_SWEEP_ROWS, sweepSegments } from '../../engine/segmentation/sweep'
import { centresInOriginalUnits } from '../../engine/segmentation/originalCentres'
import { transformNote } from '../../engine/segmentation/transformNote'
import { toRows } from '../../engine/matrix'
import { formatCount } from '../../engine/profile/wording'
import type { KRecommendation, SweepPoint } from '../../../shared/domain/cluster'

const methodWords = {
  kmeans: 'K-means',
  ward: 'Ward',
  complete: 'Complete-linkage',
  average: 'Average-linkage',
  single: 'Single-linkage',
}

export const cluster: Task<'cluster'> = async (spec, ctx) => {
  const s = spec.settings
  const prepared = await preparedFrame(ctx.db, s.datasetId, spec.steps, ctx.progress)
  const space = prepareFeatures(prepared.frame, s.features, s.scale, s.transform)
  const x = space.x
  const notes: string[] = []
  if (prepared.rowIndex) {
    notes.push(`Preparation left ${formatCount(x.rows)} of the dataset's rows; the others are in no segment.`)
  }
  if (space.transforms.length > 0) notes.push(transformNote(space.transforms))

  let k = s.k === 'auto' ? 0 : Math.min(s.k, x.rows)
  let sweep: SweepPoint[] | null = null
  let recommendation: KRecommendation | null = null
  let fit: FitOutcome
  let fitMs: number
  // k-means steps run on every core over shared memory; the pool is closed whatever happens.
  const pool = s.method === 'kmeans' ? createKMeansPool({ entry: ctx.kmeansWorker }) : undefined
  try {
    if (s.k === 'auto') {
      const result = await sweepSegments(
        x,
        s,
        (fraction, detail) =>
          ctx.progress({ fraction: 0.5 + 0.4 * fraction, title: 'Trying different numbers of segments', detail }),
        pool,
      )
      sweep = result.points
      recommendation = result.recommendation
      k = recommendation.k
      if (s.method === 'kmeans' && x.rows > MINI_BATCH_SWEEP_ROWS) {
        notes.push(
          `To compare numbers of segments quickly on ${formatCount(x.rows)} rows, each was tried with mini-batch k-means; the final ${k} segments come from a full k-means fit.`,
        )
      }
    }
    await ctx.progress({
      fraction: s.k === 'auto' ? 0.9 : 0.5,
      title: `Finding ${k} segments`,
      detail: `${methodWords[s.method]} on ${formatCount(x.rows)} rows`,
    })
    const started = performance.now()
    fit = await fitSegmentation(x, { ...s, k }, () => {}, pool)
    fitMs = performance.now() - started
  } finally {
    await pool?.close()
  }

  await ctx.progress({ fraction: 0.95, title: 'Scoring the segments' })
  return {
    run: {
      datasetId: s.datasetId,
      settings: s,
      pipeline: spec.steps,
      k,
      n: x.rows,
      features: space.features,
      sizes: segmentSizes(fit.labels, k),
      metrics: scorePartition(x, fit.labels, s.seed),
      inertia: fit.inertia,
      iterations: fit.iterations,
      fitMs,
      centers: toRows(fit.centers),
      centersOriginal: toRows(centresInOriginalUnits(space, fit.centers, fit.labels)),
      transforms: space.transforms,
      hasLinkage: fit.linkage !== null,
      sweep,
      recommendation,
      notes: [...notes, ...fit.notes],
    },
    labels: fit.labels,
    rowIndex: prepared.rowIndex,
    linkage: fit.linkage ? fit.linkage.data : null,
  }
}
