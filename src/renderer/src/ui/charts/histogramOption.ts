import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Histogram } from '../../../../shared/domain/prep'
import { formatCount, formatNumber } from '../format'
import type { ChartPalette } from './palette'

export type HistogramChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>

export interface HistogramChartOptions {
  /** Colour of the bars; defaults to the palette's accent. */
  readonly color?: string
  /** Hide the axis labels for sparkline-sized charts. */
  readonly compact?: boolean
  /** How to write an edge; dates arrive as epoch milliseconds and want `formatDate`. Default `formatNumber`. */
  readonly format?: (value: number) => string
}

/** "10 – 20" for the bin between two edges; the last bin is closed, which a reader does not need to be told. */
export function binLabel(edges: readonly number[], i: number, format: (v: number) => string = formatNumber): string {
  return `${format(edges[i])} – ${format(edges[i + 1])}`
}

/**
 * An ECharts option drawing an equal-width histogram as touching bars on a category axis labelled by bin start.
 * Pure: the same histogram and palette always give the same option, so it can be tested and rendered server-side.
 * The tooltip is drawn on the canvas ('richText'), because the HTML tooltip injects inline styles the CSP refuses.
 */
export function histogramOption(
  histogram: Histogram,
  palette: ChartPalette,
  options: HistogramChartOptions = {},
): HistogramChartOption {
  if (histogram.edges.length !== histogram.counts.length + 1) {
    throw new RangeError(
      `A histogram needs one more edge than counts; got ${histogram.edges.length} edges for ${histogram.counts.length} counts.`,
    )
  }
  const format = options.format ?? formatNumber
  const labels = histogram.counts.map((_, i) => binLabel(histogram.edges, i, format))
  const compact = options.compact ?? false
  return {
    animation: false,
    grid: compact
      ? { left: 2, right: 2, top: 4, bottom: 2, containLabel: false }
      : { left: 8, right: 12, top: 12, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      axisPointer: { type: 'shadow' },
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text, fontSize: 12 },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number }
        return `${labels[first.dataIndex]}: ${formatCount(histogram.counts[first.dataIndex])}`
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      show: !compact,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.border } },
      axisLabel: {
        color: palette.muted,
        fontSize: 11,
        hideOverlap: true,
        formatter: (_: string, i: number) => format(histogram.edges[i]),
      },
    },
    yAxis: {
      type: 'value',
      show: !compact,
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { color: palette.muted, fontSize: 11, formatter: (v: number) => formatCount(v) },
      splitLine: { lineStyle: { color: palette.border } },
    },
    series: [
      {
        type: 'bar',
        data: [...histogram.counts],
        barCategoryGap: '4%',
        itemStyle: { color: options.color ?? palette.accent, borderRadius: [2, 2, 0, 0] },
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
