/**
 * Automatic's answer to the quality check's "strongly skewed" warning: which features to even out before fitting, and
 * how. A few very large amounts otherwise dominate the distances, so k-means spends its segments on them (one segment
 * of 90% and a few tiny ones). The rule is the one Prepare suggests (`suggestSteps`): |skewness| at or above
 * STRONG_SKEW; log1p for non-negative right-skewed columns (the usual transform for amounts and counts), Yeo-Johnson
 * for columns with negative values or a long left tail, where a log does not apply. The transforms themselves are the
 * prep engine's, so a run and a Prepare step give the same numbers.
 */
import type { FeatureTransform } from '../../../shared/domain/cluster'
import type { Frame } from '../frame'
import { column } from '../frame'
import { moments } from '../profile/moments'
import { STRONG_SKEW } from '../profile/describeQuality'
import { transformColumns } from '../prep/transform'

export interface SkewTransformResult {
  /** The frame with the chosen features replaced by their transformed values. */
  readonly frame: Frame
  /** What was done to which feature, in feature order; empty when no feature is strongly skewed. */
  readonly transforms: FeatureTransform[]
}

/** Transforms the strongly skewed numeric features of `frame`; other columns are left as they are. O(n) per feature. */
export function transformSkewed(frame: Frame, features: readonly string[]): SkewTransformResult {
  let out = frame
  const transforms: FeatureTransform[] = []
  for (const feature of features) {
    const method = methodFor(frame, feature)
    if (!method) continue
    const skewBefore = skewOf(frame, feature)
    const result = transformColumns(out, { id: `segment-${method}`, kind: 'transform', columns: [feature], method })
    out = result.frame
    const lambda = method === 'yeoJohnson' ? result.fitted.lambdas[feature] : null
    transforms.push({ feature, method, lambda, skewBefore, skewAfter: skewOf(out, feature) })
  }
  return { frame: out, transforms }
}

/** The transform a feature needs, or null when it is not strongly skewed (or cannot change shape). */
export function methodFor(frame: Frame, feature: string): FeatureTransform['method'] | null {
  const col = column(frame, feature)
  if (col.kind !== 'number') return null // toMatrix reports non-numeric features in modelling words
  const skew = moments(col.values).skewness
  if (!(Math.abs(skew) >= STRONG_SKEW)) return null // NaN (fewer than 3 values) included
  // A two-valued column (a yes/no flag) keeps its shape under any monotone transform: only its scale would change.
  if (distinctAtMost(col.values, 2)) return null
  return skew > 0 && minimum(col.values) >= 0 ? 'log1p' : 'yeoJohnson'
}

function skewOf(frame: Frame, feature: string): number {
  return moments(column(frame, feature).values as Float64Array).skewness
}

function minimum(values: Float64Array): number {
  let lo = Infinity
  for (const v of values) if (v < lo) lo = v
  return lo
}

function distinctAtMost(values: Float64Array, n: number): boolean {
  const seen = new Set<number>()
  for (const v of values) {
    if (Number.isNaN(v)) continue
    seen.add(v)
    if (seen.size > n) return false
  }
  return true
}
