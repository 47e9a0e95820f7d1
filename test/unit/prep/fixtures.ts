import { fileURLToPath } from 'node:url'
/** Test-only loaders: the reference fixtures written by scripts/reference/*prep*.py and *rfm*.py, and small Frames. */
import { existsSync, readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Frame, FrameColumn } from '../../../src/main/engine/frame'
import type { Transactions } from '../../../src/main/engine/prep/rfm'

// Reference JSON is loosely typed on purpose: each test reads the fields it checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture<T = any>(relative: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${relative}`, import.meta.url), 'utf8')) as T
}

interface Table {
  columns: string[]
  rows: number[][]
}

/** Wholesale customers (440×8) or iris (150×4) as a Frame of number columns, from test/fixtures/prep/datasets.json. */
export function dataset(name: 'wholesale' | 'iris'): Frame {
  const table = fixture<Record<string, Table>>('prep/datasets.json')[name]
  return {
    rowCount: table.rows.length,
    columns: table.columns.map((c, j) => ({
      name: c,
      kind: 'number',
      values: Float64Array.from(table.rows, (r) => r[j]),
    })),
  }
}

export function numberColumn(name: string, values: readonly (number | null)[]): FrameColumn {
  return { name, kind: 'number', values: Float64Array.from(values, (v) => (v === null ? NaN : v)) }
}

export function categoryColumn(name: string, values: readonly (string | null)[]): FrameColumn {
  return { name, kind: 'category', values }
}

export function frameOf(...columns: FrameColumn[]): Frame {
  return { rowCount: columns[0].values.length, columns }
}

export function numbers(frame: Frame, name: string): Float64Array {
  const c = frame.columns.find((col) => col.name === name)
  if (!c || (c.kind !== 'number' && c.kind !== 'date')) throw new Error(`no numeric column ${name}`)
  return c.values
}

/** The shared real data sets; tests that need the large transaction files skip (visibly) when they are absent. */
// CI clones the repository with shared/ beside it, as on the developers' machines.
export const DATA_DIR =
  process.env.SEGMENTLAB_DATA ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url))
export const hasTransactionData = existsSync(`${DATA_DIR}/transactions/online_retail_sample_20000.csv`)

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s)
}

/** Online Retail sample: amount = Quantity × UnitPrice, "NA" customer ids as null, timestamps read as UTC. */
export function onlineRetail(): Transactions {
  const text = readFileSync(`${DATA_DIR}/transactions/online_retail_sample_20000.csv`, 'utf8')
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  const rows = parsed.data
  const date = new Float64Array(rows.length)
  const amount = new Float64Array(rows.length)
  rows.forEach((r, i) => {
    const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(r.InvoiceDate)
    if (!m) throw new Error(`bad date ${r.InvoiceDate}`)
    date[i] = utc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6])
    amount[i] = Number(r.Quantity) * Number(r.UnitPrice)
  })
  return {
    customer: rows.map((r) => (r.CustomerID === 'NA' || r.CustomerID === '' ? null : r.CustomerID)),
    date,
    amount,
    invoice: rows.map((r) => r.InvoiceNo),
    item: rows.map((r) => r.StockCode),
  }
}

/** CDNOW files: whitespace-separated; `sample` has no header and the customer id in field 0, date 2, dollars 4. */
export function cdnow(which: 'sample' | 'master'): Transactions {
  const file = which === 'sample' ? 'CDNOW_sample.txt' : 'CDNOW_master.txt'
  const lines = readFileSync(`${DATA_DIR}/transactions/${file}`, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
  const body = which === 'master' ? lines.slice(1) : lines
  const [dateField, amountField] = which === 'sample' ? [2, 4] : [1, 3]
  const fields = body.map((l) => l.split(/\s+/))
  return {
    customer: fields.map((f) => f[0]),
    date: Float64Array.from(fields, (f) =>
      utc(+f[dateField].slice(0, 4), +f[dateField].slice(4, 6), +f[dateField].slice(6, 8)),
    ),
    amount: Float64Array.from(fields, (f) => Number(f[amountField])),
  }
}
