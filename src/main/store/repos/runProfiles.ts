import { z } from 'zod'
import type { Db } from '../database'
import { UserError } from '../../../shared/errors'
import { RUN_PROFILE_VERSION, type RunProfile } from '../../../shared/domain/understand'

// Stored JSON is parsed with a schema, not cast: a profile written by another version, or damaged, reads as "not
// computed yet" (the Understand step then recomputes it) instead of breaking a screen.
const num = z.number()
const nullableNum = num.nullable()
const trait = z.object({ feature: z.string(), smd: num, ratio: nullableNum, words: z.string() })
const featureProfile = z.object({
  feature: z.string(),
  units: z.enum(['original', 'prepared']),
  mean: num,
  median: num,
  overallMean: num,
  index: nullableNum,
  smd: num,
  box: z.tuple([num, num, num, num, num]),
})
const categoryProfile = z.object({
  feature: z.string(),
  shares: z.array(z.object({ category: z.string(), share: num, overallShare: num, lift: nullableNum })),
})
const segmentProfile = z.object({
  segment: z.number().int(),
  size: z.number().int(),
  share: num,
  valueShare: nullableNum,
  features: z.array(featureProfile),
  categories: z.array(categoryProfile),
  distinguishing: z.array(trait),
  suggestedName: z.string(),
  nameReason: z.string(),
  silhouette: nullableNum,
})
const runProfileSchema = z.object({
  version: z.literal(RUN_PROFILE_VERSION),
  runId: z.number().int(),
  k: z.number().int(),
  n: z.number().int(),
  monetaryFeature: z.string().nullable(),
  segments: z.array(segmentProfile),
  features: z.array(
    z.object({
      feature: z.string(),
      kind: z.enum(['number', 'category']),
      eta2: nullableNum,
      f: nullableNum,
      cramersV: nullableNum,
    }),
  ),
  rules: z
    .object({
      depth: z.number().int(),
      accuracy: num,
      rules: z.array(
        z.object({
          segment: z.number().int(),
          conditions: z.array(z.object({ feature: z.string(), op: z.enum(['<=', '>']), threshold: num })),
          covers: z.number().int(),
          correct: z.number().int(),
        }),
      ),
      recallBySegment: z.array(num),
    })
    .nullable(),
  borderline: z.array(
    z.object({ customer: z.string(), segment: z.number().int(), nearest: z.number().int(), silhouette: num }),
  ),
  silhouette: z.object({ sampleSize: z.number().int(), mean: num, bySegment: z.array(z.array(num)) }).nullable(),
  map: z
    .object({
      x: z.array(num),
      y: z.array(num),
      segment: z.array(z.number().int()),
      customer: z.array(z.string()),
      explained: z.tuple([num, num]),
      total: z.number().int(),
    })
    .nullable(),
  rfm: z.object({ rfmSegments: z.array(z.string()), counts: z.array(z.array(z.number().int())) }).nullable(),
  notes: z.array(z.string()),
  computedAt: z.string(),
})

/** Stores a run's profile; refuses one that would not read back (a NaN becomes null in JSON, for instance). */
export function saveRunProfile(db: Db, profile: RunProfile): void {
  const json = JSON.stringify(profile)
  const check = runProfileSchema.safeParse(JSON.parse(json))
  if (!check.success) {
    const issue = check.error.issues[0]
    throw new UserError('The segment profile could not be saved: it has values that are not numbers.', {
      code: 'understand.invalid',
      detail: `${issue.path.join('.')}: ${issue.message}`,
    })
  }
  db.prepare(
    `INSERT INTO run_profiles (run_id, version, computed_at, profile) VALUES (?, ?, ?, ?)
     ON CONFLICT (run_id) DO UPDATE SET version = excluded.version, computed_at = excluded.computed_at,
       profile = excluded.profile`,
  ).run(profile.runId, profile.version, profile.computedAt, json)
}

/** The stored profile, or null when none was computed or it was written by an incompatible version. */
export function getRunProfile(db: Db, runId: number): RunProfile | null {
  const row = db.prepare('SELECT version, profile FROM run_profiles WHERE run_id = ?').get(runId) as
    { version: number; profile: string } | undefined
  if (!row || row.version !== RUN_PROFILE_VERSION) return null
  let json: unknown
  try {
    json = JSON.parse(row.profile)
  } catch {
    return null
  }
  const parsed = runProfileSchema.safeParse(json)
  return parsed.success ? (parsed.data as RunProfile) : null
}
