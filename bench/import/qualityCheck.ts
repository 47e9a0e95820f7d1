/**
 * The data-quality check ("Check data quality" on the Import step) of a 1,000,000 × 20 table, as the app runs it
 * (services, bundled job process): once asked for the moment its import has ended — it then waits for the table's
 * values to be parsed once, and loads them — and once more on the same table, its values already stored.
 * Not a test; run with `npm run build && node --import tsx bench/import/qualityCheck.ts [rows]`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppImporter } from './appImporter'
import { writeBenchCsv } from './endToEnd'

export async function main(rows = Number(process.argv[2] ?? (process.env.BENCH_QUICK ? 200_000 : 1_000_000))) {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-quality-'))
  try {
    const csv = join(dir, 'big.csv')
    await writeBenchCsv(csv, rows)
    const importer = await createAppImporter(dir)
    const imported = await importer.importFile(csv)
    const datasetId = imported.produced?.datasetId
    if (imported.status !== 'succeeded' || datasetId === undefined) throw new Error(`import ${imported.status}`)
    let started = performance.now()
    const first = await importer.checkQuality(datasetId)
    const afterImport = (performance.now() - started) / 1000
    await importer.typedColumnsFill()
    started = performance.now()
    const again = await importer.checkQuality(datasetId)
    const stored = (performance.now() - started) / 1000
    importer.dispose()
    console.log(
      `table: ${rows.toLocaleString('en')} rows × 20 columns (${importer.bundled ? 'bundled job' : 'job from source'})`,
    )
    console.log(
      `quality check asked for as the import ends: ${afterImport.toFixed(1)} s, ${first.status} (waits for the fill)`,
    )
    console.log(`quality check again, values stored:        ${stored.toFixed(1)} s, ${again.status}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
