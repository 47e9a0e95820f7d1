import type { ChartPalette } from '../../../shared/charts/palette'
import type { SegmentStyle } from '../../../shared/charts/segmentStyles'
import type { ChartRenderer } from '../charts'
import type { ReportModel, ReportOptions } from '../model'

/** What every section renders from: the model, the options, the chart renderer and the segments' resolved styles. */
export interface RenderContext {
  readonly model: ReportModel
  readonly options: ReportOptions
  readonly palette: ChartPalette
  readonly chart: ChartRenderer
  /** Name and colour of each segment, segment 0 first: the same on every chart, card and table. */
  readonly styles: readonly SegmentStyle[]
}

/** A chapter of the report: its anchor, its title in the contents, its markup, and sub-entries (segment cards). */
export interface Chapter {
  readonly id: string
  readonly title: string
  readonly html: string
  readonly entries?: readonly { readonly id: string; readonly title: string }[]
}

/** Width in CSS pixels at which charts are drawn: the text column of A4 and Letter alike (they scale to fit). */
export const CHART_WIDTH = 660
