import type { Matrix } from '../matrix'
import { fitSegmentation } from './fitSegmentation'
import { scorePartition, segmentSizes } from './scores'
import { recommendK } from './recommendK'
import { bootstrapStability } from '../metrics'
import { linkage } from '../cluster/linkage'
import { cutByK } from '../cluster/cut'
import type { ClusterSettings, KRecommendation, SweepPoint } from '../../../shared/domain/cluster'

/**
 * Fits and scores every k of the range. Hierarchical methods build the tree once and cut it at each k; k-means
 * refits per k. `progress` is awaited between two k, so a job can report and yield there.
 */
export async function sweepSegments(
  x: Matrix,
  s: ClusterSettings,
  progress: (fraction: number, detail: string) => Promise<void>,
): Promise<{ points: SweepPoint[]; recommendation: KRecommendation }> {
  const [from, to] = [Math.min(s.kRange[0], x.rows), Math.min(s.kRange[1], x.rows)]
  const ks = Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const tree = s.method !== 'kmeans' && s.sampleSize === null ? linkage(x, s.method).linkage : null
  const points: SweepPoint[] = []
  for (const [i, k] of ks.entries()) {
    await progress(i / ks.length, `${k} segments (${i + 1} of ${ks.length})`)
    const labels = tree ? cutByK(tree, k) : fitSegmentation(x, { ...s, k }).labels
    const scores = scorePartition(x, labels, s.seed)
    const stability = s.stability
      ? bootstrapStability(x, (sample, seed) => fitSegmentation(sample, { ...s, k, nInit: Math.min(s.nInit, 3), seed, sampleSize: null }).labels, { seed: s.seed, replicates: 5, maxRows: 2000 }).meanAri
      : null
    const sizes = segmentSizes(labels, k)
    points.push({
      k,
      inertia: scores.withinSS,
      silhouette: scores.silhouette,
      calinskiHarabasz: scores.calinskiHarabasz,
      daviesBouldin: scores.daviesBouldin,
      stability,
      smallestShare: Math.min(...sizes) / x.rows,
    })
  }
  await progress(1, 'Comparing the criteria')
  return { points, recommendation: recommendK(points) }
}
