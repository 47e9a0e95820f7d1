import type { Command } from '../command'
import { writeJson } from '../output'
import { segmentFile, segmentUsage } from '../segmentFile'
import { toRows } from '../../engine/matrix'

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'Segment the rows of a CSV file with k-means or agglomerative clustering; metrics and an automatic k',
  usage: `segmentlab cluster ${segmentUsage}`,
  async run(args) {
    const { settings, out, outcome } = await segmentFile(args)
    const { space, k, fit, fitMs, metrics, sweep, recommendation } = outcome
    writeJson(out, {
      method: settings.method,
      k,
      n: space.x.rows,
      labels: fit.labels,
      inertia: fit.inertia,
      centers: toRows(fit.centers),
      centersOriginal: toRows(outcome.centersOriginal),
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
      ...(sweep && recommendation
        ? {
            sweep: sweep.map((p) => ({
              k: p.k,
              inertia: p.inertia,
              silhouette: p.silhouette,
              calinskiHarabasz: p.calinskiHarabasz,
              daviesBouldin: p.daviesBouldin,
              stability: p.stability,
            })),
            recommendedK: recommendation.k,
            // Only with --prefer-k, so that the default output stays exactly as it was.
            ...(settings.preferK ? { reason: recommendation.reason, warnings: recommendation.warnings } : {}),
          }
        : {}),
    })
    return 0
  },
}
