import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/store/migrations'
import { assertChain, migrate, schemaVersion } from '../../../src/main/store/migrate'
import { openDatabase } from '../../../src/main/store/database'
import type { Migration } from '../../../src/main/store/migrations/types'
import { tempDir } from '../helpers/projects'
import { indexedCustomerKey } from '../../../src/main/store/repos/customerKey'

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

  it('rewrites the dataset tables of a version-7 project as STRICT text, rowids kept, the customer id indexed', () => {
    const path = join(dir.path, 'v7.segmentlab')
    let db = openDatabase(path)
    migrate(db, path, migrations.slice(0, 7))
    const addDataset = db.prepare(
      `INSERT INTO datasets (id, name, kind, table_name, row_count, created_at) VALUES (?, ?, 'customers', ?, ?, '2026-01-01')`,
    )
    const addColumn = db.prepare(
      'INSERT INTO dataset_columns (dataset_id, position, name, type, role) VALUES (?, ?, ?, ?, ?)',
    )
    addDataset.run(3, 'shop', 'ds_3', 3)
    ;[
      ['region', 'category', 'feature'],
      ['spend', 'number', 'feature'],
      ['customer', 'id', 'customerId'],
    ].forEach(([name, type, role], position) => addColumn.run(3, position, name, type, role))
    addDataset.run(4, 'no key', 'ds_4', 1)
    addColumn.run(4, 0, 'x', 'number', 'feature')
    // As older versions made them: declared TEXT, not STRICT, so a number or a blob could have slipped in.
    db.exec(`CREATE TABLE ds_3 (c0 TEXT, c1 TEXT, c2 TEXT);
      INSERT INTO ds_3 (rowid, c0, c1, c2) VALUES (1, 'north', '12.50', 'C1'), (2, NULL, 7, 'C2'), (7, x'41', '', 'C7');
      CREATE TABLE ds_4 (c0 TEXT); INSERT INTO ds_4 VALUES ('1')`)
    db.close()

    db = openDatabase(path)
    const outcome = migrate(db, path, migrations)
    expect(outcome).toMatchObject({ from: 7, to: migrations.length })
    expect(existsSync(outcome.backupPath!)).toBe(true)
    const strict = db.prepare(
      "SELECT name, strict FROM pragma_table_list WHERE name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY name",
    )
    expect(strict.all()).toEqual([
      { name: 'ds_3', strict: 1 },
      { name: 'ds_4', strict: 1 },
    ])
    const rows = db.prepare('SELECT rowid, c0, c1, c2, typeof(c1) AS t FROM ds_3 ORDER BY rowid').all()
    expect(rows).toEqual([
      { rowid: 1, c0: 'north', c1: '12.50', c2: 'C1', t: 'text' },
      { rowid: 2, c0: null, c1: '7', c2: 'C2', t: 'text' },
      { rowid: 7, c0: 'A', c1: '', c2: 'C7', t: 'text' },
    ])
    expect(indexedCustomerKey(db, 'ds_3')).toBe(2)
    expect(indexedCustomerKey(db, 'ds_4')).toBeNull()
    expect(() => db.prepare('INSERT INTO ds_3 VALUES (?, ?, ?)').run(Buffer.from('x'), '1', 'C9')).toThrow(
      /cannot store BLOB value in TEXT column/,
    )
    db.close()
  })

  it('refuses a chain with a gap or a duplicate number', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} })
    expect(() => assertChain([m(1), m(1)])).toThrow(/version 1/)
    expect(() => assertChain([m(1), m(3)])).toThrow(/expects 2/)
  })
})
