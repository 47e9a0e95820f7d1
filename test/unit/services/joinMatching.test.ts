import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serviceHarness, type ServiceHarness } from '../helpers/services'
import { joinKey } from '../../../src/main/jobs/tasks/matchIds'

const rows = 20_000

/** Spellings of customer n that a join must keep apart — or not — exactly as SQLite's trim(a) = trim(b) did. */
const spellings: readonly ((n: number) => string)[] = [
  (n) => `${n}`,
  (n) => `  ${n} `,
  (n) => `${n}   `,
  (n) => `0${n}`,
  (n) => `00${n}`,
  (n) => `${n}.0`,
  (n) => `C${n}`,
  (n) => `c${n}`,
  (n) => ` C${n}`,
  (n) => `\t${n}`,
  (n) => `${n}\u00a0`,
]

/** Features: one row per customer, each id spelled one way (unique once trimmed), plus one blank id. */
function featureIds(): string[] {
  return Array.from({ length: rows }, (_, i) => (i === 777 ? '   ' : spellings[(i * 7) % spellings.length](i)))
}

/** Customers: ids drawn across and beyond the features' range, in every spelling, some repeated, some blank. */
function customerIds(): string[] {
  return Array.from({ length: rows }, (_, j) => {
    if (j % 997 === 0) return ''
    if (j % 1009 === 0) return '  '
    return spellings[(j * 31) % spellings.length]((j * 7919) % 25_000)
  })
}

const csv = (header: string, ids: readonly string[], tag: string) =>
  [header, ...ids.map((id, i) => `"${id}",${tag}${i}`)].join('\n')

/**
 * The join as it was computed before the job: SQLite comparing trim(text) with its default (binary) collation. The
 * expression index only makes the reference fast; it does not change what matches.
 */
function sqlReference(customers: readonly string[], features: readonly string[]): (number | null)[] {
  const db = new Database(':memory:')
  try {
    db.exec('CREATE TABLE l (id TEXT); CREATE TABLE r (id TEXT); CREATE INDEX r_trim ON r (trim(id))')
    const fill = (table: string, ids: readonly string[]) => {
      const insert = db.prepare(`INSERT INTO ${table} (rowid, id) VALUES (?, ?)`)
      db.transaction(() => ids.forEach((id, i) => insert.run(i + 1, id)))()
    }
    fill('l', customers)
    fill('r', features)
    return db
      .prepare('SELECT r.rowid - 1 FROM l LEFT JOIN r ON trim(l.id) = trim(r.id) ORDER BY l.rowid')
      .pluck()
      .all() as (number | null)[]
  } finally {
    db.close()
  }
}

describe('the join matches ids in a job, as the SQL join did', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = serviceHarness()
  })
  afterEach(() => h.dispose())

  it('trims spaces only, like SQLite trim(): tabs and no-break spaces stay part of the id', () => {
    expect(joinKey('  12346 ')).toBe('12346')
    expect(joinKey('\t12346')).toBe('\t12346')
    expect(joinKey('12346\u00a0')).toBe('12346\u00a0')
    expect(joinKey('   ')).toBe('')
    expect(joinKey('12346.0')).toBe('12346.0')
  })

  it('joins 20,000 × 20,000 tricky ids exactly as trim(a) = trim(b) in SQLite', async () => {
    const api = h.services.handlers
    await api['project.create']({ name: 'Join' })
    const customers = customerIds()
    const features = featureIds()
    const expected = sqlReference(customers, features)
    expect(expected).toHaveLength(rows) // one match at most per customer: the reference repeats no row

    const imported = async (file: string, text: string, name: string) => {
      const path = join(h.dir.path, file)
      writeFileSync(path, text)
      const done = await h.finished((await api['import.start']({ path, name, kind: 'customers' })).id)
      expect(done.status).toBe('succeeded')
      return done.produced!.datasetId!
    }
    const left = await imported('customers.csv', csv('CustomerID,Region', customers, 'R'), 'Customers')
    const right = await imported('features.csv', csv('CustomerID,Tag', features, 'T'), 'Features')
    const db = h.services.session.requireProject().db
    // The files went in as written: the ids compared are these strings.
    expect(db.prepare(`SELECT c0 FROM ds_${left} ORDER BY rowid`).pluck().all()).toEqual(customers)
    expect(db.prepare(`SELECT c0 FROM ds_${right} ORDER BY rowid`).pluck().all()).toEqual(features)

    const done = await h.finished((await api['datasets.join']({ customersId: left, featuresId: right })).id)
    expect(done.status).toBe('succeeded')
    const matched = expected.filter((r) => r !== null).length
    expect(matched).toBeGreaterThan(1_000)
    expect(matched).toBeLessThan(rows - 1_000)
    expect(done.produced!.summary).toBe(
      `Created “Customers + Features”. ${matched.toLocaleString('en')} of 20,000 customers in "Customers" were found ` +
        'in "Features"; the others have empty values for its columns.',
    )
    const joined = db.prepare(`SELECT c0, c1, c2 FROM ds_${done.produced!.datasetId!} ORDER BY rowid`).raw().all() as [
      string,
      string,
      string | null,
    ][]
    expect(joined.map((r) => r[0])).toEqual(customers)
    expect(joined.map((r) => r[1])).toEqual(customers.map((_, i) => `R${i}`))
    expect(joined.map((r) => r[2])).toEqual(expected.map((r) => (r === null ? null : `T${r}`)))
  }, 180_000)
})
