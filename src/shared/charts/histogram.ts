/**
 * The distribution of one column as an equal-width histogram on a value axis: Prepare's before/after cards draw it,
 * and the report can render the same option to SVG. `describeHistogram` says the same in a sentence for screen readers.
 */
import type { ComposeOption } from 'echarts/core'
import type { CustomSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Histogram } from '../domain/prep'
import { tooltipStyle } from './common'
import { formatCount, formatNumber } from './format'
import type { ChartPalette } from './palette'

export type HistogramChartOption = ComposeOption<CustomSeriesOption | GridComponentOption | TooltipComponentOption>

export interface HistogramChartOptions {
  /** Colour of the bars; defaults to the palette's accent. */
  readonly color?: string
  /** Hide the axes for sparkline-sized charts. */
  readonly compact?: boolean
  /** How to write a value; dates arrive as epoch milliseconds and want `formatDate`. Default `formatNumber`. */
  readonly format?: (value: number) => string
}

/** "10 – 20" for the bin between two edges; the last bin is closed, which a reader does not need to be told. */
export function binLabel(edges: readonly number[], i: number, format: (v: number) => string = formatNumber): string {
  return `${format(edges[i])} – ${format(edges[i + 1])}`
}

/** The slice of the render API a bin needs: read a value of the current item, map a data point to pixels. */
export interface BinRenderApi {
  value(dimension: number): unknown
  coord(point: [number, number]): number[]
}

/**
 * One bin as a rectangle from its left to its right edge on a value axis, so the axis shows round numbers rather than
 * bin edges, and the bars touch as a histogram's should (a 1-pixel gap keeps them distinguishable).
 */
export function binRect(api: BinRenderApi, fill: string) {
  const left = Number(api.value(0))
  const right = Number(api.value(1))
  const count = Number(api.value(2))
  const [x0, top] = api.coord([left, count])
  const [x1, bottom] = api.coord([right, 0])
  return {
    type: 'rect' as const,
    shape: { x: x0 + 0.5, y: top, width: Math.max(0.5, x1 - x0 - 1), height: Math.max(0, bottom - top) },
    style: { fill },
  }
}

/**
 * An ECharts option drawing an equal-width histogram. Pure: the same histogram and palette always give the same
 * option, so it can be tested and rendered server-side for the report.
 */
export function histogramOption(
  histogram: Histogram,
  palette: ChartPalette,
  options: HistogramChartOptions = {},
): HistogramChartOption {
  const n = histogram.counts.length
  if (histogram.edges.length !== n + 1) {
    throw new RangeError(
      `A histogram needs one more edge than counts; got ${histogram.edges.length} edges for ${n} counts.`,
    )
  }
  for (let i = 0; i < n; i++) {
    if (!(histogram.edges[i + 1] >= histogram.edges[i])) {
      throw new RangeError(
        `Histogram edges must increase; edge ${i + 1} (${histogram.edges[i + 1]}) is below edge ${i} (${histogram.edges[i]}).`,
      )
    }
  }
  const format = options.format ?? formatNumber
  const compact = options.compact ?? false
  const fill = options.color ?? palette.accent
  const data = histogram.counts.map((count, i) => [histogram.edges[i], histogram.edges[i + 1], count])
  // A single-valued column has one bin of zero width: widen the axis so the bar is visible.
  const lo = histogram.edges[0] ?? 0
  const hi = histogram.edges[n] ?? 1
  const pad = hi > lo ? 0 : Math.max(Math.abs(lo) * 0.05, 0.5)
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: compact
      ? { left: 2, right: 2, top: 4, bottom: 2, containLabel: false }
      : { left: 8, right: 16, top: 12, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(palette),
      formatter: (params: unknown) => {
        const { dataIndex } = params as { dataIndex: number }
        return `${binLabel(histogram.edges, dataIndex, format)}: ${formatCount(histogram.counts[dataIndex])}`
      },
    },
    xAxis: {
      type: 'value',
      show: !compact,
      min: lo - pad,
      max: hi + pad,
      splitNumber: 4,
      splitLine: { show: false },
      axisLine: { show: true, lineStyle: { color: palette.border } },
      axisTick: { show: true, lineStyle: { color: palette.border } },
      axisLabel: { color: palette.muted, fontSize: 11, hideOverlap: true, formatter: (v: number) => format(v) },
    },
    yAxis: {
      type: 'value',
      show: !compact,
      minInterval: 1,
      splitNumber: 3,
      // Otherwise the y axis is drawn where x = 0, through the middle of a scaled column's bars.
      axisLine: { show: false, onZero: false },
      axisLabel: { color: palette.muted, fontSize: 11, formatter: (v: number) => formatCount(v) },
      splitLine: { lineStyle: { color: palette.border } },
    },
    series: [
      {
        type: 'custom',
        data,
        encode: { x: [0, 1], y: 2 },
        renderItem: (_params, api) => binRect(api as unknown as BinRenderApi, fill),
      },
    ],
  }
}

/** One sentence for screen readers: range, bin count and where most values are. */
export function describeHistogram(
  histogram: Histogram,
  what: string,
  format: (value: number) => string = formatNumber,
): string {
  const n = histogram.counts.length
  if (n === 0) return `${what}: no values.`
  const total = histogram.counts.reduce((a, b) => a + b, 0)
  let peak = 0
  for (let i = 1; i < n; i++) if (histogram.counts[i] > histogram.counts[peak]) peak = i
  return (
    `${what}: ${formatCount(total)} values from ${format(histogram.edges[0])} to ${format(histogram.edges[n])}, ` +
    `most between ${binLabel(histogram.edges, peak, format)}.`
  )
}
