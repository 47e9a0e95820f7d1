/**
 * Kneedle (Satopää, Albrecht, Irwin & Raghavan 2011, "Finding a 'Kneedle' in a Haystack: Detecting Knee Points in
 * System Behavior"), offline, without smoothing, as the `kneed` package implements it: normalise both axes to [0, 1],
 * turn the curve into an increasing concave one, take the difference curve y − x, and report the first local maximum
 * of the difference after which the curve drops below that maximum minus S × the mean x step.
 *
 * For k-means, the inertia curve is convex and decreasing; its knee is the "elbow" where more segments stop paying.
 */
import { UserError } from '../../../shared/errors'

export interface KneedleOptions {
  readonly curve?: 'convex' | 'concave'
  readonly direction?: 'decreasing' | 'increasing'
  /** S: how sharp a drop after the maximum must be. Default 1, as in the paper. */
  readonly sensitivity?: number
}

/** The x of the knee, or null when the curve has none (straight, too short, or flat). */
export function findKnee(xs: ArrayLike<number>, ys: ArrayLike<number>, options: KneedleOptions = {}): number | null {
  const curve = options.curve ?? 'convex'
  const direction = options.direction ?? 'decreasing'
  const s = options.sensitivity ?? 1
  const n = xs.length
  if (ys.length !== n) throw new UserError(`Kneedle needs as many y values (${ys.length}) as x values (${n}).`)
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) return null
    if (i > 0 && !(xs[i] > xs[i - 1])) throw new UserError('Kneedle needs strictly increasing x values.')
  }
  if (n < 3) return null
  const xn = normalise(xs)
  let yn = normalise(ys)
  if (!xn || !yn) return null

  // Make the curve concave and increasing, as kneed's transform_y does; flipped curves are read back to front.
  const flipped =
    (direction === 'decreasing' && curve === 'concave') || (direction === 'increasing' && curve === 'convex')
  if (direction === 'decreasing' && curve === 'concave') yn = yn.slice().reverse()
  else if (direction === 'decreasing' && curve === 'convex') yn = yn.map((v) => 1 - v)
  else if (direction === 'increasing' && curve === 'convex') yn = yn.map((v) => 1 - v).reverse()

  const diff = yn.map((v, i) => v - xn[i])
  const isMax = (i: number): boolean => diff[i] >= diff[Math.max(0, i - 1)] && diff[i] >= diff[Math.min(n - 1, i + 1)]
  const isMin = (i: number): boolean => diff[i] <= diff[Math.max(0, i - 1)] && diff[i] <= diff[Math.min(n - 1, i + 1)]
  let meanStep = 0
  for (let i = 1; i < n; i++) meanStep += xn[i] - xn[i - 1]
  meanStep = Math.abs(meanStep / (n - 1))

  let threshold = 0
  let thresholdIndex = 0
  for (let i = 0; i < n - 1; i++) {
    if (isMax(i)) {
      threshold = diff[i] - s * meanStep
      thresholdIndex = i
    }
    if (isMin(i)) threshold = 0
    if (diff[i + 1] < threshold) return flipped ? xs[n - 1 - thresholdIndex] : xs[thresholdIndex]
  }
  return null
}

function normalise(v: ArrayLike<number>): number[] | null {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < v.length; i++) {
    lo = Math.min(lo, v[i])
    hi = Math.max(hi, v[i])
  }
  if (!(hi > lo)) return null
  return Array.from(v, (x) => (x - lo) / (hi - lo))
}
