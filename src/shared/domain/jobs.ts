import type { ColumnStats } from './dataset'
import type { ErrorPayload } from '../errors'

/**
 * What a job process is asked to do. Each kind is a pure computation over what the project file already holds; the
 * result goes back to main, which alone writes it.
 */
export type JobSpec = { readonly kind: 'columnStats'; readonly datasetId: number }

export type JobKind = JobSpec['kind']

export interface JobResults {
  readonly columnStats: { readonly datasetId: number; readonly columns: readonly ColumnStats[] }
}

export type JobResult<K extends JobKind = JobKind> = JobResults[K]

/** Progress is data a sentence can be built from: "Computing statistics — column 3 of 21 (42%)". */
export interface Progress {
  /** 0..1, or null while the amount of work is not known yet. */
  readonly fraction: number | null
  readonly title: string
  readonly detail?: string
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'

export interface JobInfo {
  readonly id: string
  readonly kind: JobKind
  readonly title: string
  readonly status: JobStatus
  readonly progress: Progress | null
  readonly error: ErrorPayload | null
  readonly startedAt: string
}
