/** Plain horizontal bars with a count at the end of each: customers per RFM segment. */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import { barEndLabel, barNamesAxis, tooltipStyle } from './common'
import { formatCount } from './format'
import type { ChartPalette } from './palette'

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>

export interface Bar {
  readonly label: string
  readonly value: number
}

/**
 * Horizontal bars, first item on top, each labelled with its count: the shape for "how many customers in each
 * segment", where the names are long and the order is meaningful. Pure, like every option builder.
 */
export function horizontalBarOption(bars: readonly Bar[], palette: ChartPalette): BarChartOption {
  for (const bar of bars) {
    if (!Number.isFinite(bar.value) || bar.value < 0) {
      throw new RangeError(`Bar "${bar.label}" has value ${bar.value}; bars need a count of zero or more.`)
    }
  }
  // ECharts draws the first category at the bottom of a vertical axis; reverse so the list reads top-down.
  const ordered = [...bars].reverse()
  return {
    animation: false,
    textStyle: { fontFamily: palette.font },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(palette),
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number }
        return `${ordered[dataIndex].label}: ${formatCount(ordered[dataIndex].value)}`
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: barNamesAxis(
      ordered.map((b) => b.label),
      palette,
    ),
    series: [
      {
        type: 'bar',
        data: ordered.map((b) => b.value),
        barCategoryGap: '28%',
        itemStyle: { color: palette.accent, borderRadius: [0, 3, 3, 0] },
        label: barEndLabel(palette, (p) => formatCount((p as { value: number }).value)),
      },
    ],
  }
}
