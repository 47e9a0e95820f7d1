import { memo, useId, useState } from 'react'
import { featureBoxes } from '../../../../shared/charts/featureBoxes'
import type { ChartPalette } from '../../../../shared/charts/palette'
import { orderedNumericFeatures } from '../../../../shared/charts/profileFeatures'
import { segmentRadar } from '../../../../shared/charts/segmentRadar'
import type { SegmentNaming } from '../../../../shared/charts/segmentStyles'
import type { RunProfile } from '../../../../shared/domain/understand'
import { formatNumber } from '../../ui/format'
import { Options } from '../../ui/Options'
import { Section } from './Section'
import { UnderstandChart } from './UnderstandChart'

/**
 * Feature by feature: the spread of one chosen feature in every segment (box plots, the feature picked on the chart's
 * card), and every segment's shape over the strongest features at once (radar).
 */
export const FeatureCharts = memo(function FeatureCharts({
  profile,
  naming,
  palette,
}: {
  profile: RunProfile
  naming: readonly SegmentNaming[]
  palette: ChartPalette
}) {
  const features = numericFeatures(profile)
  const [picked, setPicked] = useState('')
  const pickerId = useId()
  if (features.length === 0) return null
  const feature = features.includes(picked) ? picked : features[0]
  const nameOf = (s: number) => naming[s]?.name ?? `Segment ${s + 1}`
  const medians = profile.segments
    .map((s) => {
      const f = s.features.find((x) => x.feature === feature)
      return f ? `${nameOf(s.segment)} median ${formatNumber(f.median)}` : null
    })
    .filter(Boolean)
    .join(', ')
  const shapes = profile.segments
    .map((s) => `${nameOf(s.segment)}: ${s.distinguishing.map((t) => t.words).join(', ') || 'close to average'}`)
    .join('. ')
  return (
    <Section
      id="understand-features"
      title="Feature by feature"
      intro="How one feature is spread within each segment (pick it on the chart), and each segment’s shape over the features that separate the segments most."
    >
      <div className="chart-grid">
        <UnderstandChart
          what="box plot"
          label={`${feature} by segment: ${medians}.`}
          build={() => featureBoxes(profile.segments, feature, naming, palette)}
          actions={
            <span className="box-picker">
              <label htmlFor={pickerId} className="muted small">
                Feature
              </label>
              <select
                id={pickerId}
                className="inline-select"
                value={feature}
                onChange={(e) => setPicked(e.target.value)}
              >
                <Options choices={features} />
              </select>
            </span>
          }
        />
        {features.length >= 3 && (
          <UnderstandChart
            what="radar chart"
            label={`Shape of each segment over the features that separate them most. ${shapes}.`}
            build={() => segmentRadar(profile, naming, palette)}
          />
        )}
      </div>
    </Section>
  )
})

/** The numeric features, strongest separator first; none when the profile cannot be ordered. */
function numericFeatures(profile: RunProfile): string[] {
  try {
    return orderedNumericFeatures(profile)
  } catch {
    return []
  }
}
