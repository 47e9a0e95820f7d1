/**
 * Share of customers and share of value per segment, side by side: a segment holding 12% of customers and 40% of
 * revenue is the one to protect. Customer bars are solid in the segment's colour, value bars a light fill of the same
 * colour inside its outline; the value bars appear only when the run has a monetary column.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { RunProfile } from '../domain/understand'
import type { ChartSpec } from './chartSpec'
import { withAlpha } from './colour'
import { barEndLabel, tooltipStyle } from './common'
import { chartPercent, formatCount } from './format'
import { legendStyle } from './legend'
import type { ChartPalette } from './palette'
import { checkSegments } from './profileFeatures'
import { segmentNamesAxis, segmentStyles, type SegmentNaming } from './segmentStyles'

export type SegmentSharesOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

const isShare = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1

/** Checks the shares; returns whether the segments carry value shares (all of them, or none). */
export function checkShares(profile: Pick<RunProfile, 'segments'>): boolean {
  checkSegments(profile.segments)
  const withValue = profile.segments.filter((s) => s.valueShare !== null).length
  if (withValue !== 0 && withValue !== profile.segments.length) {
    const missing = profile.segments.find((s) => s.valueShare === null)!
    throw new RangeError(`Segment ${missing.segment + 1} has no value share, but other segments have one.`)
  }
  for (const s of profile.segments) {
    if (!isShare(s.share))
      throw new RangeError(`Segment ${s.segment + 1} has customer share ${s.share}; expected 0..1.`)
    if (s.valueShare !== null && !isShare(s.valueShare)) {
      throw new RangeError(`Segment ${s.segment + 1} has value share ${s.valueShare}; expected 0..1.`)
    }
  }
  return withValue > 0
}

export function segmentShares(
  profile: Pick<RunProfile, 'segments' | 'monetaryFeature'>,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
): ChartSpec<SegmentSharesOption> {
  const hasValue = checkShares(profile)
  const styles = segmentStyles(labels, profile.segments.length, palette)
  const valueWhat = profile.monetaryFeature ?? 'value'
  const valueName = `Share of ${valueWhat}`
  const label = barEndLabel(palette, (p) => chartPercent((p as { value: number }).value))
  const customers: BarSeriesOption = {
    type: 'bar',
    name: 'Share of customers',
    // The series colour is what the legend shows; each bar carries its segment's colour.
    itemStyle: { color: palette.muted },
    data: profile.segments.map((s, i) => ({ value: s.share, itemStyle: { color: styles[i].colour } })),
    label,
    barMaxWidth: 18,
  }
  const value: BarSeriesOption = {
    type: 'bar',
    name: valueName,
    itemStyle: { color: withAlpha(palette.muted, 0.3), borderColor: palette.muted, borderWidth: 1.5 },
    data: profile.segments.map((s, i) => ({
      value: s.valueShare ?? 0,
      itemStyle: { color: withAlpha(styles[i].colour, 0.3), borderColor: styles[i].colour, borderWidth: 1.5 },
    })),
    label,
    barMaxWidth: 18,
  }
  const k = profile.segments.length
  return {
    title: hasValue ? 'Customers and value by segment' : 'Segment sizes',
    caption: hasValue
      ? `For each segment, its share of all customers (solid) and of the total ${valueWhat} ` +
        '(light): a segment whose value bar is longer brings more than its headcount.'
      : 'For each segment, its share of all customers.',
    height: (hasValue ? 44 : 28) * k + (hasValue ? 56 : 24),
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      legend: { show: hasValue, top: 0, ...legendStyle(palette), icon: 'roundRect' },
      grid: { left: 8, right: 56, top: hasValue ? 32 : 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        ...tooltipStyle(palette),
        formatter: (params: unknown) => {
          const { dataIndex } = (Array.isArray(params) ? params[0] : params) as { dataIndex: number }
          const s = profile.segments[dataIndex]
          const people = `${formatCount(s.size)} customers (${chartPercent(s.share)})`
          const money = s.valueShare === null ? '' : `, ${chartPercent(s.valueShare)} of ${valueWhat}`
          return `${styles[dataIndex].name}: ${people}${money}`
        },
      },
      xAxis: { type: 'value', show: false, min: 0 },
      // Segment 1 on top, as in every list of segments.
      yAxis: { ...segmentNamesAxis(styles, palette), inverse: true },
      series: hasValue ? [customers, value] : [customers],
    },
  }
}
