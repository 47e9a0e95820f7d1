import type { Histogram } from '../../../shared/domain/prep'
import { describeHistogram } from '../../../shared/charts/histogram'

const WIDTH = 96
const HEIGHT = 24

/**
 * A sparkline-sized histogram for table cells, drawn as plain SVG: a table of twenty columns should not start twenty
 * chart engines. Bar heights are relative to the tallest bin.
 */
export function MiniHistogram({
  histogram,
  what,
  format,
}: {
  histogram: Histogram
  what: string
  format?: (value: number) => string
}) {
  const n = histogram.counts.length
  if (n === 0) return null
  const max = Math.max(...histogram.counts, 1)
  const width = WIDTH / n
  return (
    <svg
      className="mini-histogram"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={describeHistogram(histogram, what, format)}
    >
      {histogram.counts.map((count, i) => {
        const h = count === 0 ? 0 : Math.max(1, (count / max) * HEIGHT)
        return <rect key={i} x={i * width + 0.5} y={HEIGHT - h} width={Math.max(0.5, width - 1)} height={h} />
      })}
    </svg>
  )
}
