/**
 * One measurement in a fresh process, so its peak memory is its own:
 *
 *   node --import tsx bench/cluster/child.ts <ward|single|complete|average|silhouette|baseline> <rows> <cols>
 *
 * Generates seeded blobs, runs the task and prints one JSON line: seconds and peak resident memory in MB. "baseline"
 * only makes the data, to show what Node, tsx and the input take before any clustering.
 *
 * Peak memory is VmHWM from /proc/self/status where it exists: Linux carries `ru_maxrss` (what
 * `process.resourceUsage().maxRSS` reports) across execve, so a child spawned by a big parent would report the
 * parent's peak. Elsewhere maxRSS is the fallback.
 */
import { readFileSync } from 'node:fs'
import { linkage } from '../../src/main/engine/cluster/linkage'
import type { LinkageMethod } from '../../src/main/engine/cluster/types'
import { silhouetteScore } from '../../src/main/engine/metrics/silhouette'
import { benchBlobs } from './data'

const [task, rowsArg, colsArg] = process.argv.slice(2)
const n = Number(rowsArg)
const d = Number(colsArg)
const { x, labels } = benchBlobs(n, d, 8, 7)
const start = performance.now()
if (task === 'silhouette') {
  silhouetteScore(x, labels, { maxExactRows: n })
} else if (task !== 'baseline') {
  linkage(x, task as LinkageMethod, { maxMemoryBytes: 8 * 1024 ** 3 })
}
const seconds = (performance.now() - start) / 1000
console.log(JSON.stringify({ task, n, d, seconds, maxRssMb: peakMemoryKb() / 1024 }))

function peakMemoryKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS
}
