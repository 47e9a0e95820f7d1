/**
 * The clustering engine's public surface. Everything here is pure and deterministic given its seed; nothing starts
 * threads (see `src/main/jobs/parallel` for the worker-thread executor that k-means accepts).
 */

// Result types the app stores and shows.
export type {
  DendrogramLayout,
  KCriterion,
  KEvaluation,
  KMeansResult,
  KRecommendation,
  KSweep,
  LinkageMethod,
  LinkageResult,
  PartitionScores,
  StabilityResult,
} from './types'

// K-means.
export { fitKMeans, fitKMeansWith, planKMeans, meanColumnVariance } from './kmeans'
export type { KMeansOptions, KMeansProgress } from './kmeans'
export { fitMiniBatchKMeans } from './miniBatchKMeans'
export type { MiniBatchKMeansOptions } from './miniBatchKMeans'
export { unscaleCenters } from './unscale'

// The seam between the k-means driver and whoever runs its row-range steps (this thread or a worker pool).
export { inThreadExecutor } from './kmeansExecutor'
export type { KMeansExecutor } from './kmeansExecutor'
export { runKMeansStep, splitChunks } from './kmeansKernels'
export { createKMeansWorkspace, heapAllocator, KMEANS_CHUNK_ROWS } from './kmeansWorkspace'
export type { ArrayAllocator, KMeansStep, KMeansWorkspace } from './kmeansWorkspace'

// Agglomerative clustering.
export {
  linkage,
  estimateLinkageMemoryBytes,
  estimateLinkageMemoryBytes as estimateMemoryBytes,
  maxRowsForMemory,
  LINKAGE_METHODS,
  DEFAULT_LINKAGE_MAX_MEMORY,
} from './linkage'
export type { LinkageOptions } from './linkage'
export { cutByK, cutByHeight, checkLinkage } from './cut'
export { dendrogramLayout } from './dendrogram'
export type { DendrogramOptions } from './dendrogram'

// Choosing k.
export { evaluateK, sweepK, sweepRange, assembleSweep } from './sweep'
export type { EvaluateKOptions, SweepOptions } from './sweep'
export { findKnee } from './kneedle'
export type { KneedleOptions } from './kneedle'
export { recommendK } from './recommend'
export type { RecommendOptions } from './recommend'

// Metrics, re-exported so callers need one import for a clustering run.
export {
  adjustedRandIndex,
  bootstrapStability,
  calinskiHarabasz,
  daviesBouldin,
  silhouetteSamples,
  silhouetteScore,
  sumsOfSquares,
} from '../metrics'
export type { FitLabels, SilhouetteOptions, SilhouetteScore, StabilityOptions, SumsOfSquares } from '../metrics'
