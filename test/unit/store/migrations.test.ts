import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/store/migrations'
import { assertChain, migrate, schemaVersion } from '../../../src/main/store/migrate'
import { openDatabase } from '../../../src/main/store/database'
import type { Migration } from '../../../src/main/store/migrations/types'
import { tempDir } from '../helpers/projects'

const folder = join('src', 'main', 'store', 'migrations')

describe('migrations', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => (dir = tempDir()))
  afterEach(() => dir.remove())

  it('lists every migration file exactly once, numbered by its file name, with unique versions', async () => {
    const files = readdirSync(folder)
      .filter((f) => /^\d{4}_.+\.ts$/.test(f))
      .sort()
    expect(files.length).toBe(migrations.length)
    const versions = files.map((f) => Number(f.slice(0, 4)))
    expect(new Set(versions).size).toBe(versions.length)
    for (const file of files) {
      const mod = (await import(`../../../${folder}/${file}`)) as { migration: Migration }
      expect(migrations).toContain(mod.migration)
      expect(mod.migration.version).toBe(Number(file.slice(0, 4)))
    }
    expect(() => assertChain(migrations)).not.toThrow()
  })

  it('replays the whole chain on a new file and records the version', () => {
    const db = openDatabase(join(dir.path, 'new.segmentlab'))
    const outcome = migrate(db, join(dir.path, 'new.segmentlab'), migrations)
    expect(outcome).toEqual({ from: 0, to: migrations.length, backupPath: null })
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('backs the file up before migrating an existing project, and a failed step leaves the version where it was', () => {
    const path = join(dir.path, 'old.segmentlab')
    const first: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x)') }
    const second: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE b (y)') }
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE c (z)')
        throw new Error('disk full')
      },
    }
    let db = openDatabase(path)
    migrate(db, path, [first])
    db.exec("INSERT INTO a VALUES ('kept')")
    db.close()

    db = openDatabase(path)
    const outcome = migrate(db, path, [first, second])
    expect(outcome.from).toBe(1)
    expect(outcome.backupPath).not.toBeNull()
    expect(existsSync(outcome.backupPath!)).toBe(true)
    const backup = openDatabase(outcome.backupPath!, { readonly: true })
    expect(schemaVersion(backup)).toBe(1)
    expect(backup.prepare('SELECT x FROM a').pluck().all()).toEqual(['kept'])
    backup.close()

    expect(() => migrate(db, path, [first, second, broken])).toThrow('disk full')
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a chain with a gap or a duplicate number', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} })
    expect(() => assertChain([m(1), m(1)])).toThrow(/version 1/)
    expect(() => assertChain([m(1), m(3)])).toThrow(/expects 2/)
  })
})
