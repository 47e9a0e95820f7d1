/**
 * Charts for paper: the same ECharts options as the screen (from `src/shared/charts`), rendered in Node to SVG with
 * ECharts' server-side renderer, so a printed chart is vector, needs no script, and looks like the one on screen.
 */
import * as echarts from 'echarts'
import { lightChartPalette, type ChartPalette } from '../../shared/charts/palette'

/** Turns an ECharts option into SVG markup of the given size in CSS pixels. */
export type ChartRenderer = (option: object, width: number, height: number) => string

/** The report's palette: the light theme's colours, the report's font (so chart labels match the text). */
export const reportPalette: ChartPalette = {
  ...lightChartPalette,
  font: "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
}

/**
 * Renders with `echarts.init(null, null, { renderer: 'svg', ssr: true })`; the chart is disposed whatever happens (an
 * undisposed SSR chart keeps a timer alive and Node would never exit).
 */
export const renderSvg: ChartRenderer = (option, width, height) => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, ...option })
    return responsive(chart.renderToSVGString(), width, height)
  } finally {
    chart.dispose()
  }
}

/**
 * Fixed width and height become a viewBox, so the chart scales to its box. The hover styles ECharts writes (a <style>
 * block and classes numbered per chart, which would collide between charts in one document) mean nothing on paper and
 * are dropped.
 */
function responsive(svg: string, width: number, height: number): string {
  const paper = svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/\sclass="zr\d+-cls-\d+"/g, '')
  return paper.replace(/^<svg([^>]*)>/, (_m, attributes: string) => {
    const rest = attributes.replace(/\s(width|height)="[^"]*"/g, '')
    const viewBox = rest.includes('viewBox=') ? '' : ` viewBox="0 0 ${width} ${height}"`
    return `<svg${rest}${viewBox} preserveAspectRatio="xMidYMid meet" role="img">`
  })
}
