import { memo } from 'react'
import type { ChartPalette } from '../../../../shared/charts/palette'
import { rfmCrossTab } from '../../../../shared/charts/rfmCrossTab'
import type { SegmentNaming } from '../../../../shared/charts/segmentStyles'
import type { RfmCrossTab } from '../../../../shared/domain/understand'
import { Section } from './Section'
import { UnderstandChart } from './UnderstandChart'

/** When the table carries RFM segments: how the familiar RFM groups fall into the segments found here. */
export const RfmSection = memo(function RfmSection({
  rfm,
  naming,
  palette,
}: {
  rfm: RfmCrossTab
  naming: readonly SegmentNaming[]
  palette: ChartPalette
}) {
  const mostlyIn = rfm.rfmSegments
    .map((name, r) => {
      const row = rfm.counts[r] ?? []
      const top = row.indexOf(Math.max(...row))
      return top < 0 ? null : `${name}: mostly ${naming[top]?.name ?? `Segment ${top + 1}`}`
    })
    .filter(Boolean)
    .join('; ')
  return (
    <Section
      id="understand-rfm"
      title="RFM segments × clusters"
      intro="Your table also has RFM segments (Champions, At risk…). This shows where the customers of each ended up, so you can relate the new segments to the ones you know."
    >
      <UnderstandChart
        what="RFM cross-tab"
        label={`Customers by RFM segment and segment. ${mostlyIn}.`}
        build={() => rfmCrossTab(rfm, naming, palette)}
      />
    </Section>
  )
})
