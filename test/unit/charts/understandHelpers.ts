import { expect } from 'vitest'
import { darkChartPalette, lightChartPalette, type ChartPalette } from '../../../src/shared/charts/palette'
import type { ChartSpec } from '../../../src/shared/charts/chartSpec'
import { renderSvg } from './render'

/** Option objects are deep unions; tests read them loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any

export const palettes = [lightChartPalette, darkChartPalette] as const

/**
 * Renders a builder's chart in both themes (as the report does, at the spec's height) and checks that every segment
 * name is drawn and every expected colour is used; returns the light SVG for further checks.
 */
export function expectRendered(
  build: (palette: ChartPalette) => ChartSpec<object>,
  names: readonly string[],
  colours: (palette: ChartPalette) => readonly string[],
): string {
  const svgs = palettes.map((palette) => {
    const spec = build(palette)
    const svg = renderSvg(spec.option, 720, spec.height)
    for (const name of names) expect(svg).toContain(name)
    for (const colour of colours(palette)) expect(svg.toLowerCase()).toContain(colour.toLowerCase())
    return svg
  })
  return svgs[0]
}

/** Calls an option's formatter (tooltip, label) the way ECharts would. */
export function format(formatter: Loose, params: object): string {
  return formatter(params)
}
