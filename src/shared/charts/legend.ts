import type { ChartPalette } from './palette'

/** A legend in the chart's muted text, scrolling rather than wrapping over the plot when there are many segments. */
export function legendStyle(palette: ChartPalette) {
  return {
    type: 'scroll' as const,
    icon: 'circle',
    itemWidth: 10,
    itemGap: 20,
    itemHeight: 10,
    textStyle: { color: palette.text, fontSize: 12 },
    pageTextStyle: { color: palette.muted },
    pageIconColor: palette.muted,
    pageIconInactiveColor: palette.border,
  }
}
