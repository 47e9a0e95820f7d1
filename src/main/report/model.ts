/**
 * The report as plain data: everything a printed report says, gathered from the project once (`loadReportModel`) and
 * already cleared of personal data, so that turning it into HTML is a pure function that tests can drive with a
 * hand-made model.
 */
import type {
  ClusterMethod,
  Dendrogram,
  FeatureTransform,
  KRecommendation,
  RunMetrics,
  SweepPoint,
} from '../../shared/domain/cluster'
import type { DatasetKind } from '../../shared/domain/dataset'
import type { RunProfile, SegmentLabel } from '../../shared/domain/understand'
import { allReportSections, type PaperSize, type ReportSections } from '../../shared/domain/report'
import type { FittedRecMethod, RecModel, SegmentTopItem } from '../../shared/domain/recommend'

export {
  paperSizes,
  reportSectionKeys,
  type PaperSize,
  type ReportSectionKey,
  type ReportSections,
} from '../../shared/domain/report'

export interface ReportOptions {
  readonly sections: ReportSections
  readonly paper: PaperSize
  /** Customer ids are replaced by codes that cannot be traced back ("C-4F1A9C"), new for every report. */
  readonly pseudonymise: boolean
  /**
   * Personal-data columns (flagged at import) the user ticked to appear in this report; every other one is left out.
   * None unless asked.
   */
  readonly includePersonal?: readonly string[]
}

export const defaultReportOptions: ReportOptions = {
  sections: allReportSections,
  paper: 'A4',
  pseudonymise: true,
}

/** One dataset on the way from the imported files to the segmented table, oldest first. */
export interface ReportDataset {
  readonly name: string
  readonly kind: DatasetKind
  readonly rows: number
  readonly columns: number
  /** The imported file's name, or null for a table SegmentLab built (RFM). */
  readonly fileName: string | null
  /** How a derived table was made, in words ("Built from Online retail transactions as RFM features."). */
  readonly derivation: string | null
  /** Columns flagged as personal data: counted, never named in the report's numbers nor printed. */
  readonly personalColumns: number
}

/** The run as the report tells it: what was fitted, how well, and why this number of segments. */
export interface ReportRun {
  readonly name: string
  readonly createdAt: string
  readonly method: ClusterMethod
  readonly k: number
  readonly n: number
  readonly features: readonly string[]
  readonly scale: string
  readonly seed: number
  readonly sizes: readonly number[]
  readonly metrics: RunMetrics
  readonly transforms: readonly FeatureTransform[]
  readonly sweep: readonly SweepPoint[] | null
  readonly recommendation: KRecommendation | null
  /** True when the user fixed the number of segments rather than letting SegmentLab choose. */
  readonly fixedK: boolean
  readonly notes: readonly string[]
  /** Only for hierarchical runs. */
  readonly dendrogram: Dendrogram | null
}

export interface ReportModel {
  readonly projectName: string
  /** When the report was made (ISO). */
  readonly createdAt: string
  /** First and last day of the data (ISO dates), when a date column tells. */
  readonly period: { readonly from: string; readonly to: string } | null
  /** The datasets behind the segmented table, oldest first; the last is the one segmented. */
  readonly datasets: readonly ReportDataset[]
  /** The segmented table's preparation, one sentence per step, in order. */
  readonly preparation: readonly string[]
  readonly run: ReportRun
  /** The Understand profile; null when it has not been computed (the report then says so and shows less). */
  readonly profile: RunProfile | null
  /** Names, colours, descriptions and actions, segment 0 first. */
  readonly labels: readonly SegmentLabel[]
  /** Data-quality notes in words (import problems, quality findings, what RFM left out), by dataset. */
  readonly qualityNotes: readonly { readonly dataset: string; readonly notes: readonly string[] }[]
  /** True when customer ids in the report are pseudonymised. */
  readonly pseudonymised: boolean
  /** The stored recommender (Personalise), or null when none was fitted: the report then says nothing about it. */
  readonly recommendations: ReportRecommendations | null
}

/** The recommender as the report tells it: how well it did beside the best-sellers, and each segment's top items. */
export interface ReportRecommendations {
  readonly method: FittedRecMethod
  /** True when Automatic chose the method on a validation split, false when the user picked it. */
  readonly automatic: boolean
  readonly evaluation: RecModel['evaluation']
  readonly data: RecModel['data']
  readonly computedAt: string
  /**
   * Each segment's items that set it apart (highest lift), sensitive items left out, segment 0 first; null when the
   * recommender was matched to another segmentation than the report's (or to none), which `otherRun` then names.
   */
  readonly segmentItems: readonly (readonly SegmentTopItem[])[] | null
  /** Customers with purchases per segment, beside `segmentItems`. */
  readonly segmentCustomers: readonly number[]
  /** The segmentation the recommender was matched to when it is not the report's; null otherwise or with none. */
  readonly otherRun: string | null
}
