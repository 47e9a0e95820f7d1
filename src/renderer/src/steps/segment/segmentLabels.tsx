import { useMemo } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { defaultSegmentLabel, type SegmentLabel } from '../../../../shared/domain/understand'
import { seriesColour } from '../../../../shared/charts/palette'
import { useChartPalette } from '../../charts/useChartPalette'

/**
 * What the user calls each segment of a run, segment 0 first: the stored label, or "Segment N" for a run stored before
 * segments had labels. Every screen that names a segment goes through here, so a rename shows everywhere at once.
 */
export function segmentLabels(run: ClusterRun): SegmentLabel[] {
  return Array.from({ length: run.k }, (_, s) => run.segments?.[s] ?? defaultSegmentLabel(s))
}

export function segmentNames(run: ClusterRun): string[] {
  return segmentLabels(run).map((l) => l.name)
}

/** The colour of each segment of a run in the current theme (the chart palette's series), segment 0 first. */
export function useSegmentColours(run: ClusterRun): string[] {
  const palette = useChartPalette()
  return useMemo(() => segmentLabels(run).map((l) => seriesColour(palette, l.colour)), [run, palette])
}

/** A segment's colour as a small square beside its name; the name always says which segment it is. */
export function SegmentSwatch({ colour }: { colour: string }) {
  return <span className="segment-swatch" style={{ background: colour }} aria-hidden="true" />
}
