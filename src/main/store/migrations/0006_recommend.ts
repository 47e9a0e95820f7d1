import type { Migration } from './types'

export const migration: Migration = {
  version: 6,
  name: 'recommend',
  up(db) {
    db.exec(`
      -- The project's recommender (Personalise): one fit at a time, replaced whole by the next. Settings and the
      -- evaluation are versioned JSON, parsed with a schema on the way out.
      CREATE TABLE rec_models (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        version     INTEGER NOT NULL,
        computed_at TEXT NOT NULL,
        run_id      INTEGER REFERENCES runs (id) ON DELETE SET NULL,
        settings    TEXT NOT NULL,
        model       TEXT NOT NULL
      ) STRICT;

      -- The items of the fit: their name from the catalogue, how many customers bought them, and whether they were
      -- sensitive when it was made.
      CREATE TABLE rec_items (
        idx       INTEGER PRIMARY KEY,
        item      TEXT NOT NULL UNIQUE,
        name      TEXT,
        category  TEXT,
        buyers    INTEGER NOT NULL,
        sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1))
      ) STRICT;

      -- Every customer of the fit, and of the segmentation without purchases (history 0: cold start).
      CREATE TABLE rec_customers (
        idx      INTEGER PRIMARY KEY,
        customer TEXT NOT NULL UNIQUE,
        segment  INTEGER,
        history  INTEGER NOT NULL
      ) STRICT;

      -- Each customer's top items in rank order, with the reason as data (put into words with today's names).
      CREATE TABLE rec_lists (
        customer    INTEGER NOT NULL REFERENCES rec_customers (idx),
        rank        INTEGER NOT NULL CHECK (rank >= 1),
        item        INTEGER NOT NULL REFERENCES rec_items (idx),
        score       REAL NOT NULL,
        reason      TEXT NOT NULL CHECK (reason IN ('bought', 'similar-customers', 'popular', 'segment')),
        reason_item INTEGER REFERENCES rec_items (idx),
        reason_a    INTEGER,
        reason_b    INTEGER,
        PRIMARY KEY (customer, rank)
      ) STRICT, WITHOUT ROWID;

      -- Each segment's top items: by lift (what sets it apart) and by buyers (what most of it buys).
      CREATE TABLE rec_segment_items (
        segment INTEGER NOT NULL CHECK (segment >= 0),
        ranking TEXT NOT NULL CHECK (ranking IN ('lift', 'buyers')),
        rank    INTEGER NOT NULL,
        item    INTEGER NOT NULL REFERENCES rec_items (idx),
        buyers  INTEGER NOT NULL,
        share   REAL NOT NULL,
        lift    REAL NOT NULL,
        PRIMARY KEY (segment, ranking, rank)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE rec_segments (
        segment   INTEGER PRIMARY KEY,
        customers INTEGER NOT NULL
      ) STRICT;

      -- What the user marked as never to recommend nor show per person; kept across fits, applied by the next one.
      CREATE TABLE rec_sensitive (
        kind  TEXT NOT NULL CHECK (kind IN ('item', 'category')),
        value TEXT NOT NULL,
        PRIMARY KEY (kind, value)
      ) STRICT;
    `)
  },
}
