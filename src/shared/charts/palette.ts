/**
 * The colours and font a chart needs. The renderer fills this from the theme's CSS variables (so charts follow the
 * light and dark themes); the report renders on the server with `lightChartPalette`. Builders take it as a value and
 * never look at the DOM, which is what lets the same option draw on screen and on paper.
 */
export interface ChartPalette {
  readonly text: string
  readonly muted: string
  readonly border: string
  readonly accent: string
  /** A second series colour, distinct from the accent in both themes. */
  readonly second: string
  readonly warn: string
  readonly surface: string
  /** The UI's font stack, for builders that set chart labels in the text face around them. */
  readonly font: string
  /** Categorical colours for segments, in order; distinguishable by most colour-blind readers (Okabe–Ito based). */
  readonly series: readonly string[]
  /**
   * A diverging scale, below → neutral → above, for "less / more than average" (blue–orange: readable with every
   * common colour-vision deficiency, unlike red–green). The neutral sits near the surface so "average" reads as blank.
   */
  readonly diverging: readonly [string, string, string]
}

export const lightChartPalette: ChartPalette = {
  text: '#1d1f23',
  muted: '#686d76',
  border: '#e2e2dc',
  accent: '#2f6f5e',
  second: '#5b6fc4',
  warn: '#9a5b00',
  surface: '#ffffff',
  font: 'system-ui, sans-serif',
  series: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a5c00', '#6b4c9a'],
  diverging: ['#2166ac', '#f4f4f1', '#c15b00'],
}

export const darkChartPalette: ChartPalette = {
  text: '#e8e9eb',
  muted: '#9ba1ab',
  border: '#333840',
  accent: '#5fb89c',
  second: '#8d9de0',
  warn: '#f0b35a',
  surface: '#1d2024',
  font: 'system-ui, sans-serif',
  series: ['#56b4e9', '#f08a4b', '#3fc8a0', '#e59ac6', '#f0c040', '#9ecbff', '#d8b65a', '#b59ce0'],
  diverging: ['#4a98d6', '#2c3036', '#e8892c'],
}

/** The colour of segment `index` (0-based); colours repeat after the palette's last one. */
export function seriesColour(palette: ChartPalette, index: number): string {
  const n = palette.series.length
  return palette.series[((index % n) + n) % n]
}
