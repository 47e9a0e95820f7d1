import type { ColumnRole, ColumnStats, ColumnType, DatasetKind } from './dataset'
import type { FileInspection, ImportReport, ReadSettings } from './import'
import type { CancellationPolicy, PrepStep } from './prep'
import type { DatasetProfile, PrepPreview } from './prepared'
import type { ClusterRun, ClusterSettings, FeatureChoice } from './cluster'
import type { ErrorPayload } from '../errors'
import type { RunProfile } from './understand'
import type { RecommendJobResult, RecommendSettings, SensitiveMarks } from './recommend'

/**
 * What a job process is asked to do. Each kind is a pure computation over what the project file already holds; the
 * result goes back to main, which alone writes it.
 */
export type JobSpec =
  | { readonly kind: 'columnStats'; readonly datasetId: number }
  /** Parses the listed columns of each dataset once into typed values for main to store (see `typed_columns`). */
  | {
      readonly kind: 'typedColumns'
      readonly datasets: readonly { readonly datasetId: number; readonly positions: readonly number[] }[]
    }
  | { readonly kind: 'inspectFile'; readonly path: string; readonly settings: ReadSettings }
  | {
      readonly kind: 'importFile'
      readonly path: string
      readonly settings: ReadSettings
      readonly datasetKind: DatasetKind
      /** The staging table the job fills (named by main, which alone renames it into a dataset or drops it). */
      readonly stagingTable: string
    }
  | { readonly kind: 'profile'; readonly datasetId: number }
  | { readonly kind: 'prepPreview'; readonly datasetId: number; readonly steps: readonly PrepStep[] }
  | { readonly kind: 'rfm'; readonly datasetId: number; readonly options: RfmJobOptions }
  /** Segments the dataset as prepared by `steps` (the pipeline saved when the run started). */
  | { readonly kind: 'cluster'; readonly settings: ClusterSettings; readonly steps: readonly PrepStep[] }
  | { readonly kind: 'clusterFeatures'; readonly datasetId: number; readonly steps: readonly PrepStep[] }
  /** Profiles a run's segments; `steps` is the pipeline the run was made with (`pipelineKnown` false: today's). */
  | {
      readonly kind: 'understand'
      readonly runId: number
      readonly steps: readonly PrepStep[]
      readonly pipelineKnown: boolean
    }
  /** Fits, evaluates and lists recommendations (Personalise); per-segment items from `runId`'s segmentation. */
  | {
      readonly kind: 'recommend'
      readonly settings: RecommendSettings
      readonly sensitive: SensitiveMarks
      readonly runId: number | null
    }
  /** Finds, for each row of a customer table, the row of a customer-level table with the same id (`datasets.join`). */
  | {
      readonly kind: 'join'
      readonly customers: JoinSide
      readonly features: JoinSide
    }

/** One table of a join and the position of its customer-id column. */
export interface JoinSide {
  readonly datasetId: number
  readonly keyPosition: number
}

export interface RfmJobOptions {
  readonly customer: string
  readonly date: string
  readonly amount?: string
  readonly quantity?: string
  readonly price?: string
  readonly invoice?: string
  /** YYYY-MM-DD; the day after the last transaction when absent. */
  readonly asOf?: string
  readonly cancellations: CancellationPolicy
}

/** One column of an imported file as the reader typed it; `inference` is the reader's full record, kept as JSON. */
export interface ImportedColumn {
  readonly name: string
  readonly type: ColumnType
  readonly role: ColumnRole
  readonly pii: boolean
  readonly typeReason: string
  readonly piiReason: string | null
  readonly inference: unknown
}

/** A table computed by a job (RFM), sent back whole: header, typed columns and rows of text. */
export interface DerivedTable {
  readonly header: readonly string[]
  readonly columns: readonly ImportedColumn[]
  readonly rows: readonly (readonly (string | null)[])[]
}

export type JobKind = JobSpec['kind']

export interface JobResults {
  readonly columnStats: { readonly datasetId: number; readonly columns: readonly ColumnStats[] }
  /** The typed columns themselves are streamed, one dataset at a time; this counts those sent. */
  readonly typedColumns: { readonly columns: number }
  readonly inspectFile: FileInspection
  /** The rows themselves are already in the staging table the spec named; `report.rowCount` of them. */
  readonly importFile: {
    readonly header: readonly string[]
    readonly columns: readonly ImportedColumn[]
    readonly report: ImportReport
    readonly parseContext: unknown
  }
  readonly profile: Omit<DatasetProfile, 'computedAt'>
  readonly prepPreview: PrepPreview
  readonly cluster: {
    readonly run: Omit<ClusterRun, 'id' | 'name' | 'createdAt' | 'chosen' | 'segments'>
    readonly labels: Int32Array
    readonly rowIndex: Int32Array | null
    readonly linkage: Float64Array | null
  }
  readonly understand: { readonly profile: RunProfile }
  readonly recommend: RecommendJobResult
  readonly join: {
    /** For each customer row, in row order, the features table's row (in its row order) with the same id, or -1. */
    readonly featureRow: Int32Array
    /** Customer rows with a match. */
    readonly matched: number
    /** Distinct non-empty ids that appear more than once in the features table. */
    readonly duplicateIds: number
    /** When no customer matched: each side's first distinct non-empty ids, as compared, to say why. */
    readonly samples: { readonly customers: readonly string[]; readonly features: readonly string[] } | null
  }
  readonly clusterFeatures: { readonly features: readonly FeatureChoice[]; readonly rowCount: number }
  readonly rfm: {
    readonly table: DerivedTable
    readonly parseContext: unknown
    readonly asOf: string
    readonly segments: readonly { readonly name: string; readonly customers: number; readonly description: string }[]
    readonly notes: readonly string[]
  }
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

/** What a finished job added to the project, so the screen that started it can show it. */
export interface JobProduct {
  readonly datasetId?: number
  readonly runId?: number
  /** One sentence on what was made, for the screen that started the job (a join: how many customers matched). */
  readonly summary?: string
}

export interface JobInfo {
  readonly id: string
  readonly kind: JobKind
  readonly title: string
  readonly status: JobStatus
  readonly progress: Progress | null
  readonly error: ErrorPayload | null
  readonly startedAt: string
  /** Set when the job succeeded and its result was stored. */
  readonly produced: JobProduct | null
}
