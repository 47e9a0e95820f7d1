/**
 * Import throughput: writes a 1,000,000 × 20 CSV of realistic customer-transaction columns (quoted text with
 * commas, decimals, dates, yes/no, missing markers) to the temp folder, then reads it as the import job does —
 * sniff, stream every row, type every column — and prints rows/s, MB/s and peak memory (max RSS).
 *
 *   node --import tsx bench/import/readRows.ts [rows]
 */
import { createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createTypeAccumulator, readRows, sniff } from '../../src/main/formats'

export interface BenchResult {
  readonly rows: number
  readonly bytes: number
  readonly writeSeconds: number
  readonly sniffMs: number
  readonly readSeconds: number
  readonly rowsPerSecond: number
  readonly megabytesPerSecond: number
  readonly peakRssMb: number
  readonly types: Record<string, string>
}

const countries = [
  'United Kingdom',
  'Germany',
  'France',
  'EIRE',
  'Spain',
  'Netherlands',
  'Belgium',
  'Switzerland',
  'Portugal',
  'Australia',
]
const words = [
  'RED',
  'HANGING',
  'HEART',
  'T-LIGHT',
  'HOLDER',
  'WHITE',
  'METAL',
  'LANTERN',
  'CREAM',
  'CUPID',
  'HEARTS',
  'COAT',
  'HANGER',
  'KNITTED',
  'UNION',
  'FLAG',
  'HOT',
  'WATER',
  'BOTTLE',
  'JUMBO',
  'BAG',
]
const header = [
  'CustomerID',
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'Country',
  'Channel',
  'Member',
  'Age',
  'Tenure',
  'MonthlyCharges',
  'TotalCharges',
  'Segment',
  'SignupDate',
  'Score',
  'Discount',
  'Notes',
  'Churn',
]

/** Deterministic LCG so every run measures the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  const r = rng(42)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  out.write(header.join(',') + '\n')
  let buffer = ''
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(r() * 28)
    const month = 1 + Math.floor(r() * 12)
    const description = `"${pick(words)} ${pick(words)}, ${pick(words)} ${pick(words)}"`
    const monthly = (18 + r() * 100).toFixed(2)
    const total = r() < 0.001 ? ' ' : (Number(monthly) * (1 + Math.floor(r() * 72))).toFixed(2)
    const row = [
      String(10000 + Math.floor(r() * 50000)),
      (r() < 0.02 ? 'C' : '') + String(500000 + Math.floor(i / 3)),
      String(20000 + Math.floor(r() * 3000)) + (r() < 0.1 ? 'A' : ''),
      description,
      String(Math.floor(r() * 24) - (r() < 0.02 ? 30 : 0)),
      `2011-${pad(month, 2)}-${pad(day, 2)} ${pad(Math.floor(r() * 24), 2)}:${pad(Math.floor(r() * 60), 2)}:00`,
      (r() * 20).toFixed(2),
      pick(countries),
      String(1 + Math.floor(r() * 2)),
      r() < 0.3 ? 'Yes' : 'No',
      r() < 0.01 ? 'NA' : String(18 + Math.floor(r() * 70)),
      String(Math.floor(r() * 72)),
      monthly,
      total,
      pick(['Bronze', 'Silver', 'Gold', 'Platinum']),
      `${pad(day, 2)}/${pad(month, 2)}/20${pad(10 + Math.floor(r() * 10), 2)}`,
      (r() * 100).toFixed(1),
      `${Math.floor(r() * 50)}%`,
      r() < 0.7 ? '' : `"${pick(words).toLowerCase()} ${pick(words).toLowerCase()} ${pick(words).toLowerCase()}"`,
      r() < 0.26 ? 'Yes' : 'No',
    ]
    buffer += row.join(',') + '\n'
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      buffer = ''
    }
  }
  out.write(buffer)
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

export async function main(rows = 1_000_000, log: (line: string) => void = console.log): Promise<BenchResult> {
  const path = join(tmpdir(), `segmentlab-bench-${process.pid}-${rows}.csv`)
  try {
    let t = performance.now()
    await writeCsv(path, rows)
    const writeSeconds = (performance.now() - t) / 1000
    const bytes = (await stat(path)).size
    log(
      `wrote ${rows.toLocaleString('en')} rows × ${header.length} columns, ${(bytes / 1e6).toFixed(1)} MB, in ${writeSeconds.toFixed(1)} s`,
    )

    t = performance.now()
    const found = await sniff(path)
    const sniffMs = performance.now() - t

    t = performance.now()
    const types = createTypeAccumulator(found.header, { decimalHint: found.decimalHint })
    const summary = await readRows(found, { batchSize: 5_000 }, (batch) => types.addRows(batch))
    const table = types.finish()
    const readSeconds = (performance.now() - t) / 1000

    const result: BenchResult = {
      rows: summary.rowCount,
      bytes,
      writeSeconds,
      sniffMs,
      readSeconds,
      rowsPerSecond: summary.rowCount / readSeconds,
      megabytesPerSecond: bytes / 1e6 / readSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      types: Object.fromEntries(table.columns.map((c) => [c.name, c.type])),
    }
    log(
      `sniff ${sniffMs.toFixed(0)} ms; read + type ${result.rows.toLocaleString('en')} rows in ${readSeconds.toFixed(1)} s`,
    )
    log(
      `${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s, ${result.megabytesPerSecond.toFixed(1)} MB/s, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
    )
    log(
      `types: ${Object.entries(result.types)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    )
    return result
  } finally {
    await rm(path, { force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = process.argv[2] ? Number(process.argv[2]) : undefined
  await main(rows)
}
