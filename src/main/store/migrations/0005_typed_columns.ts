import type { Migration } from './types'

export const migration: Migration = {
  version: 5,
  name: 'typed columns',
  up(db) {
    db.exec(`
      -- Each dataset column parsed once, so jobs load typed values instead of parsing text every time. Filled by a job
      -- after an import, a retype or a derived table, and lazily for older projects; a missing or stale row only means
      -- the column is parsed from the text again. The text table stays the source of truth.
      CREATE TABLE typed_columns (
        dataset_id  INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL CHECK (position >= 0),
        -- The column type the values were parsed as.
        type        TEXT NOT NULL,
        -- What the values were parsed with (parser version, type, number or date format): a row whose signature is
        -- not the column's current one is stale and ignored.
        signature   TEXT NOT NULL,
        -- 'number' and 'date' (epoch ms): data is Float64 (little-endian), NaN when missing. 'category' and 'text':
        -- data is Int32 codes into dictionary (a JSON array of labels), -1 when missing.
        kind        TEXT NOT NULL CHECK (kind IN ('number', 'date', 'category', 'text')),
        row_count   INTEGER NOT NULL CHECK (row_count >= 0),
        data        BLOB NOT NULL,
        dictionary  TEXT,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (dataset_id, position),
        CHECK ((kind IN ('number', 'date')) = (dictionary IS NULL))
      ) STRICT;
    `)
  },
}
