import type { Migration } from './types'

export const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE project_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One row per imported table; its values live in the table named by table_name (raw text, one column per source
      -- column), so previews, filters and exports are SQL.
      CREATE TABLE datasets (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('customers', 'transactions', 'items', 'interactions')),
        table_name  TEXT NOT NULL UNIQUE,
        row_count   INTEGER NOT NULL,
        source      TEXT,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dataset_columns (
        dataset_id  INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        type        TEXT NOT NULL CHECK (type IN ('number', 'category', 'date', 'boolean', 'id', 'text')),
        role        TEXT NOT NULL CHECK (role IN ('customerId', 'feature', 'date', 'amount', 'ignore')),
        pii         INTEGER NOT NULL DEFAULT 0 CHECK (pii IN (0, 1)),
        type_reason TEXT NOT NULL DEFAULT '',
        pii_reason  TEXT,
        inference   TEXT,
        PRIMARY KEY (dataset_id, position)
      ) STRICT;

      CREATE TABLE column_stats (
        dataset_id  INTEGER PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        stats       TEXT NOT NULL,
        computed_at TEXT NOT NULL
      ) STRICT;
    `)
  },
}
