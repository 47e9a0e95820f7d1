import { useMemo, useRef } from 'react'
import type { Dendrogram } from '../../../shared/domain/cluster'
import { dendrogramOption, segmentsAtHeight } from '../../../shared/charts/dendrogram'
import { formatNumber } from '../ui/format'
import { EChart, type ChartPointer } from './EChart'
import { useChartPalette } from './useChartPalette'

/**
 * The dendrogram with its cut line. Pressing on the plot moves the cut there and dragging moves it along; the owner
 * keeps the height (and offers keyboard controls beside the chart).
 */
export function DendrogramChart({
  dendrogram,
  cutHeight,
  onCut,
}: {
  dendrogram: Dendrogram
  cutHeight: number | null
  onCut: (height: number) => void
}) {
  const palette = useChartPalette()
  const option = useMemo(() => dendrogramOption(dendrogram, palette, { cutHeight }), [dendrogram, palette, cutHeight])
  const dragging = useRef(false)
  const top = Math.max(...dendrogram.heights, 0)
  const onPointer = (p: ChartPointer) => {
    if (p.type === 'down' && p.inside) dragging.current = true
    if (p.type === 'up') dragging.current = false
    if ((p.type === 'down' && p.inside) || (p.type === 'move' && dragging.current)) {
      onCut(Math.min(Math.max(p.value[1], 0), top * 1.05))
    }
  }
  const k = cutHeight === null ? null : segmentsAtHeight(dendrogram.heights, cutHeight)
  return (
    <EChart
      option={option}
      height={340}
      onPointer={onPointer}
      label={
        `Dendrogram of ${dendrogram.n} customers: groups join from the bottom up; higher joins are less alike.` +
        (k === null ? '' : ` Cut at height ${formatNumber(cutHeight)}, giving ${k} segments.`)
      }
    />
  )
}
