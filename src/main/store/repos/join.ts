import { quoteIdent, type Db } from '../database'
import { datasetTableName, getDataset } from './datasets'
import { createStagingTable } from './staging'
import { UserError } from '../../../shared/errors'
import type { DatasetColumn } from '../../../shared/domain/dataset'

export interface JoinPlan {
  readonly left: number
  readonly right: number
  readonly leftKey: DatasetColumn
  readonly rightKey: DatasetColumn
}

export function planJoin(db: Db, left: number, right: number): JoinPlan {
  const l = getDataset(db, left)
  const r = getDataset(db, right)
  const key = (name: string, columns: readonly DatasetColumn[]) => {
    const found = columns.find((c) => c.role === 'customerId')
    if (!found) {
      throw new UserError(
        `"${name}" has no customer id column. Set one column's role to "customer id" in the Import step.`,
        {
          code: 'join.noKey',
        },
      )
    }
    return found
  }
  return { left, right, leftKey: key(l.name, l.columns), rightKey: key(r.name, r.columns) }
}

/**
 * Streams one column of a dataset's raw text in row order, in chunks: the ids a join job matches. Reads only that
 * column, so a wide table costs no more than a narrow one.
 */
export function* iterateColumn(
  db: Db,
  datasetId: number,
  position: number,
  chunkSize = 50_000,
): Generator<(string | null)[]> {
  const stmt = db
    .prepare(
      `SELECT rowid, c${position} FROM ${quoteIdent(datasetTableName(datasetId))} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    )
    .raw()
  let after = 0
  for (;;) {
    const rows = stmt.all(after, chunkSize) as [number, string | null][]
    if (rows.length === 0) return
    after = rows[rows.length - 1][0]
    yield rows.map((r) => r[1])
    if (rows.length < chunkSize) return
  }
}

/**
 * Fills a staging table with every left row followed by the right table's columns (its id column left out) from the
 * row `rightRow` names for it, or empty cells when it is -1 — a LEFT JOIN over the matching a job computed, so the left
 * table keeps its rows and order. Rows are joined on rowids through a temporary table: integer keys, no id compared
 * here. Call inside the transaction that commits the dataset.
 */
export function stageJoin(
  db: Db,
  plan: JoinPlan,
  rightColumns: readonly DatasetColumn[],
  leftWidth: number,
  rightRow: Int32Array,
): string {
  const l = quoteIdent(datasetTableName(plan.left))
  const r = quoteIdent(datasetTableName(plan.right))
  const leftRowids = db.prepare(`SELECT rowid FROM ${l} ORDER BY rowid`).pluck().all() as number[]
  const rightRowids = db.prepare(`SELECT rowid FROM ${r} ORDER BY rowid`).pluck().all() as number[]
  if (leftRowids.length !== rightRow.length || rightRow.some((j) => j >= rightRowids.length)) {
    throw new UserError('One of the tables changed while they were being matched. Join them again.', {
      code: 'join.changed',
      detail: `${leftRowids.length} left rows for ${rightRow.length} matches; ${rightRowids.length} right rows`,
    })
  }
  db.exec(
    'DROP TABLE IF EXISTS temp.join_rows; CREATE TEMP TABLE join_rows (l INTEGER PRIMARY KEY, r INTEGER NOT NULL)',
  )
  const pair = db.prepare('INSERT INTO temp.join_rows VALUES (?, ?)')
  for (let i = 0; i < rightRow.length; i++) if (rightRow[i] >= 0) pair.run(leftRowids[i], rightRowids[rightRow[i]])
  const staging = createStagingTable(db, leftWidth + rightColumns.length)
  const select = [
    ...Array.from({ length: leftWidth }, (_, i) => `l.c${i}`),
    ...rightColumns.map((c) => `r.c${c.position}`),
  ].join(', ')
  db.exec(
    `INSERT INTO ${quoteIdent(staging)} SELECT ${select} FROM ${l} l
     LEFT JOIN temp.join_rows m ON m.l = l.rowid LEFT JOIN ${r} r ON r.rowid = m.r
     ORDER BY l.rowid;
     DROP TABLE temp.join_rows`,
  )
  return staging
}
