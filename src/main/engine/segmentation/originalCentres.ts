import type { Matrix } from '../matrix'
import { matrix } from '../matrix'
import { unscaleCenters } from '../cluster/unscale'
import { clusterMeans } from '../metrics/labels'
import type { FittedSpace } from './prepareFeatures'

/**
 * Segment centres in the features' own units (euros, visits). Without transforms, the fitted centres are unscaled
 * exactly. After a log or Yeo-Johnson, an inverted centre would be a geometric-mean-like value that no table of the
 * data shows, so the centre is the plain mean of each segment's original values instead: what a marketer checks.
 */
export function centresInOriginalUnits(space: FittedSpace, centers: Matrix, labels: Int32Array): Matrix {
  if (!space.original) return unscaleCenters(centers, space.centre, space.scale)
  const k = centers.rows
  const sizes = new Float64Array(k)
  for (const l of labels) sizes[l]++
  // Labels are 0..k-1 already (both fits number their segments so); an empty segment would have no mean (NaN).
  return matrix(k, space.original.cols, clusterMeans(space.original, { codes: labels, m: k, sizes }))
}
