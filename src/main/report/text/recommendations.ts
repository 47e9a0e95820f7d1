/**
 * The recommender in a reader's words: what each measure means, how a segment's top item earned its place, and item
 * names as a report prints them.
 */
import type { RecMetrics, SegmentTopItem } from '../../../shared/domain/recommend'
import { formatCount, formatPercent } from '../../engine/profile/wording'

/** The measures in the order the report lists them, labelled for the evaluation's list length `k`. */
export function metricRows(k: number): readonly { key: keyof RecMetrics; label: string; meaning: string }[] {
  return [
    { key: 'ndcg', label: `NDCG@${k}`, meaning: 'Right items found, and near the top of the list (0 to 1).' },
    {
      key: 'precision',
      label: `Precision@${k}`,
      meaning: `Share of the ${k} suggestions the customer went on to buy.`,
    },
    { key: 'recall', label: `Recall@${k}`, meaning: `Share of the held-back purchases found among the ${k}.` },
    { key: 'map', label: `MAP@${k}`, meaning: 'Precision averaged at each right suggestion.' },
    { key: 'hitRate', label: 'Hit rate', meaning: 'Customers with at least one right suggestion.' },
    { key: 'coverage', label: 'Catalogue coverage', meaning: 'Share of the items recommended to someone.' },
  ]
}

const asShare: ReadonlySet<keyof RecMetrics> = new Set(['hitRate', 'coverage'])

/** A measure's value: shares as percentages, the others to three decimals. */
export function metricValue(key: keyof RecMetrics, value: number): string {
  return asShare.has(key) ? formatPercent(value) : value.toFixed(3)
}

/** How many times the method's value is the best-sellers', or a word when the best-sellers scored nothing. */
export function metricRatio(value: number, baseline: number): string {
  if (baseline === 0) return value > 0 ? 'above' : 'same'
  return `${(value / baseline).toFixed(1)}×`
}

/** Why an item tops a segment's list: how many of its customers bought it, and how much more than customers overall. */
export function segmentItemReason(item: SegmentTopItem, customers: number): string {
  const bought =
    customers > 0
      ? `bought by ${formatCount(item.buyers)} of its ${formatCount(customers)} customers (${formatPercent(item.share)})`
      : `bought by ${formatPercent(item.share)} of its customers`
  return `${bought}, ${item.lift.toFixed(1)}× the share among all customers`
}

/** An item's name as printed: catalogues in capitals ("WHITE HANGING HEART") read in sentence case; else its id. */
export function itemLabel(item: Pick<SegmentTopItem, 'item' | 'name'>): string {
  const name = item.name?.trim()
  if (!name) return item.item
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name
  const lower = name.toLowerCase()
  return lower.charAt(0).toUpperCase() + lower.slice(1)
}
