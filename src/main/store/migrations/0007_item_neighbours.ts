import type { Migration } from './types'

export const migration: Migration = {
  version: 7,
  name: 'item_neighbours',
  up(db) {
    db.exec(`
      -- "Items like this one" (Personalise): each item's nearest items by description and by purchases, computed with
      -- the fit and replaced with it. What makes a pair alike is data: the words both descriptions share, or how many
      -- customers bought both. A fit made before this table existed has none (the screen asks for a new fit).
      CREATE TABLE rec_neighbours (
        item     INTEGER NOT NULL REFERENCES rec_items (idx),
        kind     TEXT NOT NULL CHECK (kind IN ('content', 'bought')),
        rank     INTEGER NOT NULL CHECK (rank >= 1),
        other    INTEGER NOT NULL REFERENCES rec_items (idx),
        sim      REAL NOT NULL,
        together INTEGER,
        words    TEXT,
        PRIMARY KEY (item, kind, rank)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
