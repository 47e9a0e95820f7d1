import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { sharedData } from '../helpers/services'

const dir = tempDir('segmentlab-cli-')
afterAll(() => dir.remove())

/** Runs the real command line (TypeScript entry under tsx) as a user would. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve('src/main/cli/main.ts'), ...args], {
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('segmentlab import', () => {
  it('describes Bank Marketing: semicolons, quotes, "unknown" as missing', () => {
    const out = join(dir.path, 'bank.json')
    const run = cli('import', sharedData('customers/bank-additional.csv'), '--json', out)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(Object.keys(json)).toEqual(['rows', 'delimiter', 'encoding', 'columns', 'sample'])
    expect(json).toMatchObject({ rows: 4119, delimiter: ';', encoding: 'utf-8' })
    expect(json.columns).toHaveLength(21)
    expect(Object.keys(json.columns[0])).toEqual(['name', 'type', 'missing', 'distinct', 'piiLikely'])
    expect(json.columns.find((c: { name: string }) => c.name === 'age')).toMatchObject({ type: 'number', missing: 0 })
    expect(json.columns.find((c: { name: string }) => c.name === 'default').missing).toBeGreaterThan(0)
    expect(json.sample).toHaveLength(20)
    expect(json.sample[0]).toMatchObject({ age: '30', job: 'blue-collar', y: 'no' })
  })

  it('fails with one line naming the file and the problem, and no stack trace', () => {
    const empty = join(dir.path, 'empty.csv')
    writeFileSync(empty, '')
    const binary = join(dir.path, 'photo.csv')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5]))
    for (const [file, problem] of [
      [empty, /empty/i],
      [binary, /not a (text|table)/i],
      [join(dir.path, 'missing.csv'), /not found|does not exist|cannot find/i],
    ] as const) {
      const run = cli('import', file, '--json', join(dir.path, 'x.json'))
      expect(run.code).not.toBe(0)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain(file.split('/').pop()!)
      expect(run.stderr).toMatch(problem)
      expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/)
    }
  })

  it('imports a workbook openpyxl wrote (workbook part after the sheet, absolute targets)', () => {
    const out = join(dir.path, 'openpyxl.json')
    const run = cli('import', resolve('test/fixtures/formats/openpyxl.xlsx'), '--json', out)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.rows).toBe(3)
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual([
      'customer',
      'name',
      'spend',
      'orders',
      'since',
      'active',
    ])
  })

  it('reports usage errors with exit code 2', () => {
    expect(cli('import', '--json').code).toBe(2)
    expect(cli('import', sharedData('customers/bank.csv')).code).toBe(2)
  })
})

describe('segmentlab rfm', () => {
  it('matches an independent SQL computation of recency, frequency and monetary on CDNOW', () => {
    const out = join(dir.path, 'cdnow.json')
    const file = sharedData('transactions/CDNOW_master.txt')
    const run = cli(
      'rfm',
      file,
      '--customer',
      'customer_id',
      '--date',
      'date',
      '--amount',
      'dollar_value',
      '--json',
      out,
    )
    expect(run.stderr).toBe('')
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.asOf).toBe('1998-07-01')
    expect(json.customers).toHaveLength(23570)
    expect(Object.keys(json.customers[0])).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
      'r',
      'f',
      'm',
      'segment',
    ])

    // Independent check: the same numbers from SQLite's own date arithmetic and grouping.
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
    const sql = `CREATE TABLE t (c TEXT, d TEXT, v REAL); INSERT INTO t VALUES ${lines
      .map(([c, d, , v]) => `('${c}','${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}',${v})`)
      .join(',')};
      SELECT c, CAST(julianday('1998-07-01') - julianday(max(d)) AS INTEGER), count(*), round(sum(v), 6) FROM t GROUP BY c ORDER BY c;`
    const db = join(dir.path, 'check.sqlite')
    writeFileSync(join(dir.path, 'check.sql'), sql)
    const rows = execFileSync(
      process.execPath,
      [
        '-e',
        `
      const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)});
      const s = require('fs').readFileSync(${JSON.stringify(join(dir.path, 'check.sql'))}, 'utf8');
      const parts = s.split(';').map(x => x.trim()).filter(Boolean);
      for (const p of parts.slice(0, -1)) db.exec(p);
      console.log(JSON.stringify(db.prepare(parts.at(-1)).raw().all()));
    `,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    const expected = new Map((JSON.parse(rows) as [string, number, number, number][]).map((r) => [r[0], r]))
    expect(expected.size).toBe(23570)
    for (const c of json.customers) {
      const [, recency, frequency, monetary] = expected.get(c.customer)!
      expect(c.recency).toBe(recency)
      expect(c.frequency).toBe(frequency)
      expect(c.monetary).toBeCloseTo(monetary, 6)
      expect(c.r).toBeGreaterThanOrEqual(1)
      expect(c.r).toBeLessThanOrEqual(5)
    }
  })

  it('handles Online Retail: missing customer ids dropped, cancellations netted, quantity × price', () => {
    const out = join(dir.path, 'retail.json')
    const run = cli(
      'rfm',
      sharedData('transactions/online_retail_sample_20000.csv'),
      '--customer',
      'CustomerID',
      '--date',
      'InvoiceDate',
      '--quantity',
      'Quantity',
      '--price',
      'UnitPrice',
      '--invoice',
      'InvoiceNo',
      '--json',
      out,
    )
    expect(run.stderr).toBe('')
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.asOf).toBe('2011-12-10')
    expect(json.customers.length).toBeGreaterThan(2900)
    expect(json.customers.every((c: { customer: string }) => c.customer !== 'NA' && c.customer !== null)).toBe(true)
    const segments = new Set(json.customers.map((c: { segment: string }) => c.segment))
    expect(segments).toContain('Champions')
    expect(segments).toContain('Hibernating')
  })
})
