import { useMemo } from 'react'
import { segmentSizeBars, segmentSizesOption } from '../../../shared/charts/segmentSizes'
import { EChart } from './EChart'
import { useChartPalette } from './useChartPalette'
import { listItems } from '../ui/format'

/** Customers per segment as shares, with a warning naming the tiny segments (under 1% of customers). */
export function SegmentSizesChart({
  sizes,
  names,
  colours,
}: {
  sizes: readonly number[]
  names?: readonly string[]
  /** Each segment's colour (palette index), so a segment looks the same here as on every other chart. */
  colours?: readonly number[]
}) {
  const palette = useChartPalette()
  const bars = useMemo(() => segmentSizeBars(sizes, { names, colours }), [sizes, names, colours])
  const option = useMemo(() => segmentSizesOption(bars, palette), [bars, palette])
  const tiny = bars.filter((b) => b.tiny)
  const label = bars.map((b) => `${b.label}: ${Math.round(b.share * 1000) / 10}%`).join(', ')
  return (
    <div>
      <EChart option={option} label={`Segment sizes. ${label}`} height={Math.max(90, 30 * bars.length + 16)} />
      {tiny.length > 0 && (
        <p className="note note--warn small" role="note">
          {listItems(tiny.map((b) => b.label))} {tiny.length === 1 ? 'has' : 'have'} under 1% of customers: too small to
          act on alone. Try fewer segments, or look at what makes {tiny.length === 1 ? 'it' : 'them'} unusual.
        </p>
      )}
    </div>
  )
}
