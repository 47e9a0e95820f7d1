/**
 * What every recommender offers once fitted: a score for every item for one training customer, and the reason for one
 * recommendation. Scores are only compared within one customer; higher is better. A scorer owns scratch space, so
 * one instance serves one thread at a time.
 */
export type RecMethod = 'popular' | 'item-knn' | 'user-knn' | 'content' | 'ease' | 'blend'

export const REC_METHODS: readonly RecMethod[] = ['popular', 'item-knn', 'user-knn', 'content', 'ease', 'blend']

/** Why an item is recommended; item and segment are indices, put into words by `describeReason`. */
export type Reason =
  | { readonly kind: 'bought'; readonly item: number }
  | { readonly kind: 'similar-customers'; readonly buyers: number; readonly neighbours: number }
  | { readonly kind: 'popular' }
  | { readonly kind: 'segment'; readonly segment: number }

export interface Scorer {
  readonly method: RecMethod
  readonly items: number
  /** Writes the score of every item for training customer `u` into `out` (length `items`). */
  score(u: number, out: Float64Array): void
  /** The reason item `item` scores for customer `u` (called for the few items shown, not in hot loops). */
  reason(u: number, item: number): Reason
}

/** Progress as data: a fraction of the work done and what is being done. Awaited between chunks, so a job can report
 * and be cancelled there (throwing from it stops the work). */
export type Progress = (fraction: number, detail: string) => void | Promise<void>

export const noProgress: Progress = () => {}

/** Runs `kernel` over [0, n) in chunks, reporting between chunks. */
export async function inChunks(
  n: number,
  chunk: number,
  progress: Progress,
  detail: string,
  kernel: (start: number, end: number) => void,
  from = 0,
  span = 1,
): Promise<void> {
  for (let start = 0; start < n; start += chunk) {
    await progress(from + (span * start) / Math.max(n, 1), detail)
    kernel(start, Math.min(n, start + chunk))
  }
  await progress(from + span, detail)
}
