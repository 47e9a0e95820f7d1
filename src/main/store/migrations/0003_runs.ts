import type { Migration } from './types'

export const migration: Migration = {
  version: 3,
  name: 'runs',
  up(db) {
    db.exec(`
      -- One row per segmentation run. The summary is JSON for the UI; labels (Int32, one per prepared row), the dataset
      -- row each prepared row came from (Int32; NULL when preparation kept every row in order) and the linkage matrix
      -- (Float64, (n-1)×4, SciPy convention) are typed-array BLOBs.
      CREATE TABLE runs (
        id         INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        summary    TEXT NOT NULL,
        labels     BLOB NOT NULL,
        row_index  BLOB,
        linkage    BLOB
      ) STRICT;
      CREATE INDEX runs_by_dataset ON runs (dataset_id);
    `)
  },
}
