/**
 * End-to-end import as the app does it: a job process reads and types a 1,000,000 × 20 CSV while its worker thread
 * writes the rows into a staging table of the project, which main then renames into a dataset; beside it, in the
 * same run, `sqlite3 .import` of the same file (issue 16's reference: goal ≤ 2×, both processes together ≤ 500 MB).
 * The job is the bundled `out/main/job.js` the app runs when it has been built, the TypeScript source under tsx
 * otherwise (slower to start, more memory).
 * Prints seconds, rows per second and peak memory (Linux: VmHWM from /proc; main's peak is reset after the CSV is
 * written, and its rise over idle is shown because this script itself holds the services and tsx).
 * Not a test; run with `node --import tsx bench/import/endToEnd.ts [rows] [pairs]`.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { createAppImporter } from './appImporter'

/** The bench's 1M × 20 customer table: an id, a date, two categories and 16 numbers with two decimals. */
export async function writeBenchCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  const header = [
    'customer_id',
    'signup_date',
    'segment',
    'city',
    ...Array.from({ length: 16 }, (_, j) => `metric_${j + 1}`),
  ]
  out.write(header.join(',') + '\n')
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const metrics = Array.from({ length: 16 }, (_, j) => (((i * 7919 + j * 104729) % 100000) / 100).toFixed(2))
    const line = `C${i},2024-03-${day},${['gold', 'silver', 'bronze'][i % 3]},"City ${i % 250}",${metrics.join(',')}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** Runs `sqlite3 DB ".import --csv FILE t"`: seconds and peak memory, or null when sqlite3 is not installed. */
async function sqliteImport(csv: string, db: string): Promise<{ seconds: number; peakKb: number } | null> {
  const started = performance.now()
  const child = spawn('sqlite3', [db, `.import --csv ${csv} t`], { stdio: ['ignore', 'ignore', 'inherit'] })
  let peak = 0
  const poll = setInterval(() => (peak = Math.max(peak, peakKb(child.pid ?? -1))), 50)
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null))
    child.once('exit', (c) => resolve(c))
  })
  clearInterval(poll)
  if (code !== 0) return null
  return { seconds: (performance.now() - started) / 1000, peakKb: peak }
}

/** Resets this process's VmHWM (Linux), so the peak read later is the import's, not the CSV writer's. */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
  } catch {
    // Not Linux: the peak then covers the whole run.
  }
}

function peakKb(pid: number | 'self'): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/**
 * One import as the app does it, into a new project in `dir`: seconds to the commit, status and both processes' peaks;
 * then the seconds the typed-column fill after it took, and its peaks.
 */
async function appImport(csv: string, dir: string) {
  mkdirSync(dir)
  const pids: number[] = []
  const jobPeaks = new Map<number, number>()
  const importer = await createAppImporter(dir, (pid) => pids.push(pid))
  const poll = setInterval(() => {
    for (const pid of pids) jobPeaks.set(pid, Math.max(jobPeaks.get(pid) ?? 0, peakKb(pid)))
  }, 100)
  const peakOf = (some: readonly number[]) => Math.max(0, ...some.map((pid) => jobPeaks.get(pid) ?? 0))
  resetPeak()
  const idleKb = Math.round(process.memoryUsage().rss / 1024)
  const before = pids.length
  const started = performance.now()
  const info = await importer.importFile(csv)
  const seconds = (performance.now() - started) / 1000
  const mainPeakKb = peakKb('self') || process.resourceUsage().maxRSS
  // The import's own process is the first one started; the fill's starts at the commit, before this line runs.
  const importPids = pids.slice(before, before + 1)
  resetPeak()
  const fill = await importer.typedColumnsFill()
  const fillSeconds = (performance.now() - started) / 1000 - seconds
  clearInterval(poll)
  const fillMainRiseKb = Math.max(0, (peakKb('self') || 0) - idleKb)
  importer.dispose()
  return {
    seconds,
    status: info.status,
    bundled: importer.bundled,
    jobPeakKb: peakOf(importPids),
    mainPeakKb,
    idleKb,
    fill: {
      seconds: fillSeconds,
      status: fill.status,
      jobPeakKb: peakOf(pids.filter((pid) => !importPids.includes(pid))),
      mainRiseKb: fillMainRiseKb,
    },
  }
}

/**
 * Waits until what was written before (the CSV, the previous import's project) is on disk, so neither import is timed
 * while the kernel flushes the other's 150 MB.
 */
function settleDisk(): void {
  try {
    execFileSync('sync')
  } catch {
    // No sync command (Windows): the runs then share the machine's writeback as it comes.
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Pairs of imports, ours then sqlite3's, and the median of their ratios: a shared machine's speed drifts over seconds,
 * so one pair can read 1.8× or 2.4× for the same code; pairs taken close together, and their median, do not.
 */
export async function main(
  rows = Number(process.argv[2] ?? (process.env.BENCH_QUICK ? 200_000 : 1_000_000)),
  pairs = Number(process.argv[3] ?? (process.env.BENCH_QUICK ? 1 : 3)),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-bench-'))
  const mb = (kb: number) => `${Math.round(kb / 1024)} MB`
  try {
    const csv = join(dir, 'big.csv')
    await writeBenchCsv(csv, rows)
    console.log(
      `file: ${rows.toLocaleString('en')} rows × 20 columns, ${Math.round(statSync(csv).size / 1024 ** 2)} MB`,
    )
    const ratios: number[] = []
    for (let pair = 1; pair <= pairs; pair++) {
      settleDisk()
      const ours = await appImport(csv, join(dir, `project-${pair}`))
      const rise = Math.max(0, ours.mainPeakKb - ours.idleKb)
      console.log(
        `SegmentLab import ${pair}: ${ours.seconds.toFixed(1)} s, ${Math.round(rows / ours.seconds).toLocaleString('en')} rows/s, ` +
          `${ours.status}; job ${ours.bundled ? 'bundled (out/main/job.js)' : 'from source under tsx'}`,
      )
      console.log(
        `  then, in the background, its columns parsed once into typed values: ${ours.fill.seconds.toFixed(1)} s more, ` +
          `${ours.fill.status}, job ${mb(ours.fill.jobPeakKb)}, main's rise ${mb(ours.fill.mainRiseKb)} (the dataset is ` +
          `usable from the commit; until then a job parses the text itself)`,
      )
      console.log(
        `  peak memory: job process ${mb(ours.jobPeakKb)}; main ${mb(ours.mainPeakKb)}, of which ${mb(rise)} over its ` +
          `idle ${mb(ours.idleKb)} (this script, tsx and the services); job + main's rise ${mb(ours.jobPeakKb + rise)} ` +
          `(goal ≤ 500 MB)`,
      )
      settleDisk()
      const reference = await sqliteImport(csv, join(dir, `reference-${pair}.db`))
      if (!reference) {
        console.log('sqlite3 .import: not run (no sqlite3 command on this machine: apt-get install sqlite3)')
        return
      }
      ratios.push(ours.seconds / reference.seconds)
      console.log(
        `sqlite3 .import ${pair} of the same file: ${reference.seconds.toFixed(1)} s, peak ${mb(reference.peakKb)}; ` +
          `ratio ${ratios.at(-1)!.toFixed(2)}×`,
      )
    }
    console.log(
      `ratio SegmentLab / sqlite3, median of ${pairs}: ${median(ratios).toFixed(2)}× ` +
        `(each: ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≤ 2×)`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
