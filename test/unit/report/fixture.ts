/** A hand-made report model: three segments with awkward names, a money column, rules, a map and a personal column. */
import type { ReportModel, ReportRecommendations } from '../../../src/main/report/model'
import type { FeatureProfile, RunProfile, SegmentProfile } from '../../../src/shared/domain/understand'

const features = ['recency_days', 'frequency', 'monetary']
const overall = [100, 3, 120]
const means = [
  [20, 1.5, 30],
  [90, 2.6, 130],
  [190, 1.1, 25],
]

function feature(s: number, j: number): FeatureProfile {
  const mean = means[s][j]
  return {
    feature: features[j],
    units: 'original',
    mean,
    median: mean * 0.9,
    overallMean: overall[j],
    index: (100 * mean) / overall[j],
    smd: (mean - overall[j]) / (overall[j] / 2),
    box: [0, mean / 2, mean * 0.9, mean * 1.5, mean * 3],
  }
}

const names = ['New <customers> & co', 'Need attention', 'Hibernating']
const sizes = [300, 500, 200]
const valueShares = [0.1, 0.7, 0.2]

function segment(s: number): SegmentProfile {
  return {
    segment: s,
    size: sizes[s],
    share: sizes[s] / 1000,
    valueShare: valueShares[s],
    features: features.map((_, j) => feature(s, j)),
    categories: [],
    distinguishing: [
      { feature: 'frequency', smd: -1, ratio: 0.5, words: 'about half the average Frequency (1.5 vs 3)' },
      { feature: 'email', smd: 2, ratio: null, words: 'mostly email = someone@example.com' },
    ],
    suggestedName: ['New customers', 'Need attention', 'Hibernating'][s],
    nameReason: `Reason ${s + 1}: bought recently.`,
    silhouette: 0.3 + s * 0.1,
  }
}

export function fixtureProfile(): RunProfile {
  return {
    version: 1,
    runId: 1,
    k: 3,
    n: 1000,
    monetaryFeature: 'monetary',
    segments: [0, 1, 2].map(segment),
    features: [
      ...features.map((f, j) => ({
        feature: f,
        kind: 'number' as const,
        eta2: 0.5 - j * 0.1,
        f: 100 - j,
        cramersV: null,
      })),
      { feature: 'email', kind: 'category' as const, eta2: null, f: null, cramersV: 0.9 },
    ],
    rules: {
      depth: 2,
      accuracy: 0.85,
      rules: [
        { segment: 0, conditions: [{ feature: 'recency_days', op: '<=', threshold: 50.5 }], covers: 310, correct: 280 },
        { segment: 1, conditions: [{ feature: 'recency_days', op: '>', threshold: 50.5 }], covers: 520, correct: 470 },
        { segment: 2, conditions: [{ feature: 'email', op: '>', threshold: 1 }], covers: 10, correct: 9 },
      ],
      recallBySegment: [0.93, 0.94, 0],
    },
    borderline: [{ customer: 'CUST-SECRET-17', segment: 0, nearest: 1, silhouette: -0.05 }],
    silhouette: {
      sampleSize: 1000,
      mean: 0.33,
      bySegment: [
        [0.6, 0.3, -0.1],
        [0.5, 0.2],
        [0.7, 0.4, 0.1],
      ],
    },
    map: {
      x: [0, 1, 2, 3, 4, 5],
      y: [1, 0, 2, 1, 3, 2],
      segment: [0, 0, 1, 1, 2, 2],
      customer: ['CUST-SECRET-1', 'CUST-SECRET-2', 'CUST-SECRET-3', 'CUST-SECRET-4', 'CUST-SECRET-5', 'CUST-SECRET-6'],
      explained: [0.6, 0.25],
      total: 1000,
    },
    rfm: null,
    notes: ['Silhouettes were measured on all customers.'],
    computedAt: '2026-12-01T10:00:00.000Z',
  }
}

export function fixtureModel(profile: RunProfile | null = fixtureProfile()): ReportModel {
  return {
    projectName: 'Acme <Retail>',
    createdAt: '2026-12-03T09:00:00.000Z',
    period: { from: '2010-12-01', to: '2011-12-09' },
    datasets: [
      {
        name: 'Transactions',
        kind: 'transactions',
        rows: 20000,
        columns: 8,
        fileName: 'tx.csv',
        derivation: null,
        personalColumns: 1,
      },
      {
        name: 'RFM of Transactions',
        kind: 'customers',
        rows: 1000,
        columns: 13,
        fileName: null,
        derivation: 'RFM features built from Transactions as of 2011-12-10',
        personalColumns: 0,
      },
    ],
    preparation: ['Kept the customers where monetary is above 0.'],
    run: {
      name: 'K-means, 3 segments (#1)',
      createdAt: '2026-12-02T09:00:00.000Z',
      method: 'kmeans',
      k: 3,
      n: 1000,
      features,
      scale: 'standard',
      seed: 42,
      sizes,
      metrics: {
        silhouette: 0.33,
        silhouetteSampleSize: 1000,
        calinskiHarabasz: 1500,
        daviesBouldin: 1.01,
        withinSS: 1000,
        betweenSS: 2000,
      },
      transforms: [],
      sweep: [2, 3, 4, 5].map((k) => ({
        k,
        inertia: 5000 / k,
        silhouette: 0.3 + (k === 3 ? 0.1 : 0),
        calinskiHarabasz: 1000 + k,
        daviesBouldin: 1 + k / 10,
        stability: null,
        smallestShare: 0.1,
      })),
      recommendation: { k: 3, reason: 'We suggest 3 segments.', warnings: [], elbowK: 3 },
      fixedK: false,
      notes: [],
      dendrogram: null,
    },
    profile,
    labels: names.map((name, segment) => ({
      segment,
      name,
      colour: segment,
      description: '',
      action: segment === 1 ? 'Call them this week.' : '',
      suggested: segment !== 1,
    })),
    qualityNotes: [{ dataset: 'Transactions', notes: ['5 rows have no CustomerID.'] }],
    pseudonymised: false,
    recommendations: null,
  }
}

/** A stored recommender matched to the fixture's run: an evaluation beside the best-sellers and items per segment. */
export function fixtureRecommendations(): ReportRecommendations {
  const metrics = { precision: 0.05, recall: 0.12, ndcg: 0.1, map: 0.04, hitRate: 0.31, coverage: 0.42 }
  const baseline = { precision: 0.02, recall: 0.05, ndcg: 0.04, map: 0.015, hitRate: 0.15, coverage: 0 }
  return {
    method: 'item-knn',
    automatic: true,
    evaluation: {
      protocol: "A random 25% of each customer's items held out (seed 0); lists of 10 scored against them.",
      k: 10,
      testShare: 0.25,
      users: 640,
      metrics,
      baseline,
      verdict: '2.5× better than recommending bestsellers (NDCG@10 0.100 vs 0.040).',
      ratio: 2.5,
    },
    data: { rows: 20000, skippedRows: 120, customers: 900, items: 1500, interactions: 15000, described: 1500 },
    computedAt: '2026-12-02T10:00:00.000Z',
    segmentItems: [
      [
        { item: '85123A', name: 'WHITE HANGING <HEART>', buyers: 40, share: 0.16, lift: 2.41 },
        { item: '22423', name: null, buyers: 12, share: 0.048, lift: 1.3 },
      ],
      [{ item: '47566', name: 'Party bunting', buyers: 90, share: 0.2, lift: 1.5 }],
      [],
    ],
    segmentCustomers: [250, 450, 180],
    otherRun: null,
  }
}

/** The text a reader sees: markup, styles and entities removed (chart labels in the SVG count as text). */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}
