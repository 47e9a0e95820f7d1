/**
 * Agglomerative (hierarchical) clustering with a SciPy-compatible result. Which algorithm runs depends on the
 * method, chosen for memory first:
 *
 * | method            | algorithm                                   | time     | extra memory |
 * |-------------------|---------------------------------------------|----------|--------------|
 * | single            | Prim's minimum spanning tree, on the fly    | O(n²·d)  | O(n·d)       |
 * | ward              | nearest-neighbour chain on centroids        | O(n²·d)  | O(n·d)       |
 * | complete, average | nearest-neighbour chain on all distances    | O(n²·d)  | O(n²)        |
 *
 * Call `estimateLinkageMemoryBytes` first to decide whether to run on all rows or offer a sample.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'
import { condensedLinkageRaw } from './linkageCondensed'
import { finishLinkage } from './linkageFinish'
import { singleLinkageRaw } from './linkageSingle'
import { wardLinkageRaw } from './linkageWard'
import type { LinkageMethod, LinkageResult } from './types'
import { checkMatrix } from './validate'

export const LINKAGE_METHODS: readonly LinkageMethod[] = ['ward', 'complete', 'average', 'single']

export interface LinkageOptions {
  /**
   * Refuse (with a message that suggests sampling) when the estimate exceeds this many bytes. Default 2 GiB, which
   * admits complete and average linkage up to about 23,000 rows.
   */
  readonly maxMemoryBytes?: number
  /** Called about a hundred times with the fraction of merges done. */
  readonly onProgress?: (fraction: number) => void
}

export const DEFAULT_LINKAGE_MAX_MEMORY = 2 * 1024 ** 3

/**
 * Bytes the linkage needs beyond the input matrix (working copies, distance matrix, result), for the wizard to refuse
 * or offer sampling before starting. Node's own baseline (~50 MB) is not included.
 */
export function estimateLinkageMemoryBytes(method: LinkageMethod, n: number, d: number): number {
  const result = 2 * 32 * Math.max(0, n - 1) + 12 * n // raw + final linkage, sort order and union-find
  switch (method) {
    case 'single':
      return 8 * n * d + 12 * n + d * 8 + result
    case 'ward':
      return 8 * n * d + 20 * n + d * 8 + result
    case 'complete':
    case 'average':
      return 8 * ((n * (n - 1)) / 2) + 16 * n + result
  }
}

/** Largest row count whose estimate stays within `bytes` (for "use a sample of at most N rows"). */
export function maxRowsForMemory(method: LinkageMethod, d: number, bytes: number): number {
  let lo = 2
  let hi = 2
  while (estimateLinkageMemoryBytes(method, hi, d) <= bytes && hi < 2 ** 40) hi *= 2
  if (estimateLinkageMemoryBytes(method, lo, d) > bytes) return 0
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (estimateLinkageMemoryBytes(method, mid, d) <= bytes) lo = mid
    else hi = mid
  }
  return lo
}

export function linkage(x: Matrix, method: LinkageMethod, options: LinkageOptions = {}): LinkageResult {
  if (!LINKAGE_METHODS.includes(method)) {
    throw new UserError(`Unknown linkage "${String(method)}"; use one of ${LINKAGE_METHODS.join(', ')}.`, {
      code: 'invalid-option',
    })
  }
  checkMatrix(x)
  const n = x.rows
  if (n < 2) throw new UserError('Hierarchical clustering needs at least 2 rows.', { code: 'invalid-input' })
  const limit = options.maxMemoryBytes ?? DEFAULT_LINKAGE_MAX_MEMORY
  const need = estimateLinkageMemoryBytes(method, n, x.cols)
  if (need > limit) {
    const fits = maxRowsForMemory(method, x.cols, limit)
    throw new UserError(
      `${capitalise(method)} linkage on ${n.toLocaleString('en-US')} rows would need about ${formatBytes(need)} of memory. ` +
        `Use a sample of at most ${fits.toLocaleString('en-US')} rows, or Ward or single linkage, which need far less.`,
      { code: 'too-large', detail: `estimate=${need} limit=${limit}` },
    )
  }
  const progress = options.onProgress ? (merged: number) => options.onProgress!(merged / (n - 1)) : undefined
  const raw =
    method === 'single'
      ? singleLinkageRaw(x, progress)
      : method === 'ward'
        ? wardLinkageRaw(x, progress)
        : condensedLinkageRaw(x, method, progress)
  return { method, n, linkage: finishLinkage(raw, n) }
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1)
}

function formatBytes(b: number): string {
  if (b >= 1024 ** 3) return `${(b / 1024 ** 3).toFixed(1)} GB`
  return `${Math.ceil(b / 1024 ** 2)} MB`
}
