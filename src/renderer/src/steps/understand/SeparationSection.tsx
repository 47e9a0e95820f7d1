import { memo } from 'react'
import type { FeatureSeparation, RunProfile } from '../../../../shared/domain/understand'
import { formatCount, formatPercent } from '../../ui/format'
import { TableHead } from '../../ui/TableHead'
import { Section } from './Section'
import { SegmentName } from './SegmentName'

/** How strongly a feature separates the segments, in a word a marketer can repeat. */
export function separationWord(f: FeatureSeparation): string {
  const v = f.kind === 'number' ? f.eta2 : f.cramersV
  if (v === null) return 'Not measured'
  const [strong, clear, some] = f.kind === 'number' ? [0.5, 0.25, 0.1] : [0.5, 0.3, 0.1]
  return v >= strong ? 'Strongly' : v >= clear ? 'Clearly' : v >= some ? 'Somewhat' : 'Hardly'
}

function strength(f: FeatureSeparation): number {
  return (f.kind === 'number' ? f.eta2 : f.cramersV) ?? -1
}

/**
 * Which features tell the segments apart, strongest first: for numbers the share of the differences between customers
 * that their segment explains (η²), for categories how closely the category goes with the segment (Cramér's V); and
 * where each number is highest, so "Fresh — strongly — highest in Big Fresh buyers" reads in one line.
 */
export const SeparationSection = memo(function SeparationSection({
  profile,
  names,
  colours,
  clustered,
}: {
  profile: RunProfile
  names: readonly string[]
  colours: readonly string[]
  /** The features the segments were found on; the others only describe them. */
  clustered: readonly string[]
}) {
  const features = [...profile.features].sort((a, b) => strength(b) - strength(a))
  return (
    <Section
      id="understand-separation"
      title="What separates the segments"
      intro="The features that differ most between segments come first. A feature that hardly separates them describes all your customers alike."
    >
      <div className="table-frame table-frame--open">
        <table className="table separation">
          <caption className="visually-hidden">Features by how strongly they separate the segments</caption>
          <TableHead columns={['Feature', 'Separates the segments', 'In words', 'Highest in']} />
          <tbody>
            {features.map((f) => {
              const v = strength(f)
              const top = highestIn(profile, f.feature)
              return (
                <tr key={f.feature}>
                  <th scope="row">
                    {f.feature}
                    {!clustered.includes(f.feature) && (
                      <span className="separation__unused muted">not used to find the segments</span>
                    )}
                  </th>
                  <td>
                    <span className="strength">
                      <span className="strength__bar" aria-hidden="true">
                        <span className="strength__fill" style={{ width: `${Math.max(0, v) * 100}%` }} />
                      </span>
                      {separationWord(f)}
                    </span>
                  </td>
                  <td className="separation__words">{separationWords(f)}</td>
                  <td>
                    {top === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        <SegmentName name={names[top.segment]} colour={colours[top.segment]} />
                        {top.index !== null && <span className="muted"> (index {formatCount(top.index)})</span>}
                      </>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </Section>
  )
})

function separationWords(f: FeatureSeparation): string {
  if (f.kind === 'number') {
    if (f.eta2 === null) return 'Could not be measured (no spread).'
    return `The segment explains ${formatPercent(f.eta2)} of the differences in ${f.feature} between customers.`
  }
  if (f.cramersV === null) return 'Could not be measured.'
  return `Association with the segment: ${formatPercent(f.cramersV)} of the strongest possible (Cramér’s V).`
}

/** The segment where a numeric feature's average is highest, with its index; null for categories. */
function highestIn(profile: RunProfile, feature: string): { segment: number; index: number | null } | null {
  let best: { segment: number; mean: number; index: number | null } | null = null
  for (const s of profile.segments) {
    const f = s.features.find((x) => x.feature === feature)
    if (f && (best === null || f.mean > best.mean)) best = { segment: s.segment, mean: f.mean, index: f.index }
  }
  return best && { segment: best.segment, index: best.index }
}
