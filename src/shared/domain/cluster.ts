import type { FeatureUnits, SegmentLabel } from './understand'
import type { PrepStep } from './prep'

/** Segmentation runs as the UI, the services and the CLI see them: plain JSON (labels and linkage stay in the store). */

export const clusterMethods = ['kmeans', 'ward', 'complete', 'average', 'single'] as const
export type ClusterMethod = (typeof clusterMethods)[number]

export const scaleMethods = ['none', 'standard', 'minmax', 'robust'] as const
export type ScaleMethod = (typeof scaleMethods)[number]

/** 'auto' evens out strongly skewed features before fitting, as the quality check advises; 'none' fits them as they are. */
export const transformModes = ['auto', 'none'] as const
export type TransformMode = (typeof transformModes)[number]

/** A feature that was transformed before fitting, and why: its skew before and after. */
export interface FeatureTransform {
  readonly feature: string
  /** log1p for non-negative right-skewed amounts, Yeo-Johnson otherwise (any sign, either tail). */
  readonly method: 'log1p' | 'yeoJohnson'
  /** Yeo-Johnson's fitted lambda; null for the log. */
  readonly lambda: number | null
  /** Skewness (adjusted Fisher–Pearson, as the quality check reports it) before and after. */
  readonly skewBefore: number
  readonly skewAfter: number
}

/** The criteria that judge a number of segments, each with one name shared by the recommendation's words and its chart. */
export type KCriterionKey = 'inertia' | 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'stability'
export const kCriterionNames: Readonly<Record<KCriterionKey, string>> = {
  inertia: 'Spread within segments',
  silhouette: 'Silhouette',
  calinskiHarabasz: 'Calinski–Harabasz',
  daviesBouldin: 'Davies–Bouldin',
  stability: 'Stability',
}

export interface ClusterSettings {
  readonly datasetId: number
  /** Numeric columns of the prepared table (after the dataset's pipeline). */
  readonly features: readonly string[]
  readonly method: ClusterMethod
  /** A number of segments, or 'auto' to sweep `kRange` and keep the recommended k. */
  readonly k: number | 'auto'
  readonly kRange: readonly [number, number]
  readonly scale: ScaleMethod
  /** Strongly skewed features are transformed before scaling ('auto') or used as they are ('none'). */
  readonly transform: TransformMode
  /**
   * With k = 'auto', prefer a number of segments in this range (what a business can act on) unless the criteria
   * clearly say otherwise; null lets the criteria alone decide.
   */
  readonly preferK: readonly [number, number] | null
  readonly seed: number
  readonly nInit: number
  readonly maxIter: number
  /** Bootstrap stability per k in a sweep (slower). */
  readonly stability: boolean
  /**
   * Hierarchical methods on more rows than fit in memory: cluster this many sampled rows, then give everyone the
   * segment of the nearest sampled centre. Null clusters every row.
   */
  readonly sampleSize: number | null
}

export interface SweepPoint {
  readonly k: number
  readonly inertia: number
  readonly silhouette: number
  readonly calinskiHarabasz: number
  readonly daviesBouldin: number
  /** Mean adjusted Rand index across bootstrap refits; null when not computed. */
  readonly stability: number | null
  /** Share of rows in the smallest segment (0..1). */
  readonly smallestShare: number
}

export interface KRecommendation {
  readonly k: number
  /** Plain words for a marketer: why this number of segments. */
  readonly reason: string
  readonly warnings: readonly string[]
  /** The elbow (knee) of the inertia curve, when one was found. */
  readonly elbowK: number | null
  /** Numbers of segments left out of the choice, with why. Absent in runs made before exclusions were recorded. */
  readonly excluded?: readonly ExcludedK[]
  /** The preferred range (e.g. 3–8) when it moved the choice into it, else null; absent in older runs. */
  readonly within?: readonly [number, number] | null
}

export interface ExcludedK {
  readonly k: number
  /** Why it was not considered, in words shared by every k left out by the same rule ("a segment would hold under 1.0% of customers"). */
  readonly reason: string
  /** Share of customers in its smallest segment (0..1). */
  readonly smallestShare: number
}

export interface RunMetrics {
  /** Mean silhouette in [-1, 1]; higher is better. */
  readonly silhouette: number
  /** Rows the silhouette was computed on (all rows, or a seeded sample on large data). */
  readonly silhouetteSampleSize: number
  /** Calinski–Harabasz index; higher is better. */
  readonly calinskiHarabasz: number
  /** Davies–Bouldin index; lower is better. */
  readonly daviesBouldin: number
  /** Within-segment sum of squares around the segment means (equals the k-means inertia at exact convergence). */
  readonly withinSS: number
  /** Between-segment sum of squares. */
  readonly betweenSS: number
}

export interface ClusterRun {
  readonly id: number
  readonly datasetId: number
  readonly name: string
  readonly createdAt: string
  readonly settings: ClusterSettings
  readonly k: number
  readonly n: number
  readonly features: readonly string[]
  /** Customers per segment, segment 0 first. */
  readonly sizes: readonly number[]
  readonly metrics: RunMetrics
  /** k-means inertia (within-segment sum of squares in the fitted space). */
  readonly inertia: number
  readonly iterations: number
  readonly fitMs: number
  /** Wall time of the whole job (reading, preparing, trying numbers of segments, fitting); absent in older runs. */
  readonly elapsedMs?: number
  /** Segment centres in the fitted (scaled) space and in the original units of the features. */
  readonly centers: readonly (readonly number[])[]
  readonly centersOriginal: readonly (readonly number[])[]
  /**
   * Per feature: 'original' when its centres are means of the imported values (the file's units), 'prepared' when the
   * feature only exists after preparation (PC1, an encoded column). Absent in runs made before this was recorded.
   */
  readonly centerUnits?: readonly FeatureUnits[]
  /** Features transformed before fitting (settings.transform 'auto'). Absent in runs made before transforms existed. */
  readonly transforms?: readonly FeatureTransform[]
  readonly hasLinkage: boolean
  readonly sweep: readonly SweepPoint[] | null
  readonly recommendation: KRecommendation | null
  /** Plain-language notes ("Clustered a sample of 20,000 customers, then assigned everyone…"). */
  readonly notes: readonly string[]
  /**
   * The preparation pipeline the run was made with (a snapshot, so a later edit never changes the run); absent on runs
   * made before runs remembered it.
   */
  readonly pipeline?: readonly PrepStep[]
  /** This run is the project's segmentation (the one later steps use). */
  readonly chosen: boolean
  /** What the user calls each segment (name, colour, notes), segment 0 first; "Segment N" until named. */
  readonly segments: readonly SegmentLabel[]
}

/**
 * A column of the prepared table as the Segment step offers it. Every column is listed: those a run cannot use as
 * they stand (categories, yes/no, gaps, identifiers, personal data) are unavailable, with the reason and, where one
 * step would make them usable, that step as a one-click fix.
 */
export interface FeatureChoice {
  readonly name: string
  /** Ticked at first. Never true of an unavailable column. */
  readonly recommended: boolean
  /** Why it is (or is not) recommended, or why it cannot be used as it stands. */
  readonly why: string
  /** False when a run cannot use the column as it stands: listed apart, never ticked. */
  readonly available: boolean
  /** Prepare steps that would make it usable, each with what its button says. */
  readonly fixes: readonly FeatureFix[]
}

export interface FeatureFix {
  /** The button's words: "Fill the 3 gaps with the median (52,000)". */
  readonly label: string
  /** The step to add to the dataset's preparation (its id is made unique when it is added). */
  readonly step: PrepStep
}

export interface Dendrogram {
  readonly runId: number
  /** One U per drawn merge: x positions (leaves at 5, 15, 25, …) and heights, as SciPy's dendrogram draws them. */
  readonly icoord: readonly (readonly number[])[]
  readonly dcoord: readonly (readonly number[])[]
  /** Customers under each leaf, left to right (truncated trees show groups as leaves). */
  readonly leafSizes: readonly number[]
  /** Merge heights, ascending (SciPy orders merges by height); a cut between two consecutive heights gives a number of segments. */
  readonly heights: readonly number[]
  readonly n: number
}

export interface MemoryEstimate {
  readonly bytes: number
  readonly fits: boolean
  /** The most rows this method can cluster within the memory budget (the sample size to offer when it does not fit). */
  readonly maxRows: number
  /** What happens and what we suggest, in plain words. */
  readonly advice: string
}
