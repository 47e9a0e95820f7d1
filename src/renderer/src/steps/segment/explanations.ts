/**
 * The words of the Segment step, in one place: each method, scaling and score explained in a sentence a marketer can
 * act on. Kept apart from the components so the wording can be reviewed (and translated) without reading JSX.
 */
import type { ClusterMethod, ClusterRun, ScaleMethod } from '../../../../shared/domain/cluster'

export const methodChoices: readonly { value: ClusterMethod; label: string; explain: string }[] = [
  {
    value: 'kmeans',
    label: 'K-means',
    explain:
      'Puts each customer with the nearest of k "typical customers". Fast on any number of customers; gives compact groups of similar size.',
  },
  {
    value: 'ward',
    label: 'Hierarchical — Ward',
    explain:
      'Starts with every customer alone and keeps joining the two groups that stay most alike. Gives a tree you can cut at any number of segments.',
  },
  {
    value: 'complete',
    label: 'Hierarchical — complete linkage',
    explain:
      'Joins groups by their most different members, so every segment stays tight; a few extreme customers can sway it.',
  },
  {
    value: 'average',
    label: 'Hierarchical — average linkage',
    explain: 'Joins groups by the average difference between their members: a middle way between complete and single.',
  },
  {
    value: 'single',
    label: 'Hierarchical — single linkage',
    explain:
      'Joins groups through their most similar members. Finds long, chained groups, but often makes one huge segment and many tiny ones.',
  },
]

export const scaleChoices: readonly { value: ScaleMethod; label: string; explain: string }[] = [
  {
    value: 'standard',
    label: 'Standard (recommended)',
    explain: 'Measures every feature in "how unusual is this", so spend in euros and number of visits count equally.',
  },
  {
    value: 'robust',
    label: 'Robust',
    explain: 'Like standard, but based on the middle half of customers, so a few extreme customers matter less.',
  },
  {
    value: 'minmax',
    label: 'Min–max',
    explain: 'Squeezes every feature between 0 and 1; one extreme customer can squash everyone else together.',
  },
  {
    value: 'none',
    label: 'None',
    explain:
      'Uses the numbers as they are. Only sensible when all features share one unit; otherwise the largest numbers decide.',
  },
]

/**
 * What Automatic did about skewed features, for the run's summary line ("6 skewed features evened out"); the run's
 * note names them. Null for runs that did not look (transform 'none', or made before transforms existed).
 */
export function transformSummary(run: Pick<ClusterRun, 'settings' | 'transforms'>): string | null {
  if (run.settings.transform !== 'auto' || !run.transforms) return null
  const n = run.transforms.length
  if (n === 0) return 'no strongly skewed features'
  return `${n} skewed ${n === 1 ? 'feature' : 'features'} evened out`
}

export function isHierarchical(method: ClusterMethod): boolean {
  return method !== 'kmeans'
}

export function methodLabel(method: ClusterMethod): string {
  return methodChoices.find((m) => m.value === method)?.label ?? method
}

export const scoreExplanations = {
  silhouette:
    'The silhouette, from −1 to 1, higher is better: how much closer customers are to their own segment than to the next one. Above 0.5 is clear, 0.25–0.5 reasonable, below 0.25 weak.',
  calinskiHarabasz:
    'The Calinski–Harabasz index, higher is better: how far apart the segments are compared with how spread out each one is. Compare it between runs on the same data only.',
  daviesBouldin:
    'The Davies–Bouldin index, lower is better (0 is ideal): how much each segment overlaps the segment most like it.',
} as const

/** A word for the silhouette, the score a marketer can read on its own. */
export function silhouetteVerdict(silhouette: number): string {
  if (!Number.isFinite(silhouette)) return 'not available'
  if (silhouette >= 0.5) return 'clearly separated'
  if (silhouette >= 0.25) return 'reasonably separated'
  if (silhouette > 0) return 'weakly separated'
  return 'not separated'
}
