import { memo } from 'react'
import type { ChartPalette } from '../../../../shared/charts/palette'
import { profileHeatmap } from '../../../../shared/charts/profileHeatmap'
import { segmentMap } from '../../../../shared/charts/segmentMap'
import { segmentShares } from '../../../../shared/charts/segmentShares'
import type { SegmentNaming } from '../../../../shared/charts/segmentStyles'
import type { RunProfile } from '../../../../shared/domain/understand'
import { countOf, formatPercent } from '../../ui/format'
import { Section } from './Section'
import { UnderstandChart } from './UnderstandChart'

/** The run at a glance: how big and how valuable each segment is, where its customers sit, and how it differs. */
export const Overview = memo(function Overview({
  profile,
  naming,
  palette,
}: {
  profile: RunProfile
  naming: readonly SegmentNaming[]
  palette: ChartPalette
}) {
  const map = profile.map
  const nameOf = (s: number) => naming[s]?.name ?? `Segment ${s + 1}`
  const sharesLabel = profile.segments
    .map(
      (s) =>
        `${nameOf(s.segment)}: ${formatPercent(s.share)} of customers` +
        (s.valueShare === null ? '' : `, ${formatPercent(s.valueShare)} of ${profile.monetaryFeature ?? 'value'}`),
    )
    .join('; ')
  const traitsLabel = profile.segments
    .map((s) => `${nameOf(s.segment)}: ${s.distinguishing.map((t) => t.words).join(', ') || 'close to average'}`)
    .join('. ')
  return (
    <Section
      id="understand-overview"
      title="Overview"
      intro={`${countOf(profile.k, 'segment')} of ${countOf(profile.n, 'customer')}, described on ${countOf(
        profile.features.length,
        'feature',
      )}.`}
    >
      <div className="chart-grid">
        <UnderstandChart
          what="customers and value chart"
          label={`Share of customers and value by segment. ${sharesLabel}.`}
          build={() => segmentShares(profile, naming, palette)}
        />
        {map && (
          <UnderstandChart
            what="segment map"
            label={`Map of ${countOf(map.x.length, 'customer')} in ${countOf(profile.k, 'segment')}; customers close together are alike.`}
            build={() => segmentMap(map, naming, palette)}
          />
        )}
      </div>
      <UnderstandChart
        what="profile heatmap"
        label={`How each segment differs from the average customer. ${traitsLabel}.`}
        build={() => profileHeatmap(profile, naming, palette)}
      />
    </Section>
  )
})
