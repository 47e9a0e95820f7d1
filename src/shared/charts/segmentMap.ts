/**
 * The segment map: customers on the first two principal components of the space the segments were found in, one
 * colour per segment. Close dots are similar customers; it shows whether segments are separate islands or slices of
 * one cloud. The map holds a sample of at most ~5,000 customers, so each segment is drawn in ECharts' large mode (one
 * path per segment instead of one element per dot) and progressively on screen.
 */
import type { ComposeOption } from 'echarts/core'
import type { ScatterSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { SegmentMap } from '../domain/understand'
import type { ChartSpec } from './chartSpec'
import { tooltipStyle, valueAxisStyle } from './common'
import { chartPercent, formatCount } from './format'
import type { ChartPalette } from './palette'
import { segmentStyles, type SegmentNaming } from './segmentStyles'
import { legendStyle } from './legend'

export type SegmentMapOption = ComposeOption<
  ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export function checkSegmentMap(map: SegmentMap): void {
  const n = map.x.length
  if (n === 0) throw new RangeError('The map has no customers to draw.')
  for (const [name, list] of [
    ['y', map.y],
    ['segment', map.segment],
    ['customer', map.customer],
  ] as const) {
    if (list.length !== n) throw new RangeError(`The map has ${n} x positions but ${list.length} ${name} values.`)
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(map.x[i]) || !Number.isFinite(map.y[i])) {
      throw new RangeError(`Customer ${map.customer[i]} has position (${map.x[i]}, ${map.y[i]}) on the map.`)
    }
    if (!Number.isInteger(map.segment[i]) || map.segment[i] < 0) {
      throw new RangeError(`Customer ${map.customer[i]} is in segment ${map.segment[i]}; segments are numbered from 0.`)
    }
  }
  map.explained.forEach((e, i) => {
    if (!(e >= 0 && e <= 1)) throw new RangeError(`Component ${i + 1} explains ${e} of the variation; expected 0..1.`)
  })
  if (!(map.total >= n)) throw new RangeError(`The map shows ${n} customers out of a total of ${map.total}.`)
}

/**
 * One scatter series per segment (segments 0..k-1, k from the labels and the map), named by the segment, in its
 * colour. The tooltip names the customer and the segment.
 */
export function segmentMap(
  map: SegmentMap,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
): ChartSpec<SegmentMapOption> {
  checkSegmentMap(map)
  // Every labelled segment gets a series (and a legend entry), even one with no customer in the sample.
  let k = 0
  for (const s of map.segment) k = Math.max(k, s + 1)
  for (const l of labels) k = Math.max(k, l.segment + 1)
  const styles = segmentStyles(labels, k, palette)
  const members: number[][] = styles.map(() => [])
  map.segment.forEach((s, i) => members[s].push(i))
  const axis = (i: 0 | 1) => ({
    type: 'value' as const,
    name: `Component ${i + 1} (${chartPercent(map.explained[i])} of variation)`,
    nameLocation: 'middle' as const,
    nameGap: 16,
    scale: true,
    ...valueAxisStyle(palette),
    // Component scores have no unit a reader could use; the grid lines give the scale without the numbers.
    axisLabel: { show: false },
    axisTick: { show: false },
  })
  const shown = map.x.length
  const sample =
    shown < map.total ? ` Shows a sample of ${formatCount(shown)} of ${formatCount(map.total)} customers.` : ''
  return {
    title: 'Segment map',
    caption:
      'Each dot is a customer, placed so that customers with similar values sit close together; the colour is the ' +
      `segment.${sample}`,
    height: 400,
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      legend: { top: 0, ...legendStyle(palette) },
      // Room outside the grid for the axis names: the axes have no labels for containLabel to measure.
      grid: { left: 40, right: 16, top: 36, bottom: 40, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number }
          return `${map.customer[members[seriesIndex][dataIndex]]}: ${styles[seriesIndex].name}`
        },
      },
      xAxis: axis(0),
      yAxis: axis(1),
      series: styles.map((style, s) => ({
        type: 'scatter' as const,
        name: style.name,
        data: members[s].map((i) => [map.x[i], map.y[i]]),
        symbolSize: shown > 2000 ? 4 : 6,
        itemStyle: { color: style.colour, opacity: 0.75 },
        emphasis: { scale: 1.6 },
        large: true,
        largeThreshold: 1000,
        progressive: 2000,
        progressiveThreshold: 3000,
      })),
    },
  }
}
