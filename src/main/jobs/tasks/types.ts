import type { Db } from '../../store/database'
import type { WorkerEntry } from '../parallel/workerEntry'
import type { JobKind, JobResult, JobSpec, Progress } from '../../../shared/domain/jobs'

export interface TaskContext {
  /** The project, opened read-only: jobs compute, main writes (an import's staging table is the one exception). */
  readonly db: Db
  /** The project file and the better-sqlite3 build to open it with, for an import's staging writer thread. */
  readonly projectPath: string
  readonly sqliteBinding?: string
  /** Reports progress and yields to the event loop, so the message leaves and a cancel can arrive. */
  progress(progress: Progress): Promise<void>
  /** Streams a piece of the result to main and resolves once main has stored it. */
  send(data: unknown): Promise<void>
  /** Where the k-means worker thread's code is in this build (undefined: beside the pool module, from source). */
  readonly kmeansWorker?: WorkerEntry
  /** Likewise for an import's staging writer thread. */
  readonly stagingWriterWorker?: WorkerEntry
}

export type Task<K extends JobKind> = (spec: Extract<JobSpec, { kind: K }>, ctx: TaskContext) => Promise<JobResult<K>>

export type TaskTable = { readonly [K in JobKind]: Task<K> }
