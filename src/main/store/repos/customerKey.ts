import { randomBytes } from 'node:crypto'
import { quoteIdent, type Db } from '../database'

/**
 * A dataset table's index on its customer id column, so that finding one customer's rows, or SQL joining on the id,
 * is a lookup, not a scan (the joins of today run on a hash map in a job and need none). The index is named at random
 * rather than after its table: an import builds it on the staging table, and a rename keeps an index and its name.
 */
const PREFIX = 'customer_key_'

interface KeyIndex {
  readonly name: string
  readonly column: string
}

function keyIndexes(db: Db, table: string): KeyIndex[] {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'customer\\_key\\_%' ESCAPE '\\'`,
    )
    .pluck()
    .all(table) as string[]
  return names.map((name) => {
    const columns = db.prepare(`PRAGMA index_info(${quoteIdent(name)})`).all() as { name: string }[]
    return { name, column: columns.map((c) => c.name).join(',') }
  })
}

/**
 * Makes `position` the one indexed customer column of `table` (none when null): an index on another column is
 * dropped, one already on this column is kept. Cheap when nothing changes; building one costs a sort of the column
 * (about 0.25 s per million ids).
 */
export function indexCustomerKey(db: Db, table: string, position: number | null): void {
  const wanted = position === null ? null : `c${position}`
  const existing = keyIndexes(db, table)
  for (const index of existing) {
    if (index.column !== wanted) db.exec(`DROP INDEX ${quoteIdent(index.name)}`)
  }
  if (wanted !== null && !existing.some((index) => index.column === wanted)) {
    const name = `${PREFIX}${randomBytes(6).toString('hex')}`
    db.exec(`CREATE INDEX ${quoteIdent(name)} ON ${quoteIdent(table)} (${quoteIdent(wanted)})`)
  }
}

/** The position of the column `table`'s customer-key index is on, or null when it has none. */
export function indexedCustomerKey(db: Db, table: string): number | null {
  const [index] = keyIndexes(db, table)
  return index ? Number(index.column.slice(1)) : null
}

/** The first column a dataset's columns mark as the customer id, or null. */
export function customerKeyPosition(columns: readonly { readonly role: string }[]): number | null {
  const position = columns.findIndex((c) => c.role === 'customerId')
  return position >= 0 ? position : null
}
