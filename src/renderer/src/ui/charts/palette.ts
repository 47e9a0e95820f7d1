/** The colours a chart needs, taken from the theme's CSS variables so charts follow light and dark themes. */
export interface ChartPalette {
  readonly text: string
  readonly muted: string
  readonly border: string
  readonly accent: string
  /** A second series colour ("after" beside "before"), distinct from the accent in both themes. */
  readonly second: string
  readonly warn: string
  readonly surface: string
  /** The UI's font stack, so chart labels match the text around them. */
  readonly font: string
}

/** Fallbacks equal the light theme's values, so a chart drawn before the stylesheet loads is still legible. */
export const lightPalette: ChartPalette = {
  text: '#1d1f23',
  muted: '#686d76',
  border: '#e2e2dc',
  accent: '#2f6f5e',
  second: '#5b6fc4',
  warn: '#9a5b00',
  surface: '#ffffff',
  font: 'system-ui, sans-serif',
}

export const darkPalette: ChartPalette = {
  text: '#e8e9eb',
  muted: '#9ba1ab',
  border: '#333840',
  accent: '#5fb89c',
  second: '#8d9de0',
  warn: '#f0b35a',
  surface: '#1d2024',
  font: 'system-ui, sans-serif',
}
