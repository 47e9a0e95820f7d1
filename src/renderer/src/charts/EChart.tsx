import { useEffect, useRef } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import { echarts } from './echarts'

export interface ChartPointer {
  readonly type: 'down' | 'move' | 'up'
  /** The pointer in the data coordinates of the first grid: [x, y]. */
  readonly value: readonly [number, number]
  /** Whether the pointer is inside the plotting area. */
  readonly inside: boolean
}

/**
 * An ECharts chart as a React component: created on mount, given each new option whole, resized with its box and
 * disposed on unmount. The option comes from a pure builder; `label` is what a screen reader announces instead of the
 * drawing, so give it the chart's message in words. `onPointer` reports presses and drags in data coordinates.
 */
export function EChart({
  option,
  label,
  height,
  className,
  onPointer,
}: {
  option: EChartsCoreOption
  label: string
  height: number
  className?: string
  onPointer?: (pointer: ChartPointer) => void
}) {
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const pointer = useRef(onPointer)
  useEffect(() => {
    pointer.current = onPointer
  })

  useEffect(() => {
    const element = host.current!
    const instance = echarts.init(element, undefined, { renderer: 'svg' })
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    const zr = instance.getZr()
    const report = (type: ChartPointer['type']) => (event: { offsetX: number; offsetY: number }) => {
      if (!pointer.current) return
      const at = [event.offsetX, event.offsetY]
      const value = instance.convertFromPixel({ gridIndex: 0 }, at) as number[] | undefined
      if (!value || !Number.isFinite(value[0]) || !Number.isFinite(value[1])) return
      pointer.current({ type, value: [value[0], value[1]], inside: instance.containPixel({ gridIndex: 0 }, at) })
    }
    zr.on('mousedown', report('down'))
    zr.on('mousemove', report('move'))
    zr.on('mouseup', report('up'))
    zr.on('globalout', report('up'))
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div
      ref={host}
      className={`chart${onPointer ? ' chart--interactive' : ''}${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={label}
      style={{ height }}
    />
  )
}
