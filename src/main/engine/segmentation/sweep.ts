import type { Matrix } from '../matrix'
import { fitKMeansLabels, fitSegmentation } from './fitSegmentation'
import { fitMiniBatchKMeans } from '../cluster/miniBatchKMeans'
import type { KMeansExecutor } from '../cluster/kmeansExecutor'
import { scorePartition, segmentSizes } from './scores'
import { bootstrapStability } from '../metrics'
import { linkage } from '../cluster/linkage'
import { cutByK } from '../cluster/cut'
import { assembleSweep } from '../cluster/sweep'
import { recommendK } from '../cluster/recommend'
import type { KEvaluation } from '../cluster/types'
import type { ClusterSettings, KRecommendation, SweepPoint } from '../../../shared/domain/cluster'

/** Above this many rows a k-means sweep compares mini-batch fits: the final segmentation is still a full fit. */
export const MINI_BATCH_SWEEP_ROWS = 200_000

/**
 * Fits and scores every k of the range with the chosen method. Hierarchical methods build the tree once and cut it at
 * each k; k-means refits per k. The recommendation is the engine's vote across criteria (`recommendK`), preferring
 * `s.preferK` segments unless the criteria clearly say otherwise.
 * `progress` is awaited between two k, so a job can report and yield there.
 */
export async function sweepSegments(
  x: Matrix,
  s: ClusterSettings,
  progress: (fraction: number, detail: string) => Promise<void>,
  executor?: KMeansExecutor,
): Promise<{ points: SweepPoint[]; recommendation: KRecommendation }> {
  const [from, to] = [Math.min(s.kRange[0], x.rows), Math.min(s.kRange[1], x.rows)]
  const ks = Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const tree = s.method !== 'kmeans' && s.sampleSize === null ? linkage(x, s.method).linkage : null
  const evaluations: KEvaluation[] = []
  for (const [i, k] of ks.entries()) {
    await progress(i / ks.length, `${k} segments (${i + 1} of ${ks.length})`)
    const miniBatch = !tree && s.method === 'kmeans' && x.rows > MINI_BATCH_SWEEP_ROWS
    const fit = tree || miniBatch ? null : await fitSegmentation(x, { ...s, k }, () => {}, executor)
    const labels = fit
      ? fit.labels
      : miniBatch
        ? fitMiniBatchKMeans(x, { k, seed: s.seed, nInit: 3 }).labels
        : cutByK(tree!, k)
    const scores = scorePartition(x, labels, s.seed)
    const sizes = segmentSizes(labels, k)
    const stability = s.stability
      ? bootstrapStability(
          x,
          (sample, seed) =>
            s.method === 'kmeans'
              ? fitKMeansLabels(sample, { ...s, k, nInit: Math.min(s.nInit, 3), seed })
              : cutByK(linkage(sample, s.method).linkage, k),
          { seed: s.seed, replicates: 5, maxRows: 2000 },
        )
      : undefined
    evaluations.push({
      ...scores,
      k,
      inertia: scores.withinSS,
      iterations: fit?.iterations ?? 0,
      clusterSizes: Int32Array.from(sizes),
      smallestShare: Math.min(...sizes) / x.rows,
      ...(stability ? { stability } : {}),
    })
  }
  await progress(1, 'Comparing the criteria')
  const sweep = assembleSweep(x.rows, evaluations)
  const recommendation = recommendK(sweep, { preferred: s.preferK ?? null })
  return {
    points: evaluations.map((e) => ({
      k: e.k,
      inertia: e.inertia,
      silhouette: e.silhouette,
      calinskiHarabasz: e.calinskiHarabasz,
      daviesBouldin: e.daviesBouldin,
      stability: e.stability?.meanAri ?? null,
      smallestShare: e.smallestShare,
    })),
    recommendation: {
      k: recommendation.k,
      reason: recommendation.reason,
      warnings: recommendation.warnings,
      elbowK: sweep.kneeK,
      excluded: recommendation.excluded.map((e) => ({ k: e.k, reason: e.reason, smallestShare: e.smallestShare })),
      within: recommendation.within,
    },
  }
}
