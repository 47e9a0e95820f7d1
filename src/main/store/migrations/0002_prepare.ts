import type { Migration } from './types'

export const migration: Migration = {
  version: 2,
  name: 'prepare',
  up(db) {
    db.exec(`
      -- How an import went (ragged rows, blank lines) and, for derived tables such as RFM, where they came from.
      ALTER TABLE datasets ADD COLUMN import_report TEXT;
      ALTER TABLE datasets ADD COLUMN derived_from INTEGER REFERENCES datasets (id) ON DELETE SET NULL;
      -- Reader settings and typing context (decimal mark, day-first dates) needed to parse the raw text again.
      ALTER TABLE datasets ADD COLUMN parse_context TEXT;

      CREATE TABLE dataset_profiles (
        dataset_id  INTEGER PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        profile     TEXT NOT NULL,
        computed_at TEXT NOT NULL
      ) STRICT;

      -- Every saved version of a dataset's preparation pipeline; the highest version is current, undo drops it.
      CREATE TABLE prep_pipelines (
        dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        steps      TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (dataset_id, version)
      ) STRICT;

      CREATE TABLE rfm_summaries (
        dataset_id INTEGER PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        summary    TEXT NOT NULL
      ) STRICT;
    `)
  },
}
