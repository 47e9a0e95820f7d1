/**
 * The classic silhouette plot (Rousseeuw 1987): for each segment, its customers' silhouette values sorted from high to
 * low as thin horizontal bars, segments stacked one above the other with a gap, so each segment appears as a blade.
 * A wide blade reaching far right is a well-separated segment; bars left of zero are customers closer to another
 * segment than to their own. A dashed line marks the mean over all customers.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import type { SilhouetteSummary } from '../domain/understand'
import type { ChartSpec } from './chartSpec'
import { tooltipStyle, valueAxisStyle } from './common'
import { formatCount, formatNumber } from './format'
import type { ChartPalette } from './palette'
import { segmentStyles, type SegmentNaming } from './segmentStyles'

export type SilhouettePlotOption = ComposeOption<
  BarSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>

const inRange = (v: number) => Number.isFinite(v) && v >= -1 && v <= 1

export function checkSilhouette(summary: SilhouetteSummary): void {
  if (summary.bySegment.length === 0) throw new RangeError('The silhouette summary has no segments.')
  if (!inRange(summary.mean)) throw new RangeError(`The mean silhouette is ${summary.mean}; expected −1..1.`)
  summary.bySegment.forEach((values, s) => {
    const bad = values.find((v) => !inRange(v))
    if (bad !== undefined) throw new RangeError(`Segment ${s + 1} has silhouette value ${bad}; expected −1..1.`)
  })
}

/**
 * Where each segment's bars go on the category axis: segment after segment from the top, a blank gap of a few slots
 * between them (so blades stay apart however many customers there are), and at least one slot for an empty segment.
 */
export function silhouetteSlots(counts: readonly number[]): { starts: number[]; total: number; gap: number } {
  const bars = counts.reduce((a, b) => a + Math.max(1, b), 0)
  const gap = Math.max(2, Math.round(bars * 0.03))
  const starts: number[] = []
  let at = 0
  for (const c of counts) {
    starts.push(at)
    at += Math.max(1, c) + gap
  }
  return { starts, total: at - gap, gap }
}

export function silhouettePlot(
  summary: SilhouetteSummary,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
): ChartSpec<SilhouettePlotOption> {
  checkSilhouette(summary)
  const k = summary.bySegment.length
  const styles = segmentStyles(labels, k, palette)
  // High to low within a segment, whatever order the summary came in.
  const sorted = summary.bySegment.map((values) => [...values].sort((a, b) => b - a))
  const { starts, total } = silhouetteSlots(sorted.map((v) => v.length))
  // The segment's name is written once, beside the middle of its blade.
  const names = Array.from({ length: total }, () => '')
  const nameColours = Array.from({ length: total }, () => palette.text)
  sorted.forEach((values, s) => {
    const middle = starts[s] + Math.floor(Math.max(1, values.length) / 2)
    names[middle] = styles[s].name
    nameColours[middle] = styles[s].colour
  })
  const low = Math.min(0, ...sorted.map((v) => v[v.length - 1] ?? 0))
  const meanLine = {
    silent: true,
    symbol: 'none',
    animation: false,
    lineStyle: { color: palette.text, type: 'dashed' as const, width: 1.5 },
    label: { formatter: `Mean ${summary.mean.toFixed(2)}`, color: palette.text, position: 'start' as const },
    data: [{ xAxis: summary.mean }],
  }
  return {
    title: 'How well customers fit their segment',
    caption:
      'One thin bar per customer (silhouette, −1 to 1): long bars sit firmly in their segment, bars near zero sit ' +
      `between two, bars left of zero may fit another segment better. Dashed line: the mean, ${summary.mean.toFixed(2)}` +
      ` over ${formatCount(summary.sampleSize)} customers.`,
    height: Math.min(560, Math.max(240, 40 * k + 120)),
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      // containLabel measures only a sample of a long category axis's labels and would miss the names: leave room for
      // the longest name instead (about 7 pixels a character at 12 pixels).
      grid: { left: 16 + 7 * Math.max(...styles.map((st) => st.name.length)), right: 24, top: 24, bottom: 40 },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const { seriesIndex, value } = p as { seriesIndex: number; value: [number, number] }
          return `${styles[seriesIndex].name}: silhouette ${formatNumber(value[0])}`
        },
      },
      xAxis: {
        type: 'value',
        name: 'silhouette',
        nameLocation: 'middle',
        nameGap: 22,
        min: Math.floor(Math.min(-0.1, low) * 10) / 10,
        max: 1,
        ...valueAxisStyle(palette),
      },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: palette.border } },
        axisLabel: {
          interval: 0,
          fontSize: 12,
          color: (_v?: string | number, i?: number) => nameColours[i ?? 0],
        },
      },
      series: sorted.map((values, s) => ({
        type: 'bar' as const,
        name: styles[s].name,
        // [silhouette, slot]: each segment fills only its own slots of the shared axis.
        data: values.map((v, j) => [v, starts[s] + j]),
        // Series of one axis normally sit side by side within a slot; -100% puts them all on the full slot.
        barGap: '-100%',
        barCategoryGap: '0%',
        itemStyle: { color: styles[s].colour },
        markLine: s === 0 ? meanLine : undefined,
      })),
    },
  }
}
