import { z } from 'zod'
import { prepStepSchema } from '../../../shared/domain/prep'
import { clusterMethods, scaleMethods, transformModes, type ClusterRun } from '../../../shared/domain/cluster'

/** A run as computed, before it has an id, a name or a place in the project. */
export type NewRun = Omit<ClusterRun, 'id' | 'name' | 'createdAt' | 'chosen' | 'segments'>

/**
 * The stored summary of a run is JSON written by this or an earlier version; it is parsed with this schema, not cast.
 * JSON has no NaN (scores of a one-segment fit are NaN, stored as null), so numbers read null as NaN. Fields added
 * later are optional or defaulted to what runs made before them did (no transform, no preferred range). Objects are
 * loose: a field this schema does not name is kept as it is, never dropped.
 */
const num = z
  .number()
  .nullable()
  .transform((v) => (v === null ? NaN : v))
const range = z.tuple([z.number().int(), z.number().int()])

const settings = z.looseObject({
  datasetId: z.number().int(),
  features: z.array(z.string()),
  method: z.enum(clusterMethods),
  k: z.union([z.number().int(), z.literal('auto')]),
  kRange: range,
  scale: z.enum(scaleMethods),
  transform: z.enum(transformModes).default('none'),
  preferK: range.nullable().default(null),
  seed: z.number().int(),
  nInit: z.number().int(),
  maxIter: z.number().int(),
  stability: z.boolean(),
  sampleSize: z.number().int().nullable(),
})

const sweepPoint = z.looseObject({
  k: z.number().int(),
  inertia: num,
  silhouette: num,
  calinskiHarabasz: num,
  daviesBouldin: num,
  stability: z.number().nullable(),
  smallestShare: num,
})

const runSummarySchema = z.looseObject({
  datasetId: z.number().int(),
  settings,
  pipeline: z.array(prepStepSchema).optional(),
  k: z.number().int(),
  n: z.number().int(),
  features: z.array(z.string()),
  sizes: z.array(z.number().int()),
  metrics: z.looseObject({
    silhouette: num,
    silhouetteSampleSize: z.number().int(),
    calinskiHarabasz: num,
    daviesBouldin: num,
    withinSS: num,
    betweenSS: num,
  }),
  inertia: num,
  iterations: z.number().int(),
  fitMs: num,
  elapsedMs: z.number().optional(),
  centers: z.array(z.array(num)),
  centersOriginal: z.array(z.array(num)),
  centerUnits: z.array(z.enum(['original', 'prepared'])).optional(),
  transforms: z
    .array(
      z.looseObject({
        feature: z.string(),
        method: z.enum(['log1p', 'yeoJohnson']),
        lambda: z.number().nullable(),
        skewBefore: num,
        skewAfter: num,
      }),
    )
    .optional(),
  hasLinkage: z.boolean(),
  sweep: z.array(sweepPoint).nullable(),
  recommendation: z
    .object({
      k: z.number().int(),
      reason: z.string(),
      warnings: z.array(z.string()),
      elbowK: z.number().int().nullable(),
      excluded: z.array(z.looseObject({ k: z.number().int(), reason: z.string(), smallestShare: num })).optional(),
      within: range.nullable().optional(),
    })
    .nullable(),
  notes: z.array(z.string()),
})

/** The summary of a stored run, or null when it cannot be read as one (damaged, or from an unknown version). */
export function parseRunSummary(json: string): NewRun | null {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return null
  }
  const parsed = runSummarySchema.safeParse(value)
  return parsed.success ? (parsed.data as NewRun) : null
}
