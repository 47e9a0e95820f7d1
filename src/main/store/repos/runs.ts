import type { Db } from '../database'
import { getMeta, setMeta } from './meta'
import type { ClusterRun } from '../../../shared/domain/cluster'
import { UserError } from '../../../shared/errors'
import type { SegmentLabel } from '../../../shared/domain/understand'
import { segmentLabels, segmentLabelsByRun } from './segmentLabels'

import { parseRunSummary, type NewRun } from './runSummary'

export type { NewRun }

const CHOSEN_KEY = 'chosenRunId'

interface Row {
  id: number
  dataset_id: number
  name: string
  created_at: string
  summary: string
}

function unreadable(row: Row): UserError {
  return new UserError(`"${row.name}" cannot be read: it was saved by another version of SegmentLab or is damaged.`, {
    code: 'run.unreadable',
    detail: `run ${row.id}`,
  })
}

function toRun(row: Row, summary: NewRun, chosen: number | null, segments: SegmentLabel[]): ClusterRun {
  return {
    segments,
    ...summary,
    id: row.id,
    datasetId: row.dataset_id,
    name: row.name,
    createdAt: row.created_at,
    chosen: row.id === chosen,
  }
}

function chosenId(db: Db): number | null {
  const value = getMeta(db, CHOSEN_KEY)
  return value === null ? null : Number(value)
}

export interface RunArrays {
  readonly labels: Int32Array
  /** Dataset row of each labelled row; null when every row was kept in order. */
  readonly rowIndex: Int32Array | null
  readonly linkage: Float64Array | null
}

const blob = (a: Int32Array | Float64Array | null) => (a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : null)

export function insertRun(db: Db, run: NewRun, name: string, arrays: RunArrays): number {
  const info = db
    .prepare(
      'INSERT INTO runs (dataset_id, name, created_at, summary, labels, row_index, linkage) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      run.datasetId,
      name,
      new Date().toISOString(),
      JSON.stringify(run),
      blob(arrays.labels),
      blob(arrays.rowIndex),
      blob(arrays.linkage),
    )
  return Number(info.lastInsertRowid)
}

export function listRuns(db: Db, datasetId?: number): ClusterRun[] {
  const rows = (
    datasetId === undefined
      ? db.prepare('SELECT id, dataset_id, name, created_at, summary FROM runs ORDER BY id DESC').all()
      : db
          .prepare('SELECT id, dataset_id, name, created_at, summary FROM runs WHERE dataset_id = ? ORDER BY id DESC')
          .all(datasetId)
  ) as Row[]
  const chosen = chosenId(db)
  // A run this version cannot read is left out of the list (getRun says why when it is asked for by id).
  const readable = rows.flatMap((row) => {
    const summary = parseRunSummary(row.summary)
    return summary ? [{ row, summary }] : []
  })
  const labels = segmentLabelsByRun(
    db,
    readable.map(({ row, summary }) => ({ id: row.id, k: summary.k })),
  )
  return readable.map(({ row, summary }) => toRun(row, summary, chosen, labels.get(row.id)!))
}

export function getRun(db: Db, id: number): ClusterRun {
  const row = db.prepare('SELECT id, dataset_id, name, created_at, summary FROM runs WHERE id = ?').get(id) as
    Row | undefined
  if (!row) throw new UserError('That segmentation run no longer exists.', { code: 'run.missing', detail: `run ${id}` })
  const summary = parseRunSummary(row.summary)
  if (!summary) throw unreadable(row)
  return toRun(row, summary, chosenId(db), segmentLabels(db, id, summary.k))
}

/** The dataset a run was made on, or null when there is no such run. */
export function runDatasetId(db: Db, id: number): number | null {
  const row = db.prepare('SELECT dataset_id FROM runs WHERE id = ?').pluck().get(id) as number | undefined
  return row ?? null
}

export function runArrays(db: Db, id: number): RunArrays {
  const row = db.prepare('SELECT labels, row_index, linkage FROM runs WHERE id = ?').get(id) as
    { labels: Buffer; row_index: Buffer | null; linkage: Buffer | null } | undefined
  if (!row) throw new UserError('That segmentation run no longer exists.', { code: 'run.missing', detail: `run ${id}` })
  const copy = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
  return {
    labels: new Int32Array(copy(row.labels)),
    rowIndex: row.row_index ? new Int32Array(copy(row.row_index)) : null,
    linkage: row.linkage ? new Float64Array(copy(row.linkage)) : null,
  }
}

export function chooseRun(db: Db, id: number): void {
  getRun(db, id)
  setMeta(db, CHOSEN_KEY, String(id))
}

export function renameRun(db: Db, id: number, name: string): void {
  db.prepare('UPDATE runs SET name = ? WHERE id = ?').run(name, id)
}

export function deleteRun(db: Db, id: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM runs WHERE id = ?').run(id)
    if (chosenId(db) === id) db.prepare('DELETE FROM project_meta WHERE key = ?').run(CHOSEN_KEY)
  })()
}
