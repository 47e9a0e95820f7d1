import { matrix } from '../matrix'
import type { FitOutcome } from './fitSegmentation'

/**
 * K-means numbers its segments in the order its seeds happened to be drawn, so the same group of customers can be
 * "Segment 3" in one run and "Segment 5" in the next. Renumbering by size (largest first; equal sizes by their centres,
 * compared feature by feature) gives the same group the same number whenever two runs find it. Nothing else changes:
 * the same partition, centres and inertia, permuted.
 */
export function orderSegmentsBySize(fit: FitOutcome, k: number): FitOutcome {
  const sizes = new Float64Array(k)
  for (const l of fit.labels) sizes[l]++
  const d = fit.centers.cols
  const centre = (s: number) => fit.centers.data.subarray(s * d, (s + 1) * d)
  const order = Array.from({ length: k }, (_, s) => s).sort((a, b) => {
    if (sizes[a] !== sizes[b]) return sizes[b] - sizes[a]
    const [ca, cb] = [centre(a), centre(b)]
    for (let j = 0; j < d; j++) if (ca[j] !== cb[j]) return ca[j] - cb[j]
    return a - b
  })
  if (order.every((s, i) => s === i)) return fit
  const rank = new Int32Array(k)
  order.forEach((s, i) => (rank[s] = i))
  const centers = matrix(k, d)
  order.forEach((s, i) => centers.data.set(centre(s), i * d))
  return { ...fit, labels: fit.labels.map((l) => rank[l]), centers }
}
