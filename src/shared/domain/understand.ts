/**
 * Step 4 of the journey, Understand: what distinguishes each segment of a run, in the units of the imported file, and
 * the names, colours and notes the user gives the segments. Plain JSON shared by the engine, the store, the CLI, the
 * renderer and the report's charts.
 */

/** Where a feature's numbers come from: the imported file, or a column that only exists after preparation (PC1, encoded). */
export type FeatureUnits = 'original' | 'prepared'

/** One numeric feature within one segment. */
export interface FeatureProfile {
  readonly feature: string
  readonly units: FeatureUnits
  readonly mean: number
  readonly median: number
  readonly overallMean: number
  /** 100 × segment mean / overall mean; null where the overall mean is 0 or the column is not in original units. */
  readonly index: number | null
  /** Standardised mean difference: (segment mean − overall mean) / overall population standard deviation (0 when it is 0). */
  readonly smd: number
  /** Min, first quartile, median, third quartile, max of the segment's values (for box plots). */
  readonly box: readonly [number, number, number, number, number]
}

/** One category of a categorical column within one segment. */
export interface CategoryShare {
  readonly category: string
  /** Share of the segment's rows with this category (0..1). */
  readonly share: number
  /** Share of all rows with this category (0..1). */
  readonly overallShare: number
  /** share / overallShare; null where the category is absent overall. */
  readonly lift: number | null
}

export interface CategoryProfile {
  readonly feature: string
  /** The column's most frequent categories overall (at most 12), most frequent first. */
  readonly shares: readonly CategoryShare[]
}

/** A trait that sets a segment apart, ranked by |smd| (numbers) or by lift (categories). */
export interface Trait {
  readonly feature: string
  readonly smd: number
  /** Segment mean / overall mean, when meaningful (original units, overall mean > 0). */
  readonly ratio: number | null
  /** Plain words: "spends 2.4× the average on Fresh", "mostly Channel = Hotel (81% vs 68% overall)". */
  readonly words: string
}

export interface SegmentProfile {
  readonly segment: number
  readonly size: number
  /** size / all profiled rows (0..1). */
  readonly share: number
  /** Share of the total of the monetary column held by this segment; null without one. */
  readonly valueShare: number | null
  readonly features: readonly FeatureProfile[]
  readonly categories: readonly CategoryProfile[]
  /** The 3–5 traits that distinguish this segment most, strongest first. */
  readonly distinguishing: readonly Trait[]
  readonly suggestedName: string
  /** Why that name, in words. */
  readonly nameReason: string
  /** Mean silhouette of this segment's customers (−1..1); null when not computed. */
  readonly silhouette: number | null
}

/** How strongly one feature separates the segments over the whole run. */
export interface FeatureSeparation {
  readonly feature: string
  readonly kind: 'number' | 'category'
  /** Between-segment sum of squares / total sum of squares (0..1); numbers only. */
  readonly eta2: number | null
  /** One-way ANOVA F statistic; numbers only, null when undefined (one segment, or no spread within segments). */
  readonly f: number | null
  /** Cramér's V (0..1); categories only. */
  readonly cramersV: number | null
}

export interface RuleCondition {
  readonly feature: string
  readonly op: '<=' | '>'
  readonly threshold: number
}

/** One leaf of the explaining decision tree: "if conditions then segment". */
export interface SegmentRule {
  readonly segment: number
  readonly conditions: readonly RuleCondition[]
  /** Customers the rule's conditions select. */
  readonly covers: number
  /** Of those, how many are in `segment`. */
  readonly correct: number
}

export interface SegmentRules {
  readonly depth: number
  /** Share of all customers whose segment the rules give correctly (0..1). */
  readonly accuracy: number
  readonly rules: readonly SegmentRule[]
  /** Per segment: share of its customers that its rules describe correctly (0..1). */
  readonly recallBySegment: readonly number[]
}

/** A customer who sits between two segments: low or negative silhouette. */
export interface BorderlineCustomer {
  /** The customer id when the table has one, else "Row N" (1-based dataset row). */
  readonly customer: string
  readonly segment: number
  /** The segment whose customers are on average closest to this one (the silhouette's "b"). */
  readonly nearest: number
  readonly silhouette: number
}

export interface SilhouetteSummary {
  /** Customers the silhouette was computed on (all, or a seeded sample on large data). */
  readonly sampleSize: number
  readonly mean: number
  /** Per segment, values sorted high to low, thinned to at most ~300 per segment for drawing. */
  readonly bySegment: readonly (readonly number[])[]
}

/** The customers on the first two principal components of the fitted space (a seeded sample of at most 5,000). */
export interface SegmentMap {
  readonly x: readonly number[]
  readonly y: readonly number[]
  readonly segment: readonly number[]
  readonly customer: readonly string[]
  /** Share of the variance each axis explains (0..1). */
  readonly explained: readonly [number, number]
  /** All customers in the run; the map shows `x.length` of them. */
  readonly total: number
}

/** Customers per RFM segment (rows) and cluster (columns), when the table carries RFM segments. */
export interface RfmCrossTab {
  readonly rfmSegments: readonly string[]
  readonly counts: readonly (readonly number[])[]
}

export const RUN_PROFILE_VERSION = 1

export interface RunProfile {
  readonly version: typeof RUN_PROFILE_VERSION
  readonly runId: number
  readonly k: number
  readonly n: number
  /** The numeric column read as money (value shares), if any. */
  readonly monetaryFeature: string | null
  readonly segments: readonly SegmentProfile[]
  readonly features: readonly FeatureSeparation[]
  readonly rules: SegmentRules | null
  readonly borderline: readonly BorderlineCustomer[]
  readonly silhouette: SilhouetteSummary | null
  readonly map: SegmentMap | null
  readonly rfm: RfmCrossTab | null
  readonly notes: readonly string[]
  readonly computedAt: string
}

/** What the user calls a segment: stored with the run and used on every screen, export and report. */
export interface SegmentLabel {
  readonly segment: number
  readonly name: string
  /** Index into the chart palette's segment colours (colour-blind-safe in light and dark themes). */
  readonly colour: number
  readonly description: string
  readonly action: string
  /** True while the name is the suggestion (or the default "Segment N") and the user has not renamed it. */
  readonly suggested: boolean
}

export function defaultSegmentLabel(segment: number): SegmentLabel {
  return { segment, name: `Segment ${segment + 1}`, colour: segment, description: '', action: '', suggested: true }
}
