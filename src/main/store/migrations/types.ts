import type { Db } from '../database'

export interface Migration {
  /** Position in the chain; `PRAGMA user_version` holds the last one applied. Unique, append-only. */
  readonly version: number
  readonly name: string
  readonly up: (db: Db) => void
}
