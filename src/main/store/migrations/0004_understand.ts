import type { Migration } from './types'

export const migration: Migration = {
  version: 4,
  name: 'understand',
  up(db) {
    db.exec(`
      -- What the user calls each segment of a run. A row exists only once a name was suggested or given; segments
      -- without one are "Segment N" in the palette colour of their index.
      CREATE TABLE segment_labels (
        run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        segment     INTEGER NOT NULL CHECK (segment >= 0),
        name        TEXT NOT NULL,
        colour      INTEGER NOT NULL CHECK (colour >= 0),
        description TEXT NOT NULL DEFAULT '',
        action      TEXT NOT NULL DEFAULT '',
        -- 1 while the name is the suggestion; 0 once the user renamed the segment (suggestions never overwrite it).
        suggested   INTEGER NOT NULL DEFAULT 1 CHECK (suggested IN (0, 1)),
        -- The last suggestion, so "Use suggested name" can bring it back after a rename.
        suggestion  TEXT,
        PRIMARY KEY (run_id, segment)
      ) STRICT;

      -- The profile of a run's segments (versioned JSON, parsed with a schema on the way out); one per run.
      CREATE TABLE run_profiles (
        run_id      INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        computed_at TEXT NOT NULL,
        profile     TEXT NOT NULL
      ) STRICT;
    `)
  },
}
