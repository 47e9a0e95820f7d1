/**
 * The one place the renderer's ECharts is assembled: only what the option builders in src/shared/charts use, so the
 * bundle stays small. Screens draw with SVG, like the report: the painter sets styles through the CSSOM, which the CSP
 * allows, and builders keep tooltips in rich-text mode (the HTML mode writes style attributes). The canvas renderer is
 * here only for PNG export, which draws an offscreen copy.
 */
import * as echarts from 'echarts/core'
import { BarChart, BoxplotChart, CustomChart, HeatmapChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  BoxplotChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
  CanvasRenderer,
])

export { echarts }
