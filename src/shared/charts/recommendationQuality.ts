/**
 * "How good are the recommendations": each top-k measure of the evaluation as a pair of horizontal bars, the method
 * fitted beside recommending the best-sellers to everyone, on one 0–1 scale (every measure is a share or a 0–1 score).
 * The two colours are the palette's first two series colours (Okabe–Ito blue and vermilion in the light theme), told
 * apart by most colour-blind readers, and each bar carries its value so nothing rests on colour alone.
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ChartSpec } from './chartSpec'
import { barEndLabel, barNamesAxis, tooltipStyle } from './common'
import { chartPercent } from './format'
import { legendStyle } from './legend'
import { seriesColour, type ChartPalette } from './palette'

export type RecommendationQualityOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export interface QualityMeasure {
  /** "NDCG@10". */
  readonly label: string
  /** The method's value, 0..1. */
  readonly value: number
  /** The best-sellers' value, 0..1. */
  readonly baseline: number
  /** Written as a percentage (hit rate, coverage) rather than a 0–1 score. */
  readonly asShare?: boolean
}

export interface RecommendationQualityInput {
  /** The method's name in the legend: "Bought together (item-based)". */
  readonly method: string
  /** Top-k of the evaluation, for the caption. */
  readonly k: number
  /** First measure on top. */
  readonly measures: readonly QualityMeasure[]
}

const BAR_ROW = 46

function check(input: RecommendationQualityInput): void {
  if (input.measures.length === 0) throw new RangeError('There are no measures to draw.')
  if (!Number.isInteger(input.k) || input.k < 1) throw new RangeError(`k must be a whole number ≥ 1; got ${input.k}.`)
  for (const m of input.measures) {
    for (const [who, v] of [
      [input.method, m.value],
      ['Best-sellers', m.baseline],
    ] as const) {
      if (!(Number.isFinite(v) && v >= 0 && v <= 1))
        throw new RangeError(`${m.label} of ${who} is ${v}; measures are between 0 and 1.`)
    }
  }
}

function written(m: QualityMeasure, v: number): string {
  return m.asShare ? chartPercent(v) : v.toFixed(3)
}

export function recommendationQuality(
  input: RecommendationQualityInput,
  palette: ChartPalette,
): ChartSpec<RecommendationQualityOption> {
  check(input)
  // ECharts draws the first category at the bottom of a vertical axis; reverse so the first measure is on top.
  const ordered = [...input.measures].reverse()
  const series = (name: string, colour: string, pick: (m: QualityMeasure) => number): BarSeriesOption => ({
    type: 'bar',
    name,
    barMaxWidth: 14,
    barGap: '20%',
    barCategoryGap: '36%',
    itemStyle: { color: colour, borderRadius: [0, 3, 3, 0] },
    data: ordered.map((m) => pick(m)),
    label: barEndLabel(palette, (p) => {
      const { dataIndex } = p as { dataIndex: number }
      return written(ordered[dataIndex], pick(ordered[dataIndex]))
    }),
  })
  return {
    title: 'Recommendation quality',
    caption:
      `Each measure of the top ${input.k} on the held-back purchases, this method beside recommending the best-sellers ` +
      'to everyone; a longer bar is better.',
    height: 56 + BAR_ROW * input.measures.length,
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      legend: { top: 0, left: 0, data: [input.method, 'Best-sellers'], ...legendStyle(palette) },
      grid: { left: 8, right: 64, top: 32, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const { dataIndex, seriesName, value } = p as { dataIndex: number; seriesName: string; value: number }
          return `${ordered[dataIndex].label}, ${seriesName}: ${written(ordered[dataIndex], value)}`
        },
      },
      xAxis: { type: 'value', show: false, min: 0, max: 1 },
      yAxis: barNamesAxis(
        ordered.map((m) => m.label),
        palette,
      ),
      // Within a pair ECharts stacks series upwards too: the baseline first puts the method's bar above it.
      series: [
        series('Best-sellers', seriesColour(palette, 1), (m) => m.baseline),
        series(input.method, seriesColour(palette, 0), (m) => m.value),
      ],
    },
  }
}
