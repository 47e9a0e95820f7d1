import { z } from 'zod'

/**
 * Step 5 of the journey, Personalise: what the user chooses for recommendations and what a fit stores in the project.
 * Shared by the recommend job, the services, the contract and the renderer's Personalise step.
 */

/** The methods a user can pick by hand; 'auto' lets the validation NDCG@10 decide. */
export const recMethodChoices = ['auto', 'popular', 'item-knn', 'user-knn', 'content', 'ease', 'blend'] as const
export type RecMethodChoice = (typeof recMethodChoices)[number]
export type FittedRecMethod = Exclude<RecMethodChoice, 'auto'>

export const recMethodNames: Readonly<Record<RecMethodChoice, string>> = {
  auto: 'Automatic',
  popular: 'Best-sellers',
  'item-knn': 'Bought together (item-based)',
  'user-knn': 'Customers like you (user-based)',
  content: 'Similar descriptions (content-based)',
  ease: 'EASE (whole-catalogue model)',
  blend: 'Blend of descriptions and bought together',
}

export const recSplits = ['random', 'time'] as const
export type RecSplit = (typeof recSplits)[number]

/** What the interactions' optional value column is: a quantity (returns are left out) or a rating (a threshold keeps the liked ones). */
export const recValueKinds = ['quantity', 'rating'] as const
export type RecValueKind = (typeof recValueKinds)[number]

export interface RecCatalogue {
  /** The dataset describing the items: the transactions themselves (Description per StockCode) or an item table. */
  readonly datasetId: number
  /** Its item-id column, matched to the interactions' item column. */
  readonly item: string
  /** Text columns joined into each item's text (the first one names the item in reasons). */
  readonly text: readonly string[]
  /** An optional category column, for marking whole categories as sensitive. */
  readonly category: string | null
}

export interface RecommendSettings {
  /** The transactions or interactions dataset. */
  readonly datasetId: number
  readonly customer: string
  readonly item: string
  readonly value: { readonly column: string; readonly kind: RecValueKind; readonly threshold: number | null } | null
  /** A date column: needed for the split by time. */
  readonly date: string | null
  readonly split: RecSplit
  readonly catalogue: RecCatalogue | null
  readonly method: RecMethodChoice
  /** Items per customer. */
  readonly top: number
  readonly seed: number
  /**
   * Blend only: the share of the descriptions (content-based) in the mix, 0–1; the rest is bought together
   * (item-based). Stored with the settings so the model says how it was made; other methods ignore it.
   */
  readonly blendWeight: number
}

/** The blend's share of descriptions until the user moves the slider. */
export const DEFAULT_BLEND_WEIGHT = 0.3

/** Items and categories never recommended nor shown per person; stored in the project, applied by the next fit. */
export interface SensitiveMarks {
  readonly items: readonly string[]
  /** Values of the catalogue's category column, or — without one — words or phrases of the item text ("baby"). */
  readonly categories: readonly string[]
}

/** "Items like this one" as columns: item by item, kind by kind (0 content, 1 bought together), best first. */
export interface ItemNeighbourLists {
  readonly kind: Uint8Array
  readonly item: Int32Array
  readonly other: Int32Array
  /** 0-based rank within the item's list of that kind. */
  readonly rank: Int32Array
  readonly sim: Float64Array
  /** Customers who bought both (bought), −1 (content). */
  readonly together: Int32Array
  /** Up to three words the two descriptions share, strongest first (content), null (bought). */
  readonly words: readonly (string | null)[]
}

export interface RecMetrics {
  readonly precision: number
  readonly recall: number
  readonly ndcg: number
  readonly map: number
  readonly hitRate: number
  readonly coverage: number
}

export const recMetricKeys = ['precision', 'recall', 'ndcg', 'map', 'hitRate', 'coverage'] as const

export const REC_MODEL_VERSION = 1

/** A fitted recommender as stored: its settings, the honest evaluation and what the fit was made of. */
export interface RecModel {
  readonly version: typeof REC_MODEL_VERSION
  readonly settings: RecommendSettings
  /** The method fitted (Automatic's pick, or the user's). */
  readonly method: FittedRecMethod
  readonly evaluation: {
    /** The protocol in a sentence, shown beside every number. */
    readonly protocol: string
    readonly k: number
    readonly testShare: number
    /** Customers evaluated (with training history and a held-out item seen in training). */
    readonly users: number
    readonly metrics: RecMetrics
    readonly baseline: RecMetrics
    /** "2.1× better than recommending bestsellers (NDCG@10 0.120 vs 0.057)." */
    readonly verdict: string
    /** NDCG ratio to the baseline; null when the baseline found nothing. */
    readonly ratio: number | null
  }
  /** Automatic only: each candidate's NDCG@10 on a validation split of the training part. */
  readonly tried: readonly { readonly method: FittedRecMethod; readonly ndcg: number }[]
  readonly data: {
    readonly rows: number
    /** Rows left out: no customer or item id, a return, a rating under the threshold. */
    readonly skippedRows: number
    readonly customers: number
    readonly items: number
    readonly interactions: number
    /** Items with a text from the catalogue, when one was given. */
    readonly described: number | null
  }
  /** The segmentation used for per-segment items and cold start; null without a chosen one. */
  readonly segments: {
    readonly runId: number
    readonly runName: string
    readonly k: number
    readonly idColumn: string
    /** Customers of the segmentation found in the transactions. */
    readonly matched: number
    /** Distinct customer ids in the segmentation. */
    readonly runCustomers: number
    /** Customers of the segmentation without any purchase: they get their segment's favourites. */
    readonly coldStart: number
  } | null
  readonly sensitive: { readonly marks: SensitiveMarks; readonly hiddenItems: number }
  readonly notes: readonly string[]
  readonly computedAt: string
}

export type RecReasonKind = 'bought' | 'similar-customers' | 'popular' | 'segment'

export interface RecItem {
  readonly item: string
  readonly name: string | null
}

export interface CustomerRecommendation extends RecItem {
  readonly rank: number
  readonly score: number
  /** In words, with today's segment names: "because you bought …", "popular with Champions". */
  readonly reason: string
}

export interface CustomerRecommendations {
  readonly customer: string
  /** Distinct items bought (0: a customer of the segmentation without purchases, recommended their segment's favourites). */
  readonly history: number
  /** Segment index in the model's segmentation, or null. */
  readonly segment: number | null
  readonly items: readonly CustomerRecommendation[]
  /** Items marked sensitive after this fit, left out here until the next fit fills their place. */
  readonly hiddenSinceFit: number
}

export interface CustomerLookup {
  /** The customer with exactly this id, or null. */
  readonly found: CustomerRecommendations | null
  /** Ids that start with what was typed, for the search box. */
  readonly suggestions: readonly string[]
}

export interface SegmentTopItem extends RecItem {
  readonly buyers: number
  /** Share of the segment's customers who bought it. */
  readonly share: number
  /** How many times more likely than an average customer; 0 below the minimum number of buyers. */
  readonly lift: number
}

export interface SegmentTopItems {
  readonly runId: number
  readonly segments: readonly {
    readonly segment: number
    /** Customers of the segment with purchases. */
    readonly customers: number
    readonly byLift: readonly SegmentTopItem[]
    readonly byBuyers: readonly SegmentTopItem[]
  }[]
}

export interface CatalogueItem extends RecItem {
  readonly buyers: number
  readonly category: string | null
  readonly sensitive: boolean
}

/** How two items are alike: their descriptions, or the customers who bought both. */
export type NeighbourKind = 'content' | 'bought'

export interface SimilarItem extends RecItem {
  /** Cosine of the two descriptions (content) or shrunk cosine of their buyers (bought), 0–1. */
  readonly similarity: number
  /** In words: "descriptions share “hanging, holder, light”", "bought together by 4 customers". */
  readonly reason: string
}

/** "Items like this one": one item's nearest items by description and by purchases, from the stored fit. */
export interface SimilarItems {
  readonly item: CatalogueItem
  /** Null when the fit had no descriptions. */
  readonly content: readonly SimilarItem[] | null
  readonly bought: readonly SimilarItem[]
  /** False when the stored fit predates these lists: make the recommendations again to see them. */
  readonly listed: boolean
}

/** Customers who must buy an item in a segment before its lift counts: one purchase cannot top a list. */
export const SEGMENT_MIN_BUYERS = 5

/**
 * Whether an item falls under the marks: its id is marked, its category equals a marked category, or its text holds a
 * marked category as a whole word or phrase (case ignored). One rule for the fit, the screens and the export.
 */
export function isSensitive(
  item: { readonly id: string; readonly category: string | null; readonly text: string | null },
  marks: SensitiveMarks,
  markedItems: ReadonlySet<string> = new Set(marks.items),
): boolean {
  if (markedItems.has(item.id)) return true
  if (marks.categories.length === 0) return false
  const category = item.category?.trim().toLowerCase() ?? null
  const text = item.text ? ` ${item.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} ` : null
  return marks.categories.some((c) => {
    const wanted = c.trim().toLowerCase()
    if (wanted === '') return false
    if (category !== null && category === wanted) return true
    const phrase = wanted.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
    return text !== null && phrase !== '' && text.includes(` ${phrase} `)
  })
}

/**
 * What the recommend job hands back to main, column-wise so a million recommendations cross the process boundary as a
 * few typed arrays. Items and customers are indices into `items.ids` and `customers.ids`.
 */
export interface RecommendJobResult {
  readonly model: Omit<RecModel, 'computedAt'>
  readonly items: {
    readonly ids: readonly string[]
    readonly names: readonly (string | null)[]
    readonly categories: readonly (string | null)[]
    /** Distinct customers who bought each item (all data, before sensitive items were taken out). */
    readonly buyers: Int32Array
    readonly sensitive: Uint8Array
  }
  readonly customers: {
    readonly ids: readonly string[]
    /** Segment index, −1 outside the segmentation. */
    readonly segment: Int32Array
    readonly history: Int32Array
  }
  /** One entry per recommendation, customer by customer in rank order. */
  readonly lists: {
    readonly customer: Int32Array
    readonly rank: Int32Array
    readonly item: Int32Array
    readonly score: Float64Array
    readonly reasonKind: Uint8Array
    /** The item bought (bought), or −1. */
    readonly reasonItem: Int32Array
    /** The segment (segment), or buyers among the neighbours (similar-customers), or −1. */
    readonly reasonA: Int32Array
    /** The number of neighbours (similar-customers), or −1. */
    readonly reasonB: Int32Array
  }
  readonly segmentItems: {
    readonly segment: Int32Array
    readonly by: Uint8Array
    readonly rank: Int32Array
    readonly item: Int32Array
    readonly buyers: Int32Array
    readonly share: Float64Array
    readonly lift: Float64Array
  }
  /** Customers with purchases per segment. */
  readonly segmentCustomers: readonly number[]
  /** "Items like this one", item by item: `kind` indexes `neighbourKinds`, `rank` is 0-based. */
  readonly neighbours: ItemNeighbourLists
}

/** Codes of the neighbour kinds as stored (index = code). */
export const neighbourKinds: readonly NeighbourKind[] = ['content', 'bought']

/** Codes of the reasons as stored (index = code). */
export const recReasonKinds: readonly RecReasonKind[] = ['bought', 'similar-customers', 'popular', 'segment']
/** Codes of the per-segment rankings as stored. */
export const segmentRankings = ['lift', 'buyers'] as const

/** The settings as the contract checks them (defaults for what the Personalise step may leave out). */
export const recommendSettingsSchema = z.object({
  datasetId: z.number().int().positive(),
  customer: z.string().min(1).max(500),
  item: z.string().min(1).max(500),
  value: z
    .object({ column: z.string().min(1).max(500), kind: z.enum(recValueKinds), threshold: z.number().nullable() })
    .nullable(),
  date: z.string().min(1).max(500).nullable(),
  split: z.enum(recSplits),
  catalogue: z
    .object({
      datasetId: z.number().int().positive(),
      item: z.string().min(1).max(500),
      text: z.array(z.string().min(1).max(500)).min(1).max(10).readonly(),
      category: z.string().min(1).max(500).nullable(),
    })
    .nullable(),
  method: z.enum(recMethodChoices),
  top: z.number().int().min(1).max(100),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  // Defaulted, so models stored before the slider existed still read (they were fitted at this weight).
  blendWeight: z.number().min(0).max(1).default(DEFAULT_BLEND_WEIGHT),
})
export const sensitiveMarksSchema = z.object({
  items: z.array(z.string().min(1).max(500)).max(10_000).readonly(),
  categories: z.array(z.string().trim().min(1).max(200)).max(500).readonly(),
})
