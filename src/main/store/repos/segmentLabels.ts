import type { Db } from '../database'
import { defaultSegmentLabel, type SegmentLabel } from '../../../shared/domain/understand'
import { UserError } from '../../../shared/errors'

interface Row {
  run_id: number
  segment: number
  name: string
  colour: number
  description: string
  action: string
  suggested: number
}

const COLUMNS = 'run_id, segment, name, colour, description, action, suggested'

function toLabel(row: Row): SegmentLabel {
  return {
    segment: row.segment,
    name: row.name,
    colour: row.colour,
    description: row.description,
    action: row.action,
    suggested: row.suggested === 1,
  }
}

function fill(k: number, rows: readonly Row[]): SegmentLabel[] {
  const labels = Array.from({ length: k }, (_, s) => defaultSegmentLabel(s))
  for (const row of rows) if (row.segment < k) labels[row.segment] = toLabel(row)
  return labels
}

/** The labels of one run's `k` segments, segment 0 first; unnamed segments get their default. */
export function segmentLabels(db: Db, runId: number, k: number): SegmentLabel[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM segment_labels WHERE run_id = ?`).all(runId) as Row[]
  return fill(k, rows)
}

/** Labels of many runs at once (the run list), keyed by run id. */
export function segmentLabelsByRun(db: Db, runs: readonly { id: number; k: number }[]): Map<number, SegmentLabel[]> {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM segment_labels`).all() as Row[]
  const byRun = new Map<number, Row[]>()
  for (const row of rows) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), row])
  return new Map(runs.map((r) => [r.id, fill(r.k, byRun.get(r.id) ?? [])]))
}

/**
 * Records suggested names: a segment the user has not renamed takes its suggestion; a renamed one keeps the user's
 * name and only remembers the suggestion (for "Use suggested name").
 */
export function suggestNames(db: Db, runId: number, names: readonly string[]): void {
  const upsert = db.prepare(
    `INSERT INTO segment_labels (run_id, segment, name, colour, suggested, suggestion) VALUES (?, ?, ?, ?, 1, ?)
     ON CONFLICT (run_id, segment) DO UPDATE SET
       suggestion = excluded.suggestion,
       name = CASE WHEN suggested = 1 THEN excluded.suggestion ELSE name END`,
  )
  db.transaction(() => names.forEach((name, s) => upsert.run(runId, s, name, s, name)))()
}

export interface LabelChange {
  readonly name?: string
  readonly colour?: number
  readonly description?: string
  readonly action?: string
}

export function updateSegmentLabel(db: Db, runId: number, k: number, segment: number, change: LabelChange): void {
  if (segment >= k) {
    throw new UserError(`This run has ${k} segments; there is no segment ${segment + 1}.`, {
      code: 'segment.missing',
      detail: `run ${runId} segment ${segment}`,
    })
  }
  const current = segmentLabels(db, runId, k)[segment]
  const name = change.name ?? current.name
  if (change.name !== undefined) {
    const taken = segmentLabels(db, runId, k).find((l) => l.segment !== segment && l.name === change.name)
    if (taken) {
      throw new UserError(`Segment ${taken.segment + 1} is already called "${change.name}"; choose another name.`, {
        code: 'segment.nameTaken',
      })
    }
  }
  db.prepare(
    `INSERT INTO segment_labels (run_id, segment, name, colour, description, action, suggested) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, segment) DO UPDATE SET
       name = excluded.name, colour = excluded.colour, description = excluded.description,
       action = excluded.action, suggested = excluded.suggested`,
  ).run(
    runId,
    segment,
    name,
    change.colour ?? current.colour,
    change.description ?? current.description,
    change.action ?? current.action,
    change.name !== undefined && change.name !== current.name ? 0 : current.suggested ? 1 : 0,
  )
}

/** Puts the last suggestion back as the segment's name (or "Segment N" when none was ever suggested). */
export function resetSegmentName(db: Db, runId: number, k: number, segment: number): void {
  const row = db
    .prepare('SELECT suggestion FROM segment_labels WHERE run_id = ? AND segment = ?')
    .get(runId, segment) as { suggestion: string | null } | undefined
  const name = row?.suggestion ?? defaultSegmentLabel(segment).name
  updateSegmentLabel(db, runId, k, segment, { name })
  db.prepare('UPDATE segment_labels SET suggested = 1 WHERE run_id = ? AND segment = ?').run(runId, segment)
}
