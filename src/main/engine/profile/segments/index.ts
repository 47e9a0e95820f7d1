import type {
  CategoryProfile,
  FeatureProfile,
  FeatureSeparation,
  FeatureUnits,
  SegmentProfile,
} from '../../../../shared/domain/understand'
import { categoryProfile } from './categoryProfile'
import { numericProfile } from './numericProfile'
import { suggestNames } from './suggestNames'
import { distinguishingTraits, rankTraits } from './traits'

/** Understand: what distinguishes each segment of a run, its traits in words and a suggested name. */
export { featureLabel } from './featureLabel'
export { numericProfile, type NumericColumnProfile } from './numericProfile'
export { categoryProfile, type CategoryColumnProfile, MAX_LISTED_CATEGORIES } from './categoryProfile'
export { rankTraits, distinguishingTraits, type RankedTrait } from './traits'
export { suggestNames, type NamingInput, type SuggestedName } from './suggestNames'

export interface ProfileColumns {
  /** Numeric columns; NaN (and ±Infinity) is missing. */
  readonly numeric: readonly { name: string; values: Float64Array; units: FeatureUnits }[]
  /** Categorical columns; null is missing. */
  readonly categories: readonly { name: string; values: readonly (string | null)[] }[]
  /** The numeric column read as money, for value shares; null without one. */
  readonly monetary: string | null
}

/**
 * Profiles the k segments of a run over the given columns.
 *
 * @param labels segment of each row, 0..k−1 (read only)
 * @param k number of segments; segments without rows get a profile too (size 0, average numbers, "Empty segment")
 * @param columns the columns to describe, each as long as `labels`
 * @param silhouetteBySegment mean silhouette per segment (k values), when computed
 * @returns per segment its profile; per column how strongly it separates the segments (numbers first, then
 *   categories, each in the order given)
 *
 * Complexity O(n · columns) plus sorting each segment's values of each numeric column for its quartiles.
 */
export function profileSegments(
  labels: Int32Array,
  k: number,
  columns: ProfileColumns,
  silhouetteBySegment?: readonly (number | null)[],
): { segments: SegmentProfile[]; features: FeatureSeparation[] } {
  checkInputs(labels, k, columns, silhouetteBySegment)
  const n = labels.length
  const sizes = new Float64Array(k)
  for (let i = 0; i < n; i++) sizes[labels[i]]++

  const numeric = columns.numeric.map((c) => numericProfile(c.name, c.values, c.units, labels, k))
  const categorical = columns.categories.map((c) => categoryProfile(c.name, c.values, labels, k))
  const valueShares = valueSharesOf(columns, labels, k)

  const perSegment = Array.from({ length: k }, (_, j) => {
    const features: FeatureProfile[] = numeric.map((p) => p.bySegment[j])
    const categories: CategoryProfile[] = categorical.map((p) => p.bySegment[j])
    return { size: sizes[j], features, categories, ranked: rankTraits(features, categories) }
  })
  const names = suggestNames(perSegment)
  const segments = perSegment.map((s, j): SegmentProfile => ({
    segment: j,
    size: s.size,
    share: s.size / n,
    valueShare: valueShares === null ? null : valueShares[j],
    features: s.features,
    categories: s.categories,
    // An empty segment has nothing to distinguish it; "close to average" traits would suggest customers it lacks.
    distinguishing: s.size === 0 ? [] : distinguishingTraits(s.ranked),
    suggestedName: names[j].name,
    nameReason: names[j].reason,
    silhouette: silhouetteOf(silhouetteBySegment, j),
  }))
  return {
    segments,
    features: [...numeric.map((p) => p.separation), ...categorical.map((p) => p.separation)],
  }
}

/** Each segment's share of the money column's total (NaN and ±Infinity left out); null when the total is not > 0. */
function valueSharesOf(columns: ProfileColumns, labels: Int32Array, k: number): number[] | null {
  if (columns.monetary === null) return null
  const values = columns.numeric.find((c) => c.name === columns.monetary)!.values
  const sums = new Float64Array(k)
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sums[labels[i]] += values[i]
  const total = sums.reduce((a, b) => a + b, 0)
  return total > 0 ? Array.from(sums, (s) => s / total) : null
}

function silhouetteOf(bySegment: readonly (number | null)[] | undefined, j: number): number | null {
  const s = bySegment?.[j]
  return s === undefined || s === null || Number.isNaN(s) ? null : s
}

function checkInputs(
  labels: Int32Array,
  k: number,
  columns: ProfileColumns,
  silhouetteBySegment: readonly (number | null)[] | undefined,
): void {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`The number of segments must be a whole number ≥ 1; got ${k}.`)
  const n = labels.length
  if (n === 0) throw new RangeError('There are no rows to profile.')
  for (let i = 0; i < n; i++)
    if (labels[i] < 0 || labels[i] >= k)
      throw new RangeError(`Row ${i + 1} has segment ${labels[i]}; segments run from 0 to ${k - 1}.`)
  const names = new Set<string>()
  for (const c of [...columns.numeric, ...columns.categories]) {
    if (names.has(c.name)) throw new RangeError(`Column "${c.name}" is given twice.`)
    names.add(c.name)
    if (c.values.length !== n)
      throw new RangeError(`Column "${c.name}" has ${c.values.length} values but there are ${n} labelled rows.`)
  }
  if (columns.monetary !== null && !columns.numeric.some((c) => c.name === columns.monetary))
    throw new RangeError(`The monetary column "${columns.monetary}" is not among the numeric columns.`)
  if (silhouetteBySegment !== undefined && silhouetteBySegment.length !== k)
    throw new RangeError(`There are ${silhouetteBySegment.length} silhouette values for ${k} segments.`)
}
