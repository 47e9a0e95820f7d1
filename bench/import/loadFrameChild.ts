/**
 * One frame load in a fresh process, as a job does it, so its time and memory are its own:
 *
 *   node --import tsx bench/import/loadFrameChild.ts <frame|plain> <project file> <dataset id>
 *
 * "frame" runs the jobs' `loadFrame` on the project opened read-only (from the typed store when it is filled, from the
 * text otherwise); "plain" reads the same values from the table `plain` of 20 REAL columns with better-sqlite3 into one
 * Float64Array per column — the reference the issue measures against. Prints one JSON line: seconds, and memory before
 * and at peak (VmHWM on Linux).
 */
import { readFileSync } from 'node:fs'
import { openProjectReadOnly } from '../../src/main/store/projectFile'
import { loadFrame } from '../../src/main/jobs/tasks/loadFrame'
import { getDataset } from '../../src/main/store/repos/datasets'

const [mode, path, idArg] = process.argv.slice(2)
const db = openProjectReadOnly(path)
const datasetId = Number(idArg)
const rowCount = getDataset(db, datasetId).rowCount
const rssBeforeMb = process.memoryUsage().rss / 1024 ** 2
const start = performance.now()
let checksum = 0
if (mode === 'frame') {
  const { frame } = await loadFrame(db, datasetId, async () => {})
  for (const c of frame.columns) checksum += (c.values as Float64Array)[rowCount - 1] || 0
} else {
  const columns = Array.from({ length: 20 }, () => new Float64Array(rowCount))
  const stmt = db.prepare('SELECT * FROM plain ORDER BY rowid').raw()
  let i = 0
  for (const row of stmt.iterate() as Iterable<(number | null)[]>) {
    for (let j = 0; j < 20; j++) columns[j][i] = row[j] ?? NaN
    i++
  }
  for (const c of columns) checksum += c[rowCount - 1] || 0
}
const seconds = (performance.now() - start) / 1000
console.log(JSON.stringify({ mode, seconds, rssBeforeMb, peakMb: peakMemoryKb() / 1024, checksum }))

function peakMemoryKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS
}
