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

export interface JoinCounts {
  readonly leftRows: number
  /** Left rows whose id is found on the right. */
  readonly matched: number
  /** Ids that appear more than once on the right (a join would repeat customers). */
  readonly duplicateRightIds: number
}

/** Ids are compared as trimmed text, as they were imported. */
export function countJoin(db: Db, plan: JoinPlan): JoinCounts {
  const l = quoteIdent(datasetTableName(plan.left))
  const r = quoteIdent(datasetTableName(plan.right))
  const lk = `trim(l.c${plan.leftKey.position})`
  const rk = `trim(c${plan.rightKey.position})`
  const leftRows = db.prepare(`SELECT count(*) FROM ${l}`).pluck().get() as number
  const duplicateRightIds = db
    .prepare(`SELECT count(*) FROM (SELECT ${rk} AS id FROM ${r} WHERE ${rk} <> '' GROUP BY id HAVING count(*) > 1)`)
    .pluck()
    .get() as number
  const matched = db
    .prepare(`SELECT count(*) FROM ${l} l WHERE ${lk} IN (SELECT ${rk} FROM ${r})`)
    .pluck()
    .get() as number
  return { leftRows, matched, duplicateRightIds }
}

/** Up to `limit` distinct non-empty ids of one side, trimmed as the join compares them, in table order. */
export function sampleKeys(db: Db, plan: JoinPlan, side: 'left' | 'right', limit: number): string[] {
  const table = quoteIdent(datasetTableName(side === 'left' ? plan.left : plan.right))
  const key = `trim(c${(side === 'left' ? plan.leftKey : plan.rightKey).position})`
  return db
    .prepare(`SELECT ${key} AS id FROM ${table} WHERE ${key} <> '' GROUP BY id ORDER BY min(rowid) LIMIT ?`)
    .pluck()
    .all(limit) as string[]
}

/**
 * Fills a staging table with every left row followed by the right table's columns (its id column left out) for the
 * matching customer, or empty cells when there is none: a SQL LEFT JOIN, so the left table keeps its rows and order.
 */
export function stageJoin(db: Db, plan: JoinPlan, rightColumns: readonly DatasetColumn[], leftWidth: number): string {
  const staging = createStagingTable(db, leftWidth + rightColumns.length)
  const l = quoteIdent(datasetTableName(plan.left))
  const r = quoteIdent(datasetTableName(plan.right))
  const select = [
    ...Array.from({ length: leftWidth }, (_, i) => `l.c${i}`),
    ...rightColumns.map((c) => `r.c${c.position}`),
  ].join(', ')
  db.exec(
    `INSERT INTO ${quoteIdent(staging)} SELECT ${select} FROM ${l} l
     LEFT JOIN ${r} r ON trim(l.c${plan.leftKey.position}) = trim(r.c${plan.rightKey.position})
     ORDER BY l.rowid`,
  )
  return staging
}
