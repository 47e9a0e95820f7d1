import type { Task } from './types'
import { preparedFrame } from './preparedFrame'
import { withReadableColumns } from '../../engine/prep/readableColumns'
import { createKMeansPool } from '../parallel/kmeansPool'
import { segmentFrame, type SegmentationOutcome } from '../../engine/segmentation/segmentFrame'
import { toRows } from '../../engine/matrix'
import { importedCentres } from '../../engine/segmentation/importedCentres'
import { formatCount } from '../../engine/profile/wording'
import { getDataset } from '../../store/repos/datasets'
import { requireModelled } from './loadFrame'

const methodWords = {
  kmeans: 'K-means',
  ward: 'Ward',
  complete: 'Complete-linkage',
  average: 'Average-linkage',
  single: 'Single-linkage',
}

export const cluster: Task<'cluster'> = async (spec, ctx) => {
  const s = spec.settings
  // The run's time is the job's wall time, reading and preparing included: what the user waited for.
  const started = performance.now()
  requireModelled(getDataset(ctx.db, s.datasetId).columns, s.features)
  // Reading reports 0–50% on its own scale; here it is the first fifth, the sweep (the long part) most of the rest.
  const prepared = await preparedFrame(ctx.db, s.datasetId, spec.steps, (p) =>
    ctx.progress({ ...p, fraction: p.fraction === null ? null : 0.4 * p.fraction }),
  )
  const notes: string[] = []
  if (prepared.rowIndex) {
    notes.push(
      `Preparation left ${formatCount(prepared.frame.rowCount)} of the dataset's rows; the others are in no segment.`,
    )
  }

  let outcome: SegmentationOutcome
  // k-means steps run on every core over shared memory; the pool is closed whatever happens.
  const pool = s.method === 'kmeans' ? createKMeansPool({ entry: ctx.kmeansWorker }) : undefined
  try {
    outcome = await segmentFrame(prepared.frame, s, {
      executor: pool,
      onSweep: (fraction, detail) =>
        ctx.progress({ fraction: 0.2 + 0.7 * fraction, title: 'Trying different numbers of segments', detail }),
      onFit: (k) =>
        ctx.progress({
          fraction: s.k === 'auto' ? 0.9 : 0.2,
          title: `Finding ${k} segments`,
          detail: `${methodWords[s.method]} on ${formatCount(prepared.frame.rowCount)} rows`,
        }),
    })
  } finally {
    await pool?.close()
  }

  const { space, k, fit } = outcome
  const imported = importedCentres(
    withReadableColumns(prepared.raw.frame, spec.steps),
    prepared.rowIndex,
    fit.labels,
    k,
    space.features,
    outcome.centersOriginal,
  )
  await ctx.progress({ fraction: 0.95, title: 'Scoring the segments' })
  return {
    run: {
      datasetId: s.datasetId,
      settings: s,
      pipeline: spec.steps,
      k,
      n: space.x.rows,
      features: space.features,
      sizes: outcome.sizes,
      metrics: outcome.metrics,
      inertia: fit.inertia,
      iterations: fit.iterations,
      fitMs: outcome.fitMs,
      elapsedMs: performance.now() - started,
      centers: toRows(fit.centers),
      centersOriginal: imported.centres,
      centerUnits: imported.units,
      transforms: space.transforms,
      hasLinkage: fit.linkage !== null,
      sweep: outcome.sweep,
      recommendation: outcome.recommendation,
      notes: [...notes, ...outcome.notes],
    },
    labels: fit.labels,
    rowIndex: prepared.rowIndex,
    linkage: fit.linkage ? fit.linkage.data : null,
  }
}
