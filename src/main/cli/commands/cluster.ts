import type { Command } from '../command'
import { writeJson } from '../output'
import { segmentFile, segmentUsage } from '../segmentFile'
import { scorePartition } from '../../engine/segmentation/scores'
import { unscaleCenters } from '../../engine/cluster/unscale'
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
      centersOriginal: toRows(unscaleCenters(fit.centers, space.centre, space.scale)),
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
          }
        : {}),
    })
    return 0
  },
}
