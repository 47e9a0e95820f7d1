/**
 * Each segment's shape over the features that separate segments most: one radar per segment (small multiples, the
 * default) or all segments on one radar. A value is the standardised mean difference, clamped to [−2, 2] (see
 * `SMD_LIMIT`), so every axis has the same scale: the middle ring is the average customer, outer rings above it, inner
 * ones below. Tooltips give the unclamped difference.
 */
import type { ComposeOption } from 'echarts/core'
import type { RadarSeriesOption } from 'echarts/charts'
import type {
  LegendComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { ChartSpec } from './chartSpec'
import { withAlpha } from './colour'
import { tooltipStyle } from './common'
import { legendStyle } from './legend'
import type { ChartPalette } from './palette'
import { clampSmd, featureOf, formatSmd, orderedNumericFeatures, SMD_LIMIT, type ProfileParts } from './profileFeatures'
import { segmentStyles, type SegmentNaming, type SegmentStyle } from './segmentStyles'

export type SegmentRadarOption = ComposeOption<
  RadarSeriesOption | RadarComponentOption | TitleComponentOption | LegendComponentOption | TooltipComponentOption
>

export interface SegmentRadarOptions {
  /** All segments on one radar instead of one radar each. Default false. */
  readonly overlay?: boolean
  /** How many of the strongest-separating features become axes (at least 3). Default 6. */
  readonly features?: number
}

/** Long feature names would run into the neighbouring radar: cut them, the tooltip has the full name. */
function shortName(name: string): string {
  const words = name.replace(/_/g, ' ')
  return words.length > 16 ? `${words.slice(0, 15)}…` : words
}

export function segmentRadar(
  profile: ProfileParts,
  labels: readonly SegmentNaming[],
  palette: ChartPalette,
  options: SegmentRadarOptions = {},
): ChartSpec<SegmentRadarOption> {
  const wanted = options.features ?? 6
  if (!Number.isInteger(wanted) || wanted < 3) {
    throw new RangeError(`A radar needs at least 3 axes; ${wanted} features were asked for.`)
  }
  const all = orderedNumericFeatures(profile)
  if (all.length < 3) throw new RangeError(`A radar needs at least 3 numeric features; the profile has ${all.length}.`)
  const features = all.slice(0, wanted)
  const k = profile.segments.length
  const styles = segmentStyles(labels, k, palette)
  const smds = profile.segments.map((s) => features.map((f) => featureOf(s, f).smd))
  const overlay = options.overlay ?? false
  const cols = overlay ? 1 : Math.min(k, 3)
  const rows = overlay ? 1 : Math.ceil(k / cols)

  // Percent positions keep the layout independent of the drawing size. A radar's radius is a percentage of half the
  // smaller side; with `height` below that side is the height for up to two rows, so 42 / rows % leaves room on each
  // side of a radar for its axis names.
  const radar = (i: number): RadarComponentOption => {
    const [c, r] = [i % cols, Math.floor(i / cols)]
    return {
      center: [`${((c + 0.5) / cols) * 100}%`, overlay ? '54%' : `${((r + 0.56) / rows) * 100}%`],
      radius: overlay ? '68%' : `${42 / rows}%`,
      indicator: features.map((name) => ({ name: shortName(name), min: -SMD_LIMIT, max: SMD_LIMIT })),
      splitNumber: 4,
      axisName: { color: palette.muted, fontSize: 11 },
      axisLine: { lineStyle: { color: palette.border } },
      // Rings at −1, 0, 1, 2 from the centre (the centre is −2): the ring at 0, the average customer, stands out.
      splitLine: { lineStyle: { color: [palette.border, palette.muted, palette.border, palette.border] } },
      splitArea: { show: false },
    }
  }
  const series = (style: SegmentStyle, s: number, radarIndex: number): RadarSeriesOption => ({
    type: 'radar',
    name: style.name,
    radarIndex,
    symbolSize: 4,
    lineStyle: { color: style.colour, width: 2 },
    itemStyle: { color: style.colour },
    areaStyle: { color: withAlpha(style.colour, overlay ? 0.12 : 0.25) },
    data: [{ name: style.name, value: smds[s].map(clampSmd) }],
  })

  return {
    title: overlay ? 'Segment profiles compared' : 'Segment profiles',
    caption:
      `Each axis is one of the ${features.length} features that separate the segments most; the middle ring is the ` +
      'average customer, further out is above average and further in below (in standard deviations, up to 2).',
    height: overlay ? 420 : 250 * rows + 8,
    option: {
      animation: false,
      textStyle: { fontFamily: palette.font },
      title: overlay
        ? []
        : styles.map((style, i) => ({
            text: style.name,
            left: `${(((i % cols) + 0.5) / cols) * 100}%`,
            top: `${(Math.floor(i / cols) / rows) * 100}%`,
            textAlign: 'center' as const,
            textStyle: { color: style.colour, fontSize: 13, fontWeight: 'bold' as const },
          })),
      legend: { show: overlay, top: 0, ...legendStyle(palette) },
      tooltip: {
        trigger: 'item',
        ...tooltipStyle(palette),
        formatter: (p: unknown) => {
          const { seriesIndex } = p as { seriesIndex: number }
          const lines = features.map((f, j) => `${f}: ${formatSmd(smds[seriesIndex][j])}`)
          return [styles[seriesIndex].name, ...lines].join('\n')
        },
      },
      radar: overlay ? [radar(0)] : styles.map((_, i) => radar(i)),
      series: styles.map((style, s) => series(style, s, overlay ? 0 : s)),
    },
  }
}
