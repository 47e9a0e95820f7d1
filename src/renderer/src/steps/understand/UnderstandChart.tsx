import type { ReactNode } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import type { ChartSpec } from '../../../../shared/charts/chartSpec'
import { ChartBoundary } from '../../charts/ChartBoundary'
import { ChartCard } from '../../charts/ChartCard'

/**
 * One chart of the Understand screen: its builder runs inside a boundary, so a chart that cannot be drawn says why in
 * its place and the rest of the screen stays. The card gives it its title, its one-line caption and PNG/SVG export.
 * Builders run on every render: the sections that hold charts re-render only when the profile, the segments' names
 * or colours, or the theme change.
 */
export function UnderstandChart({
  what,
  build,
  label,
  actions,
}: {
  /** "segment map": names the chart in the sentence shown if it cannot be drawn. */
  what: string
  build: () => ChartSpec<EChartsCoreOption>
  /** What a screen reader hears instead of the drawing: the chart's message in words. */
  label: string
  actions?: ReactNode
}) {
  return (
    <ChartBoundary what={what}>
      <Built build={build} label={label} actions={actions} />
    </ChartBoundary>
  )
}

function Built({
  build,
  label,
  actions,
}: {
  build: () => ChartSpec<EChartsCoreOption>
  label: string
  actions?: ReactNode
}) {
  return <ChartCard spec={build()} label={label} actions={actions} />
}
