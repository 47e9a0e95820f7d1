import * as echarts from 'echarts'

/**
 * Renders an option to SVG the way the report does on the server (ECharts' SSR mode), so a test proves ECharts accepts
 * the option and draws something, not only that the object has the expected shape.
 */
export function renderSvg(option: object, width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option as echarts.EChartsOption)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
