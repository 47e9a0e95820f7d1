import { randomBytes } from 'node:crypto'
import type { Migration } from './types'

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Rewrites every dataset table as STRICT (all TEXT, as new imports make them) with an index on its customer id
 * column. Rowids are kept: runs and typed columns refer to rows by them. Written out here rather than through the
 * repos, so that later changes to those cannot change what this step did. Costs a copy of each table (a few seconds
 * per million rows), once, after the file has been backed up.
 */
export const migration: Migration = {
  version: 8,
  name: 'strict datasets',
  up(db) {
    const datasets = db.prepare('SELECT id, table_name FROM datasets ORDER BY id').all() as {
      id: number
      table_name: string
    }[]
    for (const { id, table_name: table } of datasets) {
      const columns = (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) =>
        quote(c.name),
      )
      if (columns.length === 0) continue // listed but never created: nothing to convert
      const copy = quote(`strict_copy_${id}`)
      db.exec(`
        CREATE TABLE ${copy} (${columns.map((c) => `${c} TEXT`).join(', ')}) STRICT;
        INSERT INTO ${copy} (rowid, ${columns.join(', ')})
          SELECT rowid, ${columns.map((c) => `CAST(${c} AS TEXT)`).join(', ')} FROM ${quote(table)} ORDER BY rowid;
        DROP TABLE ${quote(table)};
        ALTER TABLE ${copy} RENAME TO ${quote(table)};
      `)
      const customer = db
        .prepare(
          "SELECT position FROM dataset_columns WHERE dataset_id = ? AND role = 'customerId' ORDER BY position LIMIT 1",
        )
        .pluck()
        .get(id) as number | undefined
      if (customer !== undefined && customer < columns.length) {
        const index = quote(`customer_key_${randomBytes(6).toString('hex')}`)
        db.exec(`CREATE INDEX ${index} ON ${quote(table)} (${columns[customer]})`)
      }
    }
  },
}
