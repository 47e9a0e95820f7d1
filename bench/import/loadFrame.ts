/**
 * A job's frame load of 1,000,000 rows × 20 numeric columns, three ways, each in a fresh process:
 *   - from text: every cell of the all-TEXT dataset table parsed, as before typed columns;
 *   - from the typed store: one Float64 blob per column (`typed_columns`), after the fill job's task has run;
 *   - plain: the same values as 20 REAL columns read with better-sqlite3 — the issue's reference (goal ≤ 1.5×).
 * Also times the fill itself (parse once + store). Ratios are printed, never asserted.
 *
 *   node --import tsx bench/import/loadFrame.ts [rows]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createProjectFile } from '../../src/main/store/projectFile'
import { createStagingTable, stagingInserter } from '../../src/main/store/repos/staging'
import { commitDataset } from '../../src/main/store/repos/datasets'
import { saveTypedColumns, staleTypedColumns } from '../../src/main/store/repos/typedColumns'
import { typedColumns, type TypedColumnsData } from '../../src/main/jobs/tasks/typedColumns'
import { plainNumbers } from '../../src/main/formats/typing/columnParse'

const COLUMNS = 20
const CHUNK = 50_000

/** A metric cell: two decimals, one cell in 997 empty (a missing value). */
const cell = (i: number, j: number): string | null =>
  (i + j) % 997 === 0 ? null : (((i * 7919 + j * 104729) % 100000) / 100).toFixed(2)

interface Measure {
  readonly seconds: number
  readonly rssBeforeMb: number
  readonly peakMb: number
  readonly checksum: number
}

function measure(mode: 'frame' | 'plain', path: string, datasetId: number): Measure {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', resolve('bench/import/loadFrameChild.ts'), mode, path, String(datasetId)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  if (child.status !== 0) throw new Error(`loadFrameChild ${mode} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measure
}

export async function main(
  rows = Number(process.argv[2] ?? (process.env.BENCH_QUICK ? 200_000 : 1_000_000)),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-bench-'))
  try {
    const path = join(dir, 'bench.segmentlab')
    const project = createProjectFile(path, 'Bench')
    const { db } = project
    let started = performance.now()
    const staging = createStagingTable(db, COLUMNS)
    const insert = stagingInserter(db, staging, COLUMNS)
    const names = Array.from({ length: COLUMNS }, (_, j) => `m${j + 1}`)
    db.exec(`CREATE TABLE plain (${names.map((n) => `${n} REAL`).join(', ')}) STRICT`)
    const insertPlain = db.prepare(`INSERT INTO plain VALUES (${names.map(() => '?').join(', ')})`)
    for (let from = 0; from < rows; from += CHUNK) {
      const chunk = Array.from({ length: Math.min(CHUNK, rows - from) }, (_, k) =>
        Array.from({ length: COLUMNS }, (_, j) => cell(from + k, j)),
      )
      insert(chunk)
      db.transaction(() => {
        for (const row of chunk) insertPlain.run(...row.map((v) => (v === null ? null : Number(v))))
      })()
    }
    const datasetId = commitDataset(db, {
      name: 'Bench',
      kind: 'customers',
      stagingTable: staging,
      rowCount: rows,
      source: null,
      columns: names.map((name) => ({
        name,
        type: 'number' as const,
        role: 'feature' as const,
        pii: false,
        typeReason: 'bench',
        piiReason: null,
        inference: { numberFormat: plainNumbers },
      })),
    })
    db.pragma('wal_checkpoint(TRUNCATE)')
    console.log(
      `data: ${rows.toLocaleString('en')} rows × ${COLUMNS} numeric columns (text table and REAL table), made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )

    const text = measure('frame', path, datasetId)

    // The fill job's task, in this process; main's side stores each dataset in one transaction.
    started = performance.now()
    await typedColumns(
      { kind: 'typedColumns', datasets: [{ datasetId, positions: staleTypedColumns(db, datasetId) }] },
      {
        db,
        projectPath: db.name,
        progress: async () => {},
        send: async (data) => void saveTypedColumns(db, datasetId, (data as TypedColumnsData).columns),
      },
    )
    const fillSeconds = (performance.now() - started) / 1000
    db.pragma('wal_checkpoint(TRUNCATE)')
    project.close()

    const typed = measure('frame', path, datasetId)
    const plain = measure('plain', path, datasetId)
    if (typed.checksum !== text.checksum || plain.checksum !== text.checksum) {
      console.log(`(checksums differ: text ${text.checksum}, typed ${typed.checksum}, plain ${plain.checksum})`)
    }
    const line = (label: string, m: Measure) =>
      `${label.padEnd(34)} ${m.seconds.toFixed(2).padStart(6)} s   peak ${Math.round(m.peakMb)} MB (+${Math.round(m.peakMb - m.rssBeforeMb)} MB)`
    console.log(line('loadFrame from text (before)', text))
    console.log(line('loadFrame from typed store', typed))
    console.log(line('plain better-sqlite3 REAL read', plain))
    console.log(`fill (parse once + store, in one process): ${fillSeconds.toFixed(1)} s`)
    console.log(
      `typed / plain: ${(typed.seconds / plain.seconds).toFixed(2)}× (goal ≤ 1.5×); text / typed: ${(text.seconds / typed.seconds).toFixed(0)}×`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
