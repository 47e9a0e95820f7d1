import { z } from 'zod'
import type { Db } from '../database'
import {
  neighbourKinds,
  recMethodChoices,
  recReasonKinds,
  recommendSettingsSchema,
  REC_MODEL_VERSION,
  sensitiveMarksSchema,
  segmentRankings,
  type NeighbourKind,
  type RecModel,
  type RecReasonKind,
  type RecommendJobResult,
  type SensitiveMarks,
} from '../../../shared/domain/recommend'
import { UserError } from '../../../shared/errors'

// Stored JSON is parsed with a schema, not cast: a model written by another version, or damaged, reads as "not fitted
// yet" (the Personalise step then offers to fit again) instead of breaking a screen.
const num = z.number()
const metrics = z.object({
  precision: num,
  recall: num,
  ndcg: num,
  map: num,
  hitRate: num,
  coverage: num,
})
const fitted = z.enum(recMethodChoices).exclude(['auto'])
const recModelSchema = z.object({
  version: z.literal(REC_MODEL_VERSION),
  settings: recommendSettingsSchema,
  method: fitted,
  evaluation: z.object({
    protocol: z.string(),
    k: z.number().int(),
    testShare: num,
    users: z.number().int(),
    metrics,
    baseline: metrics,
    verdict: z.string(),
    ratio: num.nullable(),
  }),
  tried: z.array(z.object({ method: fitted, ndcg: num })),
  data: z.object({
    rows: z.number().int(),
    skippedRows: z.number().int(),
    customers: z.number().int(),
    items: z.number().int(),
    interactions: z.number().int(),
    described: z.number().int().nullable(),
  }),
  segments: z
    .object({
      runId: z.number().int(),
      runName: z.string(),
      k: z.number().int(),
      idColumn: z.string(),
      matched: z.number().int(),
      runCustomers: z.number().int(),
      coldStart: z.number().int(),
    })
    .nullable(),
  sensitive: z.object({ marks: sensitiveMarksSchema, hiddenItems: z.number().int() }),
  notes: z.array(z.string()),
  computedAt: z.string(),
})

/** Replaces the stored recommender with a new fit; the caller wraps it in a transaction with anything else. */
export function saveRecommendations(db: Db, result: RecommendJobResult, computedAt: string): void {
  const model: RecModel = { ...result.model, computedAt }
  const json = JSON.stringify(model)
  const check = recModelSchema.safeParse(JSON.parse(json))
  if (!check.success) {
    const issue = check.error.issues[0]
    throw new UserError('The recommendations could not be saved: their evaluation has values that are not numbers.', {
      code: 'recommend.invalid',
      detail: `${issue.path.join('.')}: ${issue.message}`,
    })
  }
  const tables = ['rec_neighbours', 'rec_lists', 'rec_segment_items', 'rec_segments', 'rec_customers', 'rec_items']
  for (const table of [...tables, 'rec_models']) db.prepare(`DELETE FROM ${table}`).run()
  db.prepare(
    'INSERT INTO rec_models (id, version, computed_at, run_id, settings, model) VALUES (1, ?, ?, ?, ?, ?)',
  ).run(model.version, computedAt, model.segments?.runId ?? null, JSON.stringify(model.settings), json)

  const items = db.prepare(
    'INSERT INTO rec_items (idx, item, name, category, buyers, sensitive) VALUES (?, ?, ?, ?, ?, ?)',
  )
  result.items.ids.forEach((id, i) =>
    items.run(
      i,
      id,
      result.items.names[i],
      result.items.categories[i],
      result.items.buyers[i],
      result.items.sensitive[i],
    ),
  )
  const customers = db.prepare('INSERT INTO rec_customers (idx, customer, segment, history) VALUES (?, ?, ?, ?)')
  result.customers.ids.forEach((id, u) => {
    const segment = result.customers.segment[u]
    customers.run(u, id, segment >= 0 ? segment : null, result.customers.history[u])
  })
  const lists = db.prepare(
    `INSERT INTO rec_lists (customer, rank, item, score, reason, reason_item, reason_a, reason_b)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const l = result.lists
  const orNull = (v: number) => (v >= 0 ? v : null)
  for (let p = 0; p < l.customer.length; p++) {
    lists.run(
      l.customer[p],
      l.rank[p],
      l.item[p],
      Number.isFinite(l.score[p]) ? l.score[p] : 0,
      recReasonKinds[l.reasonKind[p]],
      orNull(l.reasonItem[p]),
      orNull(l.reasonA[p]),
      orNull(l.reasonB[p]),
    )
  }
  const segItems = db.prepare(
    'INSERT INTO rec_segment_items (segment, ranking, rank, item, buyers, share, lift) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const s = result.segmentItems
  for (let p = 0; p < s.segment.length; p++)
    segItems.run(s.segment[p], segmentRankings[s.by[p]], s.rank[p] + 1, s.item[p], s.buyers[p], s.share[p], s.lift[p])
  const segs = db.prepare('INSERT INTO rec_segments (segment, customers) VALUES (?, ?)')
  result.segmentCustomers.forEach((n, segment) => segs.run(segment, n))
  const near = db.prepare(
    'INSERT INTO rec_neighbours (item, kind, rank, other, sim, together, words) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const n = result.neighbours
  for (let p = 0; p < n.item.length; p++) {
    const kind = neighbourKinds[n.kind[p]]
    near.run(n.item[p], kind, n.rank[p] + 1, n.other[p], n.sim[p], orNull(n.together[p]), n.words[p])
  }
}

/** The stored model, or null when none was fitted or it was written by an incompatible version. */
export function getRecModel(db: Db): RecModel | null {
  const row = db.prepare('SELECT version, model FROM rec_models WHERE id = 1').get() as
    { version: number; model: string } | undefined
  if (!row || row.version !== REC_MODEL_VERSION) return null
  let json: unknown
  try {
    json = JSON.parse(row.model)
  } catch {
    return null
  }
  const parsed = recModelSchema.safeParse(json)
  return parsed.success ? (parsed.data as RecModel) : null
}

export interface StoredCustomer {
  readonly idx: number
  readonly customer: string
  readonly segment: number | null
  readonly history: number
}

export function findCustomer(db: Db, customer: string): StoredCustomer | null {
  return (
    (db.prepare('SELECT idx, customer, segment, history FROM rec_customers WHERE customer = ?').get(customer) as
      StoredCustomer | undefined) ?? null
  )
}

/** Customer ids that start with `prefix`, shortest first (so "1234" offers 12340… before 123400…). */
export function customersStartingWith(db: Db, prefix: string, limit: number): string[] {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`)
  const rows = db
    .prepare(
      `SELECT customer FROM rec_customers WHERE customer LIKE ? ESCAPE '\\'
       ORDER BY length(customer), customer LIMIT ?`,
    )
    .all(`${escaped}%`, limit) as { customer: string }[]
  return rows.map((r) => r.customer)
}

export interface StoredItem {
  readonly item: string
  readonly name: string | null
  readonly category: string | null
  readonly buyers: number
}

export interface StoredRecommendation extends StoredItem {
  readonly customer: string
  readonly rank: number
  readonly score: number
  readonly reason: RecReasonKind
  readonly reasonItem: string | null
  readonly reasonItemName: string | null
  readonly reasonA: number | null
  readonly reasonB: number | null
}

const LIST_SELECT = `
  SELECT c.customer AS customer, l.rank AS rank, i.item AS item, i.name AS name, i.category AS category,
         i.buyers AS buyers, l.score AS score, l.reason AS reason, r.item AS reasonItem, r.name AS reasonItemName,
         l.reason_a AS reasonA, l.reason_b AS reasonB
  FROM rec_lists l
  JOIN rec_customers c ON c.idx = l.customer
  JOIN rec_items i ON i.idx = l.item
  LEFT JOIN rec_items r ON r.idx = l.reason_item`

export function customerList(db: Db, idx: number): StoredRecommendation[] {
  return db.prepare(`${LIST_SELECT} WHERE l.customer = ? ORDER BY l.rank`).all(idx) as StoredRecommendation[]
}

/** Every recommendation, customer by customer in rank order, read lazily (an export of a million rows). */
export function iterateLists(db: Db): IterableIterator<StoredRecommendation> {
  return db.prepare(`${LIST_SELECT} ORDER BY l.customer, l.rank`).iterate() as IterableIterator<StoredRecommendation>
}

export interface StoredSegmentItem extends StoredItem {
  readonly segment: number
  readonly ranking: 'lift' | 'buyers'
  readonly rank: number
  readonly share: number
  readonly lift: number
  readonly segmentBuyers: number
}

export function segmentItems(db: Db): StoredSegmentItem[] {
  return db
    .prepare(
      `SELECT s.segment AS segment, s.ranking AS ranking, s.rank AS rank, i.item AS item, i.name AS name,
              i.category AS category, i.buyers AS buyers, s.buyers AS segmentBuyers, s.share AS share, s.lift AS lift
       FROM rec_segment_items s JOIN rec_items i ON i.idx = s.item
       ORDER BY s.segment, s.ranking, s.rank`,
    )
    .all() as StoredSegmentItem[]
}

export function segmentCustomers(db: Db): Map<number, number> {
  const rows = db.prepare('SELECT segment, customers FROM rec_segments').all() as {
    segment: number
    customers: number
  }[]
  return new Map(rows.map((r) => [r.segment, r.customers]))
}

/** Items whose id or name holds `query` (case ignored), most bought first. */
export function searchItems(db: Db, query: string, limit: number): (StoredItem & { sensitive: boolean })[] {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = db
    .prepare(
      `SELECT item, name, category, buyers, sensitive FROM rec_items
       WHERE item LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR category LIKE ? ESCAPE '\\'
       ORDER BY buyers DESC, item LIMIT ?`,
    )
    .all(like, like, like, limit) as (StoredItem & { sensitive: number })[]
  return rows.map((r) => ({ ...r, sensitive: r.sensitive === 1 }))
}

/** One stored item by its exact id, or null. */
export function findItem(db: Db, item: string): (StoredItem & { sensitive: boolean }) | null {
  const row = db.prepare('SELECT item, name, category, buyers, sensitive FROM rec_items WHERE item = ?').get(item) as
    (StoredItem & { sensitive: number }) | undefined
  return row ? { ...row, sensitive: row.sensitive === 1 } : null
}

export interface StoredNeighbour extends StoredItem {
  readonly kind: NeighbourKind
  readonly rank: number
  readonly sim: number
  readonly together: number | null
  readonly words: string | null
}

/** An item's stored neighbours, descriptions first, each kind best first. */
export function itemNeighbours(db: Db, item: string): StoredNeighbour[] {
  return db
    .prepare(
      `SELECT n.kind AS kind, n.rank AS rank, n.sim AS sim, n.together AS together, n.words AS words,
              o.item AS item, o.name AS name, o.category AS category, o.buyers AS buyers
       FROM rec_neighbours n
       JOIN rec_items i ON i.idx = n.item
       JOIN rec_items o ON o.idx = n.other
       WHERE i.item = ?
       ORDER BY n.kind = 'bought', n.rank`,
    )
    .all(item) as StoredNeighbour[]
}

/** Whether the stored fit listed neighbours (a fit made before they existed did not). */
export function hasNeighbours(db: Db): boolean {
  return db.prepare('SELECT 1 FROM rec_neighbours LIMIT 1').get() !== undefined
}

export function itemNames(
  db: Db,
  ids: readonly string[],
): Map<string, { name: string | null; category: string | null }> {
  const get = db.prepare('SELECT name, category FROM rec_items WHERE item = ?')
  const out = new Map<string, { name: string | null; category: string | null }>()
  for (const id of ids) {
    const row = get.get(id) as { name: string | null; category: string | null } | undefined
    if (row) out.set(id, row)
  }
  return out
}

export function getSensitiveMarks(db: Db): SensitiveMarks {
  const rows = db.prepare('SELECT kind, value FROM rec_sensitive ORDER BY kind, value').all() as {
    kind: 'item' | 'category'
    value: string
  }[]
  return {
    items: rows.filter((r) => r.kind === 'item').map((r) => r.value),
    categories: rows.filter((r) => r.kind === 'category').map((r) => r.value),
  }
}

export function setSensitiveMarks(db: Db, marks: SensitiveMarks): void {
  db.transaction(() => {
    db.prepare('DELETE FROM rec_sensitive').run()
    const insert = db.prepare('INSERT OR IGNORE INTO rec_sensitive (kind, value) VALUES (?, ?)')
    for (const item of marks.items) insert.run('item', item)
    for (const category of marks.categories) insert.run('category', category.trim())
  })()
}
