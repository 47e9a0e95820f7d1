import type { KRecommendation, SweepPoint } from '../../../shared/domain/cluster'

/**
 * The elbow of a decreasing curve by Kneedle (Satopää, Albrecht, Irwin & Raghavan 2011): normalise both axes to
 * [0, 1], flip the curve so it rises, and take the point farthest above the diagonal. Null when the curve has no bend
 * (fewer than three points, or no point above the diagonal).
 */
export function kneeOf(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 3) return null
  const x0 = xs[0]
  const x1 = xs[xs.length - 1]
  const yMax = Math.max(...ys)
  const yMin = Math.min(...ys)
  if (x1 === x0 || yMax === yMin) return null
  let best = -1
  let bestGap = 0
  for (let i = 0; i < xs.length; i++) {
    const xn = (xs[i] - x0) / (x1 - x0)
    const yn = (yMax - ys[i]) / (yMax - yMin)
    const gap = yn - xn
    if (gap > bestGap) {
      bestGap = gap
      best = i
    }
  }
  return best < 0 ? null : xs[best]
}

const TINY_SHARE = 0.01
const WEAK_SILHOUETTE = 0.25
const UNSTABLE_ARI = 0.6

/**
 * The number of segments to suggest, and why, in words for a marketer. The silhouette decides (how clearly each
 * customer belongs to its own segment rather than the next one); among ks within 0.01 of the best the smaller wins,
 * since fewer segments are easier to act on; ks whose bootstrap stability is poor or whose smallest segment is under
 * 1% are passed over when another k is available. The other criteria are reported where they disagree.
 */
export function recommendK(points: readonly SweepPoint[]): KRecommendation {
  if (points.length === 0) throw new RangeError('There are no numbers of segments to compare.')
  const ks = points.map((p) => p.k)
  const elbowK = kneeOf(ks, points.map((p) => p.inertia))
  const acceptable = points.filter((p) => p.smallestShare >= TINY_SHARE && (p.stability === null || p.stability >= UNSTABLE_ARI))
  const pool = acceptable.length > 0 ? acceptable : points
  const bestSilhouette = Math.max(...pool.map((p) => p.silhouette))
  const chosen = pool.find((p) => p.silhouette >= bestSilhouette - 0.01)!

  const bestBy = (score: (p: SweepPoint) => number) => points.reduce((a, b) => (score(b) > score(a) ? b : a)).k
  const chBest = bestBy((p) => p.calinskiHarabasz)
  const dbBest = bestBy((p) => -p.daviesBouldin)

  let reason = `${chosen.k} segments separate your customers most clearly of the ${ks[0]}–${ks[ks.length - 1]} tried (silhouette ${chosen.silhouette.toFixed(2)}).`
  if (elbowK === chosen.k) reason += ' Adding more segments beyond this point improves the fit only a little (the "elbow").'
  if (chosen.stability !== null) reason += ` Re-running on resampled data gives much the same segments (stability ${chosen.stability.toFixed(2)}).`

  const warnings: string[] = []
  const others: string[] = []
  if (elbowK !== null && elbowK !== chosen.k) others.push(`the elbow of the curve suggests ${elbowK}`)
  if (chBest !== chosen.k) others.push(`the Calinski–Harabasz score prefers ${chBest}`)
  if (dbBest !== chosen.k) others.push(`the Davies–Bouldin score prefers ${dbBest}`)
  if (others.length > 0) warnings.push(`The criteria do not all agree: ${others.join(', ')}. Compare those runs before deciding.`)
  if (chosen.smallestShare < TINY_SHARE) {
    warnings.push(`With ${chosen.k} segments the smallest holds under 1% of customers: it may be a handful of unusual customers rather than a group.`)
  }
  if (chosen.silhouette < WEAK_SILHOUETTE) {
    warnings.push('The segments overlap a good deal (silhouette under 0.25): treat them as tendencies rather than sharp groups.')
  }
  if (chosen.stability !== null && chosen.stability < UNSTABLE_ARI) {
    warnings.push('The segments change noticeably when the data is resampled; treat them with care.')
  }
  return { k: chosen.k, reason, warnings, elbowK }
}
