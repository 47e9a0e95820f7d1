import type { Command } from '../command'
import { writeJson } from '../output'
import { segmentFile, segmentUsage } from '../segmentFile'
import { scorePartition } from '../../engine/segmentation/scores'
import { centresInOriginalUnits } from '../../engine/segmentation/originalCentres'
import { toRows } from '../../engine/matrix'

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'Segment the rows of a CSV file with k-means or agglomerative clustering; metrics and an automatic k',
  usage: `segmentlab cluster ${segmentUsage}`,
  async run(args) {
    const { settings, out, space, sweep, k, fit, fitMs } = await segmentFile(args)
    const metrics = scorePartition(space.x, fit.labels, settings.seed)
    writeJson(out, {
      method: settings.method,
      k,
      n: space.x.rows,
      labels: fit.labels,
      inertia: fit.inertia,
      centers: toRows(fit.centers),
      centersOriginal: toRows(centresInOriginalUnits(space, fit.centers, fit.labels)),
      // Only with --transform auto, so that the default output stays exactly as it was.
      ...(settings.transform === 'auto' ? { transforms: space.transforms } : {}),
      linkage: fit.linkage ? toRows(fit.linkage) : null,
      metrics: {
        silhouette: metrics.silhouette,
        calinskiHarabasz: metrics.calinskiHarabasz,
        daviesBouldin: metrics.daviesBouldin,
      },
      iterations: fit.iterations,
      timings: { fitMs },
      ...(sweep
        ? {
            sweep: sweep.points.map((p) => ({
              k: p.k,
              inertia: p.inertia,
              silhouette: p.silhouette,
              calinskiHarabasz: p.calinskiHarabasz,
              daviesBouldin: p.daviesBouldin,
              stability: p.stability,
            })),
            recommendedK: sweep.recommendation.k,
            // Only with --prefer-k, so that the default output stays exactly as it was.
            ...(settings.preferK
              ? { reason: sweep.recommendation.reason, warnings: sweep.recommendation.warnings }
              : {}),
          }
        : {}),
    })
    return 0
  },
}
