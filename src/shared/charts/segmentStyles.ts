/**
 * The name and colour of each segment, from the user's labels, so a segment looks and reads the same on every chart.
 * A segment without a label (a run profiled before it was named) gets the default "Segment N" in colour N.
 */
import { defaultSegmentLabel, type SegmentLabel } from '../domain/understand'
import { seriesColour, type ChartPalette } from './palette'

/** The part of a label the charts use. */
export type SegmentNaming = Pick<SegmentLabel, 'segment' | 'name' | 'colour'>

export interface SegmentStyle {
  readonly segment: number
  readonly name: string
  /** The resolved colour, from `palette.series` by the label's colour index. */
  readonly colour: string
}

/** Styles of segments 0..k-1, in segment order; refuses labels for segments the run does not have or given twice. */
export function segmentStyles(labels: readonly SegmentNaming[], k: number, palette: ChartPalette): SegmentStyle[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`A chart needs at least one segment; got ${k}.`)
  const bySegment = new Map<number, SegmentNaming>()
  for (const label of labels) {
    if (!Number.isInteger(label.segment) || label.segment < 0 || label.segment >= k) {
      throw new RangeError(
        `There is a label for segment ${label.segment + 1} ("${label.name}"), but the run has ${k} segments.`,
      )
    }
    if (bySegment.has(label.segment)) throw new RangeError(`Segment ${label.segment + 1} has two labels.`)
    if (!Number.isInteger(label.colour) || label.colour < 0) {
      throw new RangeError(`Segment ${label.segment + 1} has colour ${label.colour}; colours are numbered from 0.`)
    }
    if (label.name.trim() === '') throw new RangeError(`Segment ${label.segment + 1} has an empty name.`)
    bySegment.set(label.segment, label)
  }
  return Array.from({ length: k }, (_, segment) => {
    const label = bySegment.get(segment) ?? defaultSegmentLabel(segment)
    return { segment, name: label.name, colour: seriesColour(palette, label.colour) }
  })
}

/**
 * Segment names along a columns axis share the chart's width: about 600 px of plot in the app and the report, so
 * with many segments each name breaks over lines within its own column instead of running into its neighbours.
 */
export function columnLabelWidth(segments: number): number {
  return Math.max(72, Math.min(150, Math.floor(600 / Math.max(1, segments)) - 8))
}

/** A category axis of segment names, each written in its segment's colour, broken over lines at `width` pixels. */
export function segmentNamesAxis(styles: readonly SegmentStyle[], palette: ChartPalette, width = 150) {
  return {
    type: 'category' as const,
    data: styles.map((s) => s.name),
    axisTick: { show: false },
    axisLine: { show: false },
    axisLabel: {
      fontSize: 12,
      // Every segment's name, always: ECharts hides labels it thinks crowd, which leaves a column or row unnamed.
      interval: 0,
      width,
      overflow: 'break' as const,
      // Broken names need room between their lines; ECharts' default packs them into each other.
      lineHeight: 15,
      color: (_value?: string | number, index?: number) => styles[index ?? 0]?.colour ?? palette.text,
    },
  }
}
