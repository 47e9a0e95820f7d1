import { quoteIdent, type Db } from '../database'
import type {
  ColumnRole,
  ColumnType,
  DatasetColumn,
  DatasetKind,
  DatasetPage,
  DatasetSummary,
} from '../../../shared/domain/dataset'
import type { ImportReport } from '../../../shared/domain/import'
import type { ImportedColumn } from '../../../shared/domain/jobs'
import { UserError } from '../../../shared/errors'
import { customerKeyPosition, indexCustomerKey } from './customerKey'

/** A column as an import (or a derived table) describes it; `inference` is kept as JSON for typed parsing later. */
export type NewColumn = ImportedColumn

export interface NewDataset {
  readonly name: string
  readonly kind: DatasetKind
  readonly stagingTable: string
  readonly rowCount: number
  readonly source: { readonly fileName: string; readonly format: string; readonly [key: string]: unknown } | null
  readonly columns: readonly NewColumn[]
  readonly importReport?: ImportReport | null
  readonly derivedFrom?: number | null
  /** What parsing the raw text again needs (decimal mark, day-first dates); plain JSON. */
  readonly parseContext?: unknown
}

/**
 * Turns a filled staging table into a dataset, in one transaction: rename, metadata, columns and the customer-key
 * index together (an import's writer has usually built that index already; a derived table gets it here).
 */
export function commitDataset(db: Db, dataset: NewDataset): number {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO datasets (name, kind, table_name, row_count, source, created_at, import_report, derived_from, parse_context)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        dataset.name,
        dataset.kind,
        dataset.stagingTable, // placeholder until the id is known; replaced below in the same transaction
        dataset.rowCount,
        dataset.source ? JSON.stringify(dataset.source) : null,
        new Date().toISOString(),
        dataset.importReport ? JSON.stringify(dataset.importReport) : null,
        dataset.derivedFrom ?? null,
        JSON.stringify(dataset.parseContext ?? null),
      )
    const id = Number(info.lastInsertRowid)
    const tableName = datasetTableName(id)
    db.exec(`ALTER TABLE ${quoteIdent(dataset.stagingTable)} RENAME TO ${quoteIdent(tableName)}`)
    db.prepare('UPDATE datasets SET table_name = ? WHERE id = ?').run(tableName, id)
    const insertColumn = db.prepare(
      `INSERT INTO dataset_columns (dataset_id, position, name, type, role, pii, type_reason, pii_reason, inference)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    dataset.columns.forEach((c, position) =>
      insertColumn.run(
        id,
        position,
        c.name,
        c.type,
        c.role,
        c.pii ? 1 : 0,
        c.typeReason,
        c.piiReason,
        JSON.stringify(c.inference ?? null),
      ),
    )
    indexCustomerKey(db, tableName, customerKeyPosition(dataset.columns))
    return id
  })()
}

export function datasetTableName(id: number): string {
  return `ds_${id}`
}

interface DatasetRow {
  id: number
  name: string
  kind: DatasetKind
  row_count: number
  source: string | null
  created_at: string
  import_report: string | null
  derived_from: number | null
  parse_context: string | null
}

interface ColumnRow {
  dataset_id: number
  position: number
  name: string
  type: ColumnType
  role: ColumnRole
  pii: number
  type_reason: string
  pii_reason: string | null
}

export function listDatasets(db: Db): DatasetSummary[] {
  const rows = db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[]
  const columns = db.prepare('SELECT * FROM dataset_columns ORDER BY dataset_id, position').all() as ColumnRow[]
  return rows.map((r) =>
    toSummary(
      r,
      columns.filter((c) => c.dataset_id === r.id),
    ),
  )
}

export function getDataset(db: Db, id: number): DatasetSummary {
  const row = db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined
  if (!row)
    throw new UserError('That dataset no longer exists in this project.', {
      code: 'dataset.missing',
      detail: `id ${id}`,
    })
  const columns = db
    .prepare('SELECT * FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
    .all(id) as ColumnRow[]
  return toSummary(row, columns)
}

export function countDatasets(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM datasets').get() as { n: number }).n
}

function toSummary(row: DatasetRow, columns: ColumnRow[]): DatasetSummary {
  const source = row.source ? (JSON.parse(row.source) as { fileName: string; format: string }) : null
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    rowCount: row.row_count,
    createdAt: row.created_at,
    source: source ? { fileName: source.fileName, format: source.format } : null,
    importReport: row.import_report ? (JSON.parse(row.import_report) as ImportReport) : null,
    derivedFrom: row.derived_from,
    columns: columns.map((c): DatasetColumn => ({
      position: c.position,
      name: c.name,
      type: c.type,
      role: c.role,
      pii: c.pii === 1,
      typeReason: c.type_reason,
      piiReason: c.pii_reason,
    })),
  }
}

export function pageRows(db: Db, id: number, offset: number, limit: number): DatasetPage {
  const dataset = getDataset(db, id)
  const rows = db
    .prepare(`SELECT * FROM ${quoteIdent(datasetTableName(id))} ORDER BY rowid LIMIT ? OFFSET ?`)
    .raw()
    .all(limit, offset) as (string | null)[][]
  return { columns: dataset.columns.map((c) => c.name), rows, offset, total: dataset.rowCount }
}

/** Streams a dataset's raw rows in row order, in chunks, so a job never holds a whole table twice. */
export function* iterateRows(db: Db, id: number, chunkSize = 50_000): Generator<(string | null)[][]> {
  const stmt = db.prepare(
    `SELECT rowid, * FROM ${quoteIdent(datasetTableName(id))} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  )
  let after = 0
  for (;;) {
    const rows = stmt.raw().all(after, chunkSize) as [number, ...(string | null)[]][]
    if (rows.length === 0) return
    after = rows[rows.length - 1][0]
    yield rows.map((r) => r.slice(1) as (string | null)[])
    if (rows.length < chunkSize) return
  }
}

export function deleteDataset(db: Db, id: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM datasets WHERE id = ?').run(id)
    db.exec(`DROP TABLE IF EXISTS ${quoteIdent(datasetTableName(id))}`)
  })()
}

export interface StoredColumnTyping {
  readonly columns: readonly { readonly name: string; readonly type: ColumnType; readonly inference: unknown }[]
  readonly parseContext: unknown
}

/** What a job needs to parse a dataset's raw text into typed values. */
export function columnTyping(db: Db, id: number): StoredColumnTyping {
  const row = db.prepare('SELECT parse_context FROM datasets WHERE id = ?').get(id) as
    { parse_context: string | null } | undefined
  if (!row)
    throw new UserError('That dataset no longer exists in this project.', {
      code: 'dataset.missing',
      detail: `id ${id}`,
    })
  const columns = db
    .prepare('SELECT name, type, inference FROM dataset_columns WHERE dataset_id = ? ORDER BY position')
    .all(id) as { name: string; type: ColumnType; inference: string | null }[]
  return {
    columns: columns.map((c) => ({
      name: c.name,
      type: c.type,
      inference: c.inference ? JSON.parse(c.inference) : null,
    })),
    parseContext: row.parse_context ? JSON.parse(row.parse_context) : null,
  }
}

export interface ColumnChange {
  readonly type?: ColumnType
  readonly role?: ColumnRole
  readonly pii?: boolean
  readonly typeReason?: string
  readonly inference?: unknown
}

/** Changes a column's description; a role change moves the customer-key index to the (first) customer column. */
export function updateColumn(db: Db, id: number, position: number, change: ColumnChange): void {
  const sets: string[] = []
  const values: unknown[] = []
  const add = (sql: string, value: unknown) => {
    sets.push(sql)
    values.push(value)
  }
  if (change.type !== undefined) add('type = ?', change.type)
  if (change.role !== undefined) add('role = ?', change.role)
  if (change.pii !== undefined) add('pii = ?', change.pii ? 1 : 0)
  if (change.typeReason !== undefined) add('type_reason = ?', change.typeReason)
  if (change.inference !== undefined) add('inference = ?', JSON.stringify(change.inference))
  if (sets.length === 0) return
  const info = db
    .prepare(`UPDATE dataset_columns SET ${sets.join(', ')} WHERE dataset_id = ? AND position = ?`)
    .run(...values, id, position)
  if (info.changes === 0) {
    throw new UserError('That column no longer exists in this dataset.', {
      code: 'column.missing',
      detail: `${id}:${position}`,
    })
  }
  if (change.role !== undefined) {
    const roles = db.prepare('SELECT role FROM dataset_columns WHERE dataset_id = ? ORDER BY position').all(id) as {
      role: ColumnRole
    }[]
    indexCustomerKey(db, datasetTableName(id), customerKeyPosition(roles))
  }
}

export function renameDataset(db: Db, id: number, name: string): void {
  db.prepare('UPDATE datasets SET name = ? WHERE id = ?').run(name, id)
}
