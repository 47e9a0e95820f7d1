import type { RfmSegmentName } from '../../../../shared/domain/prep'

/**
 * The widely used RFM segment map on the recency and frequency scores, written "RF" (e.g. "53" is R 5, F 3), checked
 * in order. Together the patterns cover all 25 combinations exactly once.
 */
export const RF_SEGMENT_MAP: readonly (readonly [RegExp, RfmSegmentName])[] = [
  [/^[1-2][1-2]$/, 'Hibernating'],
  [/^[1-2][3-4]$/, 'At Risk'],
  [/^[1-2]5$/, "Can't Lose Them"],
  [/^3[1-2]$/, 'About to Sleep'],
  [/^33$/, 'Need Attention'],
  [/^[3-4][4-5]$/, 'Loyal Customers'],
  [/^41$/, 'Promising'],
  [/^51$/, 'New Customers'],
  [/^[4-5][2-3]$/, 'Potential Loyalists'],
  [/^5[4-5]$/, 'Champions'],
]

export function segmentOf(recencyScore: number, frequencyScore: number): RfmSegmentName {
  const key = `${recencyScore}${frequencyScore}`
  for (const [pattern, name] of RF_SEGMENT_MAP) if (pattern.test(key)) return name
  throw new RangeError(`RFM scores run from 1 to 5; got R ${recencyScore}, F ${frequencyScore}.`)
}
