/**
 * Results of the clustering engine as the app stores and shows them: plain, serialisable data (typed arrays allowed),
 * no methods, no class instances — they cross process boundaries and land in the project file as BLOBs.
 */
import type { Matrix } from '../matrix'
import type { RunMetrics } from '../../../shared/domain/cluster'

/** Outcome of `fitKMeans` / `fitMiniBatchKMeans`. Centres are in the units of the matrix that was clustered. */
export interface KMeansResult {
  readonly kind: 'kmeans' | 'minibatch-kmeans'
  readonly k: number
  /** Segment of each input row, 0..k-1, in input row order. */
  readonly labels: Int32Array
  /** k × d centres. */
  readonly centers: Matrix
  /** Sum of squared distances of rows to their centre (scikit-learn's `inertia_`). */
  readonly inertia: number
  /** Lloyd iterations of the kept run (mini-batch: passes over the data, fractional). */
  readonly iterations: number
  /** Iterations of every restart, in restart order. */
  readonly nIterPerRun: Float64Array
  /** Final inertia of every restart, in restart order. */
  readonly inertiaPerRun: Float64Array
  /** Index of the kept restart (lowest inertia; the first one on ties). */
  readonly bestRun: number
  /** False when the kept run stopped at `maxIter` rather than by the tolerance or stable labels. */
  readonly converged: boolean
  /** Rows per segment. */
  readonly clusterSizes: Int32Array
  readonly seed: number
  /** Inertia after each assignment step of the kept run, when `traceInertia` was asked for. */
  readonly inertiaTrace?: Float64Array
}

export type LinkageMethod = 'ward' | 'complete' | 'average' | 'single'

/**
 * A SciPy-compatible linkage matrix: (n-1) × 4 rows of [a, b, height, size] with a < b, merges sorted by height, and
 * cluster ids as `scipy.cluster.hierarchy.linkage` numbers them: 0..n-1 are the input rows, n + i is the cluster made
 * by merge i.
 */
export interface LinkageResult {
  readonly method: LinkageMethod
  readonly n: number
  readonly linkage: Matrix
}

/** Drawing instructions for a dendrogram, as SciPy's `dendrogram(..., no_plot=True)` returns them. */
export interface DendrogramLayout {
  /** Node ids of the leaves from left to right: input rows (< n) or, when truncated, merged clusters (≥ n). */
  readonly leaves: Int32Array
  /** Number of input rows under each leaf (1 for an input row). */
  readonly leafSizes: Int32Array
  /** One U per drawn merge, each [x1, x2, x3, x4]: leaves sit at x = 5, 15, 25, … as in SciPy. */
  readonly icoord: Matrix
  /** Heights of the four points of each U, [left child, merge, merge, right child]. */
  readonly dcoord: Matrix
  /** Linkage row drawn by each U, so the UI can colour or label it. */
  readonly mergeIndex: Int32Array
}

/**
 * Internal-quality scores of one partition, with how they were computed: the same record the app stores with a run
 * (silhouette on all rows or a seeded sample, Calinski–Harabasz, Davies–Bouldin, within/between sums of squares).
 */
export type PartitionScores = RunMetrics

/** Bootstrap stability of a clustering at one k. */
export interface StabilityResult {
  /** Mean adjusted Rand index between fits on pairs of bootstrap samples, on the rows both samples contain. */
  readonly meanAri: number
  readonly stdAri: number
  /** ARI of every replicate, in replicate order. */
  readonly replicates: Float64Array
  /** Rows in each bootstrap sample. */
  readonly sampleSize: number
}

/** Everything `evaluateK` measures for one number of segments. */
export interface KEvaluation extends PartitionScores {
  readonly k: number
  readonly inertia: number
  readonly iterations: number
  readonly clusterSizes: Int32Array
  /** Share of rows in the smallest segment, 0..1. */
  readonly smallestShare: number
  readonly stability?: StabilityResult
}

export interface KSweep {
  readonly n: number
  readonly evaluations: readonly KEvaluation[]
  /** The elbow of the inertia curve found by Kneedle, or null when the curve has none. */
  readonly kneeK: number | null
}

export type KCriterion = 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'elbow' | 'stability'

export interface KRecommendation {
  readonly k: number
  /** A few plain-English sentences for someone who has never heard of a silhouette; every claim is true of the sweep. */
  readonly reason: string
  /**
   * The k each criterion prefers among the options the choice was made from: the preferred range when the preference
   * decided, else every option considered (criteria that could not be computed are left out).
   */
  readonly votes: Partial<Record<KCriterion, number>>
  /** Plain-English cautions: criteria disagree, a segment is tiny, the groups are weak. */
  readonly warnings: readonly string[]
  /** Options left out of the choice because one of their segments is too small, in increasing k. */
  readonly excluded: readonly { readonly k: number; readonly smallestShare: number; readonly reason: string }[]
  /** The k the criteria favour among all options considered, before any preference; equals `k` unless it moved. */
  readonly criteriaK: number
  /** The preferred range when it decided the choice (k moved into it), else null. */
  readonly within: readonly [number, number] | null
}
