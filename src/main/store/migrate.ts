import { copyFileSync, existsSync } from 'node:fs'
import type { Db } from './database'
import type { Migration } from './migrations/types'
import { UserError } from '../../shared/errors'

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export interface MigrateOutcome {
  readonly from: number
  readonly to: number
  /** Copy of the file as it was before migrating, or null when nothing needed migrating or the project is new. */
  readonly backupPath: string | null
}

/**
 * Brings a project file up to the latest schema. Each migration runs in its own transaction together with the
 * `user_version` bump, so a crash leaves the file at a known version; an existing project is copied aside first.
 */
export function migrate(db: Db, filePath: string, chain: readonly Migration[]): MigrateOutcome {
  assertChain(chain)
  const from = schemaVersion(db)
  const latest = chain.length === 0 ? 0 : chain[chain.length - 1].version
  if (from > latest) {
    throw new UserError(
      'This project was saved by a newer version of SegmentLab. Please update SegmentLab to open it.',
      { detail: `schema version ${from} > supported ${latest}: ${filePath}`, code: 'project.tooNew' },
    )
  }
  let backupPath: string | null = null
  if (from > 0 && from < latest && filePath !== ':memory:') {
    backupPath = backupFile(db, filePath, from)
  }
  for (const m of chain) {
    if (m.version <= from) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return { from, to: latest, backupPath }
}

function backupFile(db: Db, filePath: string, version: number): string {
  // Fold the WAL into the main file so that a plain copy is complete.
  db.pragma('wal_checkpoint(TRUNCATE)')
  let target = `${filePath}.v${version}.bak`
  for (let i = 2; existsSync(target); i++) target = `${filePath}.v${version}.${i}.bak`
  copyFileSync(filePath, target)
  return target
}

export function assertChain(chain: readonly Migration[]): void {
  chain.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migration "${m.name}" has version ${m.version}; position ${i + 1} in the chain expects ${i + 1}.`,
      )
    }
  })
}
