import { memo } from 'react'
import type { ChartPalette } from '../../../../shared/charts/palette'
import { silhouettePlot } from '../../../../shared/charts/silhouettePlot'
import type { SegmentNaming } from '../../../../shared/charts/segmentStyles'
import type { RunProfile } from '../../../../shared/domain/understand'
import { countOf } from '../../ui/format'
import { formatSilhouette } from './silhouette'
import { silhouetteVerdict } from '../segment/explanations'
import { BorderlineTable } from './BorderlineTable'
import { Section } from './Section'
import { UnderstandChart } from './UnderstandChart'

/**
 * How clearly each customer belongs to their segment (the silhouette, segment by segment), and the customers who
 * could as well be in another one: worth a second look before a campaign treats them as typical.
 */
export const BorderlineSection = memo(function BorderlineSection({
  naming,
  profile,
  palette,
  names,
  colours,
}: {
  naming: readonly SegmentNaming[]
  profile: RunProfile
  palette: ChartPalette
  names: readonly string[]
  colours: readonly string[]
}) {
  const summary = profile.silhouette
  if (!summary && profile.borderline.length === 0) return null
  return (
    <Section
      id="understand-borderline"
      title="Borderline customers"
      intro={
        summary ? (
          <>
            On average customers fit their segment with a silhouette of {formatSilhouette(summary.mean)} (
            {silhouetteVerdict(summary.mean)}
            {summary.sampleSize < profile.n ? `, measured on ${countOf(summary.sampleSize, 'customer')}` : ''}).
            Customers near 0 or below sit between two segments.
          </>
        ) : (
          'Customers who sit between two segments.'
        )
      }
    >
      <div className="chart-grid">
        {summary && (
          <UnderstandChart
            what="silhouette plot"
            label={`How well each customer fits their segment, from −1 to 1, segment by segment. ${profile.segments
              .map((s) => `${names[s.segment]}: average ${formatSilhouette(s.silhouette ?? NaN)}`)
              .join('; ')}.`}
            build={() => silhouettePlot(summary, naming, palette)}
          />
        )}
        <div>
          <h3 className="understand__subheading">Customers closest to another segment</h3>
          <BorderlineTable customers={profile.borderline} names={names} colours={colours} />
        </div>
      </div>
    </Section>
  )
})
