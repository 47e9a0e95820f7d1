import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, CustomChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { EChartsCoreOption } from 'echarts/core'

// Only the pieces our charts use, drawn on canvas: the SVG and HTML-tooltip paths write inline styles the CSP refuses.
echarts.use([BarChart, CustomChart, GridComponent, TooltipComponent, CanvasRenderer])

/**
 * An ECharts chart as a React component. The option comes from a pure builder (ui/charts); this component only owns
 * the chart instance's lifetime and size. `label` is what a screen reader announces instead of the canvas.
 */
export function EChart({
  option,
  label,
  height,
  className,
}: {
  option: EChartsCoreOption
  label: string
  height: number
  className?: string
}) {
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const element = host.current!
    const instance = echarts.init(element, undefined, { renderer: 'canvas' })
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={host} className={`chart ${className ?? ''}`} role="img" aria-label={label} style={{ height }} />
}
