import type { FrameProfile, PrepStep, QualityFinding, StepEffect, StepSuggestion } from './prep'

/** The profile of a dataset as stored, with what it means for a marketer and what to do about it. */
export interface DatasetProfile {
  readonly datasetId: number
  readonly profile: FrameProfile
  readonly findings: readonly QualityFinding[]
  readonly suggestions: readonly StepSuggestion[]
  /** Columns left out of the profile and of modelling: personal data and columns whose role is "ignore". */
  readonly excludedColumns: readonly { readonly name: string; readonly why: string }[]
  readonly computedAt: string
}

/** A dataset's recorded preparation: an ordered list of steps, replayed from the raw data whenever it is needed. */
export interface PrepPipeline {
  readonly datasetId: number
  readonly steps: readonly PrepStep[]
  /** Increases with every saved change; undo goes back one version. */
  readonly version: number
  readonly updatedAt: string | null
}

/** The pipeline applied to the data: what each step did and what came out. */
export interface PrepPreview {
  readonly datasetId: number
  readonly effects: readonly StepEffect[]
  readonly rowCount: number
  readonly columns: readonly { readonly name: string; readonly kind: 'number' | 'date' | 'category' | 'text' }[]
  /** First rows of the result; numbers rounded for display only. */
  readonly sampleRows: readonly (readonly (string | number | null)[])[]
  readonly profile: FrameProfile
}

export interface RfmSummary {
  readonly datasetId: number
  readonly asOf: string
  readonly customers: number
  readonly segments: readonly { readonly name: string; readonly customers: number; readonly description: string }[]
  /** Plain sentences on what was dropped or netted ("350 cancellation lines were subtracted from spend"). */
  readonly notes: readonly string[]
}
