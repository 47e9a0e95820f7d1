/**
 * What sets each segment apart, as one table: a row per numeric feature (the strongest separator on top), a column per
 * segment, each cell coloured by the standardised mean difference — how many standard deviations the segment's mean
 * sits above (orange) or below (blue) the average of all customers, clamped at ±2 — and labelled with the index
 * (100 × segment mean / overall mean, 100 = average), or with the difference itself where an index means nothing
 * (prepared features, an overall mean of 0).
 */
import type { ComposeOption } from 'echarts/core'
import type { HeatmapSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components'
import type { FeatureProfile } from '../domain/understand'
import type { ChartSpec } from './chartSpec'
import { scaleColour, textOn } from './colour'
import { tooltipStyle } from './common'
import { formatCount, formatNumber } from './format'
import type { ChartPalette } from './palette'
import { clampSmd, featureOf, formatSmd, orderedNumericFeatures, SMD_LIMIT, type ProfileParts } from './profileFeatures'
import { columnLabelWidth, segmentNamesAxis, segmentStyles, type SegmentNaming } from './segmentStyles'

export type ProfileHeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>

/** The number written in a cell: the index when there is one, else the standardised difference. */
export function cellText(f: Pick<FeatureProfile, 'index' | 'smd'>): string {
  return f.index !== null && Number.isFinite(f.index) ? formatCount(f.index) : formatSmd(f.smd)
}

export function profileHeatmap(
  profile: ProfileParts,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
): ChartSpec<ProfileHeatmapOption> {
  const features = orderedNumericFeatures(profile)
  if (features.length === 0) throw new RangeError('The profile has no numeric features to compare.')
  const styles = segmentStyles(labels, profile.segments.length, palette)
  const cells = profile.segments.flatMap((segment, column) =>
    features.map((feature, row) => {
      const f = featureOf(segment, feature)
      const value = clampSmd(f.smd)
      const background = scaleColour(palette.diverging, (value + SMD_LIMIT) / (2 * SMD_LIMIT))
      return { value: [column, row, value], f, label: { color: textOn(background) } }
    }),
  )
  return {
    title: 'What sets each segment apart',
    caption:
      'Each cell compares a segment with all customers: orange is above average, blue below (the stronger, the ' +
      'further); the number is the index, where 100 is average. Features that separate segments most are on top.',
    height: 28 * features.length + 96,
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      grid: { left: 8, right: 8, top: 28, bottom: 48, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const { dataIndex } = p as { dataIndex: number }
          const { f, value } = cells[dataIndex]
          const index = f.index === null ? '' : `index ${formatCount(f.index)}, `
          return (
            `${styles[value[0]].name} · ${f.feature}: average ${formatNumber(f.mean)} ` +
            `vs ${formatNumber(f.overallMean)} overall (${index}${formatSmd(f.smd)})`
          )
        },
      },
      xAxis: {
        ...segmentNamesAxis(styles, palette, columnLabelWidth(styles.length)),
        position: 'top',
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        data: features,
        inverse: true,
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: palette.text, fontSize: 12 },
      },
      visualMap: {
        type: 'continuous',
        min: -SMD_LIMIT,
        max: SMD_LIMIT,
        dimension: 2,
        seriesIndex: 0,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: 160,
        itemWidth: 10,
        text: [`${SMD_LIMIT} SD above average`, `${SMD_LIMIT} SD below`],
        textStyle: { color: palette.muted, fontSize: 11 },
        inRange: { color: [...palette.diverging] },
      },
      series: [
        {
          type: 'heatmap',
          name: 'Difference from average',
          data: cells.map(({ value, label }) => ({ value, label })),
          itemStyle: { borderColor: palette.surface, borderWidth: 2, borderRadius: 3 },
          label: {
            show: true,
            fontSize: 12,
            formatter: (p: unknown) => cellText(cells[(p as { dataIndex: number }).dataIndex].f),
          },
          emphasis: { itemStyle: { borderColor: palette.text } },
        },
      ],
    },
  }
}
