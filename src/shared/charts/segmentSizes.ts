/**
 * "How big is each segment": one horizontal bar per segment, as a share of all customers, with segments under the
 * tiny threshold drawn in the warning colour (a segment of 0.3% of customers is rarely worth a campaign of its own).
 */
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import { barEndLabel, barNamesAxis, tooltipStyle } from './common'
import { chartPercent, formatCount } from './format'
import { seriesColour, type ChartPalette } from './palette'

export type SegmentSizesOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>

export interface SegmentSizeBar {
  readonly label: string
  /** Index into the palette's segment colours (the segment's colour everywhere); null draws the accent colour. */
  readonly colour: number | null
  readonly count: number
  /** count / total, 0..1. */
  readonly share: number
  readonly tiny: boolean
}

export interface SegmentSizeOptions {
  /** Segment names, segment 0 first; "Segment 1", "Segment 2", … when absent. */
  readonly names?: readonly string[]
  /** Segment colours (palette indices), segment 0 first; the accent colour for every bar when absent. */
  readonly colours?: readonly number[]
  /** Segments below this share of customers are flagged as tiny. Default 0.01 (1%). */
  readonly tinyShare?: number
}

/** Shares and tiny flags of each segment, segment 0 first; validates the sizes. */
export function segmentSizeBars(sizes: readonly number[], options: SegmentSizeOptions = {}): SegmentSizeBar[] {
  const tinyShare = options.tinyShare ?? 0.01
  if (!(tinyShare >= 0 && tinyShare < 1)) {
    throw new RangeError(`tinyShare must be between 0 and 1; got ${tinyShare}.`)
  }
  if (sizes.length === 0) throw new RangeError('There are no segments to draw.')
  sizes.forEach((size, i) => {
    if (!Number.isInteger(size) || size < 0) {
      throw new RangeError(`Segment ${i + 1} has size ${size}; sizes are whole numbers of customers, zero or more.`)
    }
  })
  if (options.names && options.names.length !== sizes.length) {
    throw new RangeError(`${options.names.length} names were given for ${sizes.length} segments.`)
  }
  if (options.colours && options.colours.length !== sizes.length) {
    throw new RangeError(`${options.colours.length} colours were given for ${sizes.length} segments.`)
  }
  const total = sizes.reduce((a, b) => a + b, 0)
  if (total === 0) throw new RangeError('Every segment is empty.')
  return sizes.map((count, i) => {
    const share = count / total
    return {
      label: options.names?.[i] ?? `Segment ${i + 1}`,
      colour: options.colours?.[i] ?? null,
      count,
      share,
      tiny: share < tinyShare,
    }
  })
}

export function segmentSizesOption(bars: readonly SegmentSizeBar[], palette: ChartPalette): SegmentSizesOption {
  // A vertical category axis draws its first category at the bottom; reverse so segment 1 is on top.
  const ordered = [...bars].reverse()
  return {
    animation: false,
    grid: { left: 8, right: 96, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      ...tooltipStyle(palette),
      formatter: (p: unknown) => {
        const bar = ordered[(p as { dataIndex: number }).dataIndex]
        return `${bar.label}: ${formatCount(bar.count)} customers (${chartPercent(bar.share)})${bar.tiny ? ' — tiny' : ''}`
      },
    },
    xAxis: { type: 'value', show: false, max: 1 },
    yAxis: barNamesAxis(
      ordered.map((b) => b.label),
      palette,
    ),
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        barCategoryGap: '28%',
        data: ordered.map((b) => ({
          value: b.share,
          // A tiny segment keeps the warning colour: that it is too small to act on matters more than which it is.
          itemStyle: {
            color: b.tiny ? palette.warn : b.colour === null ? palette.accent : seriesColour(palette, b.colour),
            borderRadius: [0, 3, 3, 0],
          },
        })),
        label: barEndLabel(palette, (p) => {
          const bar = ordered[(p as { dataIndex: number }).dataIndex]
          return `${chartPercent(bar.share)} · ${formatCount(bar.count)}`
        }),
      },
    ],
  }
}
