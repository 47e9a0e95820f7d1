/**
 * How the RFM segments (from the Prepare step) and the clusters line up: a table of customer counts, a row per RFM
 * segment and a column per cluster, each cell shaded by its count. A row spread over many columns is an RFM segment the
 * clusters split; a column gathering many rows is a cluster that RFM alone does not see.
 */
import type { ComposeOption } from 'echarts/core'
import type { HeatmapSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components'
import type { RfmCrossTab } from '../domain/understand'
import type { ChartSpec } from './chartSpec'
import { mix, scaleColour, textOn } from './colour'
import { tooltipStyle } from './common'
import { chartPercent, formatCount } from './format'
import type { ChartPalette } from './palette'
import { columnLabelWidth, segmentNamesAxis, segmentStyles, type SegmentNaming } from './segmentStyles'

export type RfmCrossTabOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>

/** Checks the table's shape and counts; returns the number of clusters (columns). */
export function checkRfmCrossTab(tab: RfmCrossTab): number {
  if (tab.rfmSegments.length === 0) throw new RangeError('The RFM table has no RFM segments.')
  if (tab.counts.length !== tab.rfmSegments.length) {
    throw new RangeError(
      `The RFM table names ${tab.rfmSegments.length} RFM segments but has ${tab.counts.length} rows.`,
    )
  }
  const k = tab.counts[0].length
  if (k === 0) throw new RangeError('The RFM table has no cluster columns.')
  tab.counts.forEach((row, r) => {
    if (row.length !== k) {
      throw new RangeError(`RFM segment "${tab.rfmSegments[r]}" has ${row.length} counts; the first row has ${k}.`)
    }
    row.forEach((count, c) => {
      if (!Number.isInteger(count) || count < 0) {
        throw new RangeError(`RFM segment "${tab.rfmSegments[r]}" has ${count} customers in cluster ${c + 1}.`)
      }
    })
  })
  return k
}

export function rfmCrossTab(
  tab: RfmCrossTab,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
): ChartSpec<RfmCrossTabOption> {
  const k = checkRfmCrossTab(tab)
  const styles = segmentStyles(labels, k, palette)
  const max = Math.max(1, ...tab.counts.flat())
  // A single-hue ramp from just off the surface to the accent: empty cells stay visible as cells, in either theme.
  const ramp = [mix(palette.surface, palette.accent, 0.06), palette.accent]
  const rowTotals = tab.counts.map((row) => row.reduce((a, b) => a + b, 0))
  const cells = tab.counts.flatMap((row, r) =>
    row.map((count, c) => ({
      value: [c, r, count],
      label: { color: textOn(scaleColour(ramp, count / max)) },
    })),
  )
  return {
    title: 'RFM segments and clusters',
    caption:
      'Customers in each RFM segment (rows) and each cluster (columns); darker cells hold more customers. A row spread ' +
      'across columns is an RFM segment that the clusters split.',
    height: 28 * tab.rfmSegments.length + 56,
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const [c, r, count] = (p as { value: [number, number, number] }).value
          const ofRow = rowTotals[r] > 0 ? ` (${chartPercent(count / rowTotals[r])} of the RFM segment)` : ''
          return `${tab.rfmSegments[r]} · ${styles[c].name}: ${formatCount(count)} customers${ofRow}`
        },
      },
      xAxis: { ...segmentNamesAxis(styles, palette, columnLabelWidth(styles.length)), position: 'top' },
      yAxis: {
        type: 'category',
        data: [...tab.rfmSegments],
        inverse: true,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: palette.text, fontSize: 12 },
      },
      // Heatmaps take their colours from a visual map; the counts are written in the cells, so no scale is shown.
      visualMap: {
        type: 'continuous',
        show: false,
        min: 0,
        max,
        dimension: 2,
        seriesIndex: 0,
        inRange: { color: ramp },
      },
      series: [
        {
          type: 'heatmap',
          name: 'Customers',
          data: cells,
          itemStyle: { borderColor: palette.surface, borderWidth: 2, borderRadius: 3 },
          label: {
            show: true,
            fontSize: 12,
            formatter: (p: unknown) => formatCount((p as { value: number[] }).value[2]),
          },
          emphasis: { itemStyle: { borderColor: palette.text } },
        },
      ],
    },
  }
}
