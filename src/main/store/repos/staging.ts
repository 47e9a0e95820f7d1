import { randomBytes } from 'node:crypto'
import { quoteIdent, type Db } from '../database'

const STAGING_PREFIX = 'staging_'

/**
 * An import fills a staging table in small transactions and renames it in the final one. Until then nothing refers
 * to it, so a cancel, a crash or a power cut leaves only an orphan, dropped here on the next open.
 * The table is STRICT and all TEXT: it keeps each cell exactly as the file wrote it (what a retype parses again, what
 * previews and exports show), and SQLite refuses anything else. Parsed values live beside it in typed_columns.
 */
export function createStagingTable(db: Db, columnCount: number, name = newStagingTableName()): string {
  if (!isStagingTableName(name)) throw new Error(`Not a staging table name: ${name}`)
  const columns = Array.from({ length: columnCount }, (_, i) => `c${i} TEXT`).join(', ')
  db.exec(`CREATE TABLE ${quoteIdent(name)} (${columns}) STRICT`)
  return name
}

/** A fresh staging table name: main picks it before an import job starts, so it can drop the table whatever happens. */
export function newStagingTableName(): string {
  return `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`
}

/** Whether `name` is one this module makes: a job may only ever create and fill such a table. */
export function isStagingTableName(name: string): boolean {
  return /^staging_[0-9a-f]{12}$/.test(name)
}

export function dropStagingTables(db: Db): string[] {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'staging\\_%' ESCAPE '\\'").all() as {
      name: string
    }[]
  ).map((r) => r.name)
  for (const name of names) db.exec(`DROP TABLE ${quoteIdent(name)}`)
  return names
}

export function dropTable(db: Db, name: string): void {
  db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`)
}

type Rows = readonly (readonly (string | null)[])[]

/** Prepared multi-row insert into a staging table, one transaction per call; rows are raw text (null for empty). */
export function stagingInserter(db: Db, table: string, columnCount: number): (rows: Rows) => void {
  return db.transaction(rowInserter(db, table, columnCount))
}

/** The same insert inside the caller's transaction, for a writer that commits many calls' rows at once. */
export function rowInserter(db: Db, table: string, columnCount: number): (rows: Rows) => void {
  const placeholders = `(${Array.from({ length: columnCount }, () => '?').join(', ')})`
  const insert = db.prepare(`INSERT INTO ${quoteIdent(table)} VALUES ${placeholders}`)
  return (rows) => {
    for (const row of rows) {
      insert.run(row.length === columnCount ? row : padRow(row, columnCount))
    }
  }
}

function padRow(row: readonly (string | null)[], columnCount: number): (string | null)[] {
  const out = row.slice(0, columnCount)
  while (out.length < columnCount) out.push(null)
  return out
}
