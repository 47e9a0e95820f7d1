/**
 * The numeric features of a run profile, in the order the Understand charts show them — the feature that separates
 * the segments most (highest eta², the share of its variance lying between segments) first — and the clamp applied to
 * standardised mean differences before drawing.
 */
import type { FeatureProfile, RunProfile, SegmentProfile } from '../domain/understand'

/**
 * Differences beyond ±2 standard deviations are drawn at ±2: one extreme feature would otherwise flatten every other
 * difference on a shared scale. Tooltips and labels still give the true value.
 */
export const SMD_LIMIT = 2

export function clampSmd(smd: number): number {
  return Math.min(SMD_LIMIT, Math.max(-SMD_LIMIT, smd))
}

const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })

/** "+1.2 SD", "−0.4 SD": a standardised mean difference as a label or tooltip reads it. */
export function formatSmd(smd: number): string {
  return `${signed.format(smd).replace('-', '−')} SD`
}

/** The profile parts the profile charts read. */
export type ProfileParts = Pick<RunProfile, 'segments' | 'features'>

/** Checks that segments are numbered 0..k-1 in order; returns k. */
export function checkSegments(segments: readonly SegmentProfile[]): number {
  if (segments.length === 0) throw new RangeError('The profile has no segments to draw.')
  segments.forEach((s, i) => {
    if (s.segment !== i) throw new RangeError(`Profile ${i + 1} is for segment ${s.segment + 1}; expected ${i + 1}.`)
  })
  return segments.length
}

/**
 * Names of the numeric features, strongest separator first (a feature without eta² goes last, ties keep the
 * profile's order), each checked to have a finite profile in every segment.
 */
export function orderedNumericFeatures(profile: ProfileParts): string[] {
  checkSegments(profile.segments)
  const numeric = profile.features
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.kind === 'number')
    .sort((a, b) => (b.f.eta2 ?? -1) - (a.f.eta2 ?? -1) || a.i - b.i)
    .map(({ f }) => f.feature)
  for (const feature of numeric) for (const s of profile.segments) featureOf(s, feature)
  return numeric
}

/** A segment's profile of one feature; throws naming both when it is missing or not a number. */
export function featureOf(segment: SegmentProfile, feature: string): FeatureProfile {
  const found = segment.features.find((f) => f.feature === feature)
  if (!found) throw new RangeError(`Segment ${segment.segment + 1} has no profile for "${feature}".`)
  if (!Number.isFinite(found.smd) || !Number.isFinite(found.mean)) {
    throw new RangeError(`Segment ${segment.segment + 1} has no finite mean difference for "${feature}".`)
  }
  return found
}
