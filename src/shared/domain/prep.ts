/**
 * The "prepare" domain shared by the UI, the services and the engine: the serialisable pipeline steps a user builds,
 * the parameters a step learns when it is fitted (so the pipeline can be replayed on new data or inverted), what each
 * step did (for the before/after view), the data profile with its plain-language findings, and the RFM segment
 * vocabulary. Everything here is plain JSON: it crosses IPC and is stored in the project file.
 *
 * Steps are validated at the door with `prepStepSchema` (zod), whose messages name the offending field.
 */
import { z } from 'zod'

// ───────────────────────────── pipeline steps ─────────────────────────────

const columnName = z.string().min(1)
const columnList = z.array(columnName).min(1, 'Choose at least one column.')
const literal = z.union([z.number(), z.string()])

export const comparisonOps = ['<', '<=', '>', '>=', '==', '!='] as const
export type ComparisonOp = (typeof comparisonOps)[number]

/**
 * One simple condition "column op value". Dates compare as epoch milliseconds; a date value may also be an ISO date
 * string ("2011-06-30"). Missing values never satisfy a comparison or `in` (as in SQL); use `isMissing` for them.
 */
export const rowConditionSchema = z.discriminatedUnion('op', [
  z.object({ column: columnName, op: z.enum(comparisonOps), value: literal }),
  z.object({ column: columnName, op: z.literal('in'), values: z.array(literal).min(1) }),
  z.object({ column: columnName, op: z.enum(['isMissing', 'notMissing']) }),
])
export type RowCondition = z.infer<typeof rowConditionSchema>

const base = {
  /** Stable id the UI uses to key the step and its effect. */
  id: z.string().min(1),
  /** A disabled step stays in the list but is skipped; absent means enabled. */
  enabled: z.boolean().optional(),
}

export const prepStepSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('dropColumns'), columns: columnList }),
  z.object({ ...base, kind: z.literal('keepColumns'), columns: columnList }),
  /** Keeps the rows that match all (or any) of the conditions. */
  z.object({
    ...base,
    kind: z.literal('filterRows'),
    conditions: z.array(rowConditionSchema).min(1, 'Add at least one condition.'),
    combine: z.enum(['all', 'any']).default('all'),
  }),
  /** Keeps the first of each group of rows identical on `columns` (all columns when absent). */
  z.object({ ...base, kind: z.literal('removeDuplicates'), columns: columnList.optional() }),
  z.object({
    ...base,
    kind: z.literal('impute'),
    columns: columnList,
    strategy: z.enum(['mean', 'median', 'mode', 'constant', 'dropRows']),
    /** Only for `constant`. */
    value: literal.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('outliers'),
    columns: columnList,
    /** `iqr`: fences at Q1 − k·IQR and Q3 + k·IQR; `percentile`: the `lower` and `upper` quantiles (0..1). */
    method: z.enum(['iqr', 'percentile']),
    action: z.enum(['cap', 'removeRows']),
    iqrMultiplier: z.number().positive().default(1.5),
    lower: z.number().min(0).max(1).default(0.01),
    upper: z.number().min(0).max(1).default(0.99),
  }),
  /**
   * Turns years of birth into ages: `referenceYear − value`. Without `referenceYear` the step uses the year it is first
   * applied in (and records it in its fitted parameters), so a replay gives the same ages in later years.
   */
  z.object({
    ...base,
    kind: z.literal('age'),
    columns: columnList,
    referenceYear: z
      .number()
      .int('Use a whole year, such as 2026.')
      .min(1900, 'Use a year from 1900 on.')
      .max(2200, 'Use a year up to 2200.')
      .optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('transform'),
    columns: columnList,
    /** `boxCox` needs strictly positive values; `log1p` needs values above −1; `yeoJohnson` takes any. */
    method: z.enum(['log1p', 'yeoJohnson', 'boxCox']),
  }),
  z.object({
    ...base,
    kind: z.literal('encode'),
    columns: columnList,
    method: z.enum(['oneHot', 'ordinal']),
    /** One-hot only: leave out the first category (avoids a redundant column in linear models). */
    dropFirst: z.boolean().default(false),
    /** Ordinal only: the categories of a column in order; absent means sorted. */
    order: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('scale'),
    columns: columnList,
    method: z.enum(['standard', 'minMax', 'robust']),
  }),
  /**
   * Replaces `columns` by principal components. Give either `nComponents` (a count) or `varianceToKeep` (0..1, the
   * smallest number of components whose explained variance reaches it); neither keeps all components.
   */
  z.object({
    ...base,
    kind: z.literal('pca'),
    columns: z.array(columnName).min(2, 'PCA needs at least two columns.'),
    nComponents: z.number().int().positive().optional(),
    varianceToKeep: z.number().gt(0).lt(1).optional(),
    prefix: z.string().min(1).default('PC'),
  }),
])

/** A step as the engine receives it: defaults applied. Build one in code with `prepStepSchema.parse({...})`. */
export type PrepStep = z.output<typeof prepStepSchema>
/** A step as a client may send it: fields with defaults may be left out. */
export type PrepStepInput = z.input<typeof prepStepSchema>
export type PrepStepKind = PrepStep['kind']
export type StepOf<K extends PrepStepKind> = Extract<PrepStep, { kind: K }>

// ───────────────────────────── fitted parameters ─────────────────────────────

/**
 * What a step learnt from the data it was first applied to. Replaying a pipeline with these reproduces the same
 * transformation on new data; `age`, `scale`, `transform` and `pca` can also be inverted (e.g. cluster centres back
 * to original units). Steps that learn nothing have no fitted value (null).
 */
export type FittedStep =
  | { readonly kind: 'impute'; readonly fill: Readonly<Record<string, number | string>> }
  | {
      readonly kind: 'outliers'
      readonly bounds: Readonly<Record<string, { readonly lower: number; readonly upper: number }>>
    }
  | {
      readonly kind: 'transform'
      readonly method: 'log1p' | 'yeoJohnson' | 'boxCox'
      readonly lambdas: Readonly<Record<string, number>>
    }
  | { readonly kind: 'encode'; readonly categories: Readonly<Record<string, readonly string[]>> }
  /** age = referenceYear − year of birth; the year is kept so that a replay next year gives the same ages. */
  | {
      readonly kind: 'age'
      readonly referenceYear: number
      /** Each year-of-birth column and the age column it became ("Year_Birth" → "Age"), for inverting. */
      readonly columns: Readonly<Record<string, string>>
    }
  /** x' = (x − centre) / scale, per column. */
  | {
      readonly kind: 'scale'
      readonly centre: Readonly<Record<string, number>>
      readonly scale: Readonly<Record<string, number>>
    }
  | {
      readonly kind: 'pca'
      readonly columns: readonly string[]
      readonly outputColumns: readonly string[]
      readonly mean: readonly number[]
      /** One row per kept component, unit length, sign as scikit-learn's `svd_flip`. */
      readonly components: readonly (readonly number[])[]
      /** Variance along each kept component (divisor n − 1). */
      readonly explainedVariance: readonly number[]
      readonly explainedVarianceRatio: readonly number[]
      readonly singularValues: readonly number[]
      readonly sampleCount: number
    }

// ───────────────────────────── effects ─────────────────────────────

/** Equal-width histogram: `counts[i]` values fall in `[edges[i], edges[i+1])`, the last bin closed. */
export interface Histogram {
  readonly edges: readonly number[]
  readonly counts: readonly number[]
}

export interface ColumnEffect {
  readonly column: string
  /** The column's name before the step when the step renamed it (Year_Birth for Age); `before` is that column's. */
  readonly formerName?: string
  /** Values filled, capped or transformed in this column. */
  readonly changed: number
  readonly before: Histogram | null
  readonly after: Histogram | null
}

/** What one step did, for the before/after view: "Removed 12 rows", "Filled 24 values in Income". */
export interface StepEffect {
  readonly stepId: string
  readonly kind: PrepStepKind
  readonly skipped: boolean
  /** One plain sentence. */
  readonly summary: string
  readonly rowsBefore: number
  readonly rowsAfter: number
  readonly columnsAdded: readonly string[]
  readonly columnsRemoved: readonly string[]
  readonly columns: readonly ColumnEffect[]
}

// ───────────────────────────── profile ─────────────────────────────

export interface NumberProfile {
  readonly min: number
  readonly max: number
  readonly mean: number
  readonly median: number
  /** Sample standard deviation (divisor n − 1); null with fewer than two values (JSON has no NaN). */
  readonly std: number | null
  /** Adjusted Fisher–Pearson skewness G1 (as pandas `skew()` and Excel `SKEW`); null with fewer than three values. */
  readonly skewness: number | null
  /** `quantiles[i]` is the `quantileProbabilities[i]` quantile, numpy's default 'linear' method. */
  readonly quantileProbabilities: readonly number[]
  readonly quantiles: readonly number[]
  readonly histogram: Histogram
  readonly allIntegers: boolean
  readonly outliers: {
    /** Outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR]. */
    readonly iqr: OutlierReport
    /** |0.6745·(x − median) / MAD| > 3.5 (Iglewicz & Hoaglin 1993); see `robustZ.note`. */
    readonly robustZ: OutlierReport
  }
}

export interface OutlierReport {
  readonly lower: number
  readonly upper: number
  readonly count: number
  readonly low: number
  readonly high: number
  /** Row indices of outliers, in row order, at most `rowCap` of them. */
  readonly rows: readonly number[]
  readonly note?: string
}

export interface ColumnProfile {
  readonly name: string
  readonly kind: 'number' | 'date' | 'category' | 'text'
  readonly count: number
  readonly missing: number
  readonly distinct: number
  /** Most frequent values, most frequent first, ties in first-seen order. Numbers and dates as text. */
  readonly top: readonly { readonly value: string; readonly count: number }[]
  /** Looks like an identifier (nearly all values distinct and an id-like name, or all distinct text). */
  readonly idLike: boolean
  /** Numbers and dates (epoch ms) only. */
  readonly numeric: NumberProfile | null
}

export interface FrameProfile {
  readonly rowCount: number
  readonly columns: readonly ColumnProfile[]
  readonly duplicates: {
    readonly columns: readonly string[]
    /** Rows identical to an earlier row (removing them keeps one of each). */
    readonly count: number
    readonly rows: readonly number[]
  }
  readonly duplicateIds: {
    readonly column: string
    /** Ids that appear more than once. */
    readonly ids: number
    /** Rows carrying one of those ids. */
    readonly rows: number
    readonly examples: readonly string[]
  } | null
}

export type Severity = 'info' | 'warning' | 'problem'

export interface QualityFinding {
  readonly severity: Severity
  readonly kind:
    | 'missing'
    | 'empty'
    | 'constant'
    | 'skewed'
    | 'outliers'
    | 'duplicates'
    | 'duplicateIds'
    | 'idLike'
    | 'manyCategories'
  readonly column: string | null
  readonly message: string
}

export interface StepSuggestion {
  readonly step: PrepStep
  /** One sentence, phrased as a question the user can accept. */
  readonly why: string
}

// ───────────────────────────── RFM ─────────────────────────────

export const rfmSegmentNames = [
  'Champions',
  'Loyal Customers',
  'Potential Loyalists',
  'New Customers',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
] as const
export type RfmSegmentName = (typeof rfmSegmentNames)[number]

export const rfmSegmentDescriptions: Readonly<Record<RfmSegmentName, string>> = {
  Champions: 'Bought recently, buy often: your best customers.',
  'Loyal Customers': 'Buy often and fairly recently: the backbone of repeat business.',
  'Potential Loyalists': 'Recent customers with a few purchases who could become loyal.',
  'New Customers': 'Bought for the first time very recently.',
  Promising: 'Recent buyers with a single purchase so far.',
  'Need Attention': 'Middling recency and frequency: they may drift away without a nudge.',
  'About to Sleep': 'Have not bought for a while and rarely bought before.',
  'At Risk': 'Used to buy often but have not come back for a long time.',
  "Can't Lose Them": 'Were among the most frequent buyers but have been away a long time.',
  Hibernating: 'Bought rarely and long ago.',
}

export type CancellationPolicy = 'exclude' | 'net'
