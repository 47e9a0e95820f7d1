/**
 * One feature across segments as box plots: the box holds the middle half of a segment's customers (first to third
 * quartile) with the median inside, the whiskers reach its lowest and highest values (no outlier rule: the profile
 * keeps only the five numbers), and a dashed line marks the average of all customers.
 */
import type { ComposeOption } from 'echarts/core'
import type { BoxplotSeriesOption } from 'echarts/charts'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import type { SegmentProfile } from '../domain/understand'
import type { ChartSpec } from './chartSpec'
import { withAlpha } from './colour'
import { tooltipStyle, valueAxisStyle } from './common'
import { formatNumber } from './format'
import type { ChartPalette } from './palette'
import { checkSegments } from './profileFeatures'
import { segmentNamesAxis, segmentStyles, type SegmentNaming } from './segmentStyles'

export type FeatureBoxesOption = ComposeOption<
  BoxplotSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>

/** The five numbers of `feature` in every segment, checked to be finite and in order. */
export function boxesOf(segments: readonly SegmentProfile[], feature: string) {
  checkSegments(segments)
  return segments.map((s) => {
    const f = s.features.find((x) => x.feature === feature)
    if (!f) throw new RangeError(`Segment ${s.segment + 1} has no profile for "${feature}".`)
    const box = f.box
    if (box.length !== 5 || !box.every(Number.isFinite)) {
      throw new RangeError(`Segment ${s.segment + 1}'s box for "${feature}" is not five finite numbers: ${box}.`)
    }
    for (let i = 1; i < 5; i++) {
      if (box[i] < box[i - 1]) {
        throw new RangeError(`Segment ${s.segment + 1}'s box for "${feature}" is not in ascending order: ${box}.`)
      }
    }
    return f
  })
}

export function featureBoxes(
  segments: readonly SegmentProfile[],
  feature: string,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
): ChartSpec<FeatureBoxesOption> {
  const profiles = boxesOf(segments, feature)
  const styles = segmentStyles(labels, segments.length, palette)
  const overall = profiles[0].overallMean
  return {
    title: `${feature} by segment`,
    caption:
      `How ${feature} is spread within each segment: the box holds the middle half of its customers, the line ` +
      'inside is the median, the whiskers reach the lowest and highest values; the dashed line is the average of all ' +
      'customers.',
    height: 34 * segments.length + 56,
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      grid: { left: 8, right: 24, top: 12, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const { dataIndex, componentType } = p as { dataIndex: number; componentType: string }
          if (componentType === 'markLine') return `Average of all customers: ${formatNumber(overall)}`
          const [min, q1, median, q3, max] = profiles[dataIndex].box.map(formatNumber)
          return `${styles[dataIndex].name}: median ${median}; middle half ${q1} – ${q3}; range ${min} – ${max}`
        },
      },
      xAxis: {
        type: 'value',
        name: feature,
        nameLocation: 'middle',
        nameGap: 22,
        scale: true,
        ...valueAxisStyle(palette),
        axisLabel: { color: palette.muted, fontSize: 11, formatter: (v: number) => formatNumber(v) },
      },
      yAxis: { ...segmentNamesAxis(styles, palette), inverse: true },
      series: [
        {
          type: 'boxplot',
          name: feature,
          layout: 'horizontal',
          boxWidth: [8, 22],
          data: profiles.map((f, i) => ({
            value: [...f.box],
            itemStyle: { color: withAlpha(styles[i].colour, 0.3), borderColor: styles[i].colour, borderWidth: 1.5 },
          })),
          markLine: Number.isFinite(overall)
            ? {
                symbol: 'none',
                animation: false,
                lineStyle: { color: palette.muted, type: 'dashed', width: 1.5 },
                label: { show: false },
                data: [{ xAxis: overall, name: 'Average of all customers' }],
              }
            : undefined,
        },
      ],
    },
  }
}
