/**
 * A small hand-made profile of three segments over four numeric features and one categorical column, for the
 * Understand chart tests. The numbers are invented but consistent (shares sum to 1, boxes ascend, smd signs follow the
 * means).
 */
import type { FeatureProfile, RunProfile, SegmentLabel, SegmentProfile } from '../../../src/shared/domain/understand'

function feature(name: string, mean: number, overallMean: number, smd: number, index: number | null): FeatureProfile {
  return {
    feature: name,
    units: index === null ? 'prepared' : 'original',
    mean,
    median: mean,
    overallMean,
    index,
    smd,
    box: [mean - 3, mean - 1, mean, mean + 1, mean + 4],
  }
}

function segment(i: number, size: number, valueShare: number | null, features: FeatureProfile[]): SegmentProfile {
  return {
    segment: i,
    size,
    share: size / 1000,
    valueShare,
    features,
    categories: [],
    distinguishing: [],
    suggestedName: `Suggested ${i + 1}`,
    nameReason: '',
    silhouette: 0.4,
  }
}

export const segments: SegmentProfile[] = [
  segment(0, 600, 0.3, [
    feature('Fresh', 8, 10, -0.5, 80),
    feature('Milk', 5, 10, -1.2, 50),
    feature('Grocery', 9, 10, -0.2, 90),
    feature('PC1', -1, 0, -0.8, null),
  ]),
  segment(1, 300, 0.5, [
    feature('Fresh', 13, 10, 0.9, 130),
    feature('Milk', 20, 10, 3.1, 200),
    feature('Grocery', 12, 10, 0.4, 120),
    feature('PC1', 1, 0, 0.6, null),
  ]),
  segment(2, 100, 0.2, [
    feature('Fresh', 12, 10, 0.6, 120),
    feature('Milk', 6, 10, -2.7, 60),
    feature('Grocery', 11, 10, 0.3, 110),
    feature('PC1', 1.2, 0, 1.1, null),
  ]),
]

export const profile: Pick<RunProfile, 'segments' | 'features' | 'monetaryFeature'> = {
  segments,
  monetaryFeature: 'Spend',
  // Deliberately not in eta² order: the charts sort (Milk, PC1, Fresh, Grocery), and the category is left out.
  features: [
    { feature: 'Fresh', kind: 'number', eta2: 0.3, f: 10, cramersV: null },
    { feature: 'Channel', kind: 'category', eta2: null, f: null, cramersV: 0.5 },
    { feature: 'Milk', kind: 'number', eta2: 0.7, f: 50, cramersV: null },
    { feature: 'Grocery', kind: 'number', eta2: 0.1, f: 3, cramersV: null },
    { feature: 'PC1', kind: 'number', eta2: 0.5, f: 20, cramersV: null },
  ],
}

/** Names that cannot be confused with axis text, with colours deliberately out of segment order. */
export const labels: Pick<SegmentLabel, 'segment' | 'name' | 'colour'>[] = [
  { segment: 0, name: 'Thrifty Regulars', colour: 2 },
  { segment: 1, name: 'Dairy Lovers', colour: 0 },
  { segment: 2, name: 'Fresh Fans', colour: 5 },
]
export const names = labels.map((l) => l.name)
