import type { ChartPalette } from './palette'

/**
 * Pieces every builder shares. Tooltips use ECharts' rich-text mode: the HTML mode writes `style` attributes into
 * markup, which the renderer's Content-Security-Policy (style-src 'self') refuses.
 */
export function tooltipStyle(palette: ChartPalette) {
  return {
    renderMode: 'richText' as const,
    backgroundColor: palette.surface,
    borderColor: palette.border,
    textStyle: { color: palette.text, fontSize: 12 },
  }
}

export function valueAxisStyle(palette: ChartPalette) {
  return {
    axisLine: { lineStyle: { color: palette.border } },
    axisTick: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.muted, fontSize: 11 },
    splitLine: { lineStyle: { color: palette.border, opacity: 0.6 } },
    nameTextStyle: { color: palette.muted, fontSize: 11 },
  }
}

/**
 * The category axis of a horizontal bar chart: the bar names in the text colour, with no line or ticks. Pass the
 * names bottom bar first (ECharts draws a vertical category axis upwards).
 */
export function barNamesAxis(names: string[], palette: ChartPalette) {
  return {
    type: 'category' as const,
    data: names,
    axisTick: { show: false },
    axisLine: { show: false },
    axisLabel: { color: palette.text, fontSize: 12 },
  }
}

/** The value written just past the end of each horizontal bar. */
export function barEndLabel(palette: ChartPalette, formatter: (params: unknown) => string) {
  return { show: true, position: 'right' as const, color: palette.muted, fontSize: 12, formatter }
}
