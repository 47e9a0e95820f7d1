/**
 * Clustering benchmark (a measurement, not a test: this machine is shared and noisy, so nothing is asserted).
 *
 *   node --import tsx bench/cluster/kmeans.ts          # everything
 *   BENCH_QUICK=1 node --import tsx bench/cluster/kmeans.ts   # skip the 1,000,000-row and 50,000-row cases
 *
 * 1. K-means, k = 8, on seeded blobs of 100k and 1M rows × 8 and 20 columns, written to a temporary .npy file.
 *    Ours (Hamerly with the WebAssembly kernels, one thread, and the worker pool on 2 threads) against
 *    scikit-learn's Lloyd with the same starting centres — so both run the same iterations — limited to 1 thread by
 *    threadpoolctl and with its default threads. "Per iteration" is the whole fit's time divided by its iterations,
 *    for both; median of several runs, after one full-size fit that is reported on its own ("first fit").
 * 2. Ward and single linkage at 20k and 50k rows, complete and average at 20k, silhouette at 20k: each in a fresh
 *    child process, reporting time and peak memory (which includes Node itself — see "baseline"). These run first,
 *    while this process is still small.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { fitKMeans, fitKMeansWith } from '../../src/main/engine/cluster/kmeans'
import { createKMeansPool } from '../../src/main/jobs/parallel/kmeansPool'
import { benchBlobs, pickRows, writeNpy } from './data'

const PYTHON = '/usr/bin/python3'
const TOL = 1e-4
const K = 8

export interface KMeansCase {
  readonly rows: number
  readonly cols: number
  readonly iterations: number
  readonly oursSeconds: number
  /** The first full-size fit, in freshly allocated memory. */
  readonly oursFirstSeconds: number
  readonly oursPoolSeconds: number
  readonly inertia: number
  readonly sklearn?: {
    readonly oneThread: { seconds: number; nIter: number; inertia: number }
    readonly defaultThreads: { seconds: number; nIter: number; inertia: number }
  }
}

export interface ChildCase {
  readonly task: string
  readonly n: number
  readonly d: number
  readonly seconds: number
  readonly maxRssMb: number
}

export interface ClusterBenchReport {
  readonly kmeans: KMeansCase[]
  readonly children: ChildCase[]
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function sklearnAvailable(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn, threadpoolctl'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function kmeansCase(rows: number, cols: number, dir: string, withSklearn: boolean): Promise<KMeansCase> {
  const reps = rows >= 1_000_000 ? 3 : 5
  const { x } = benchBlobs(rows, cols, K, 1, true)
  const init = pickRows(x, K, 2)
  const options = { k: K, init, tol: TOL, maxIter: 300, algorithm: 'hamerly' as const }

  // Warm the JIT on a slice so the first timed run is not also compiling. The first full-size fit then runs in
  // fresh memory (page faults on first touch); later fits reuse the memory a finished fit leaves, as a sweep does.
  fitKMeans({ data: x.data.subarray(0, 20_000 * cols), rows: 20_000, cols }, options)
  const single: number[] = []
  const t0 = performance.now()
  let result = fitKMeans(x, options)
  const firstSeconds = (performance.now() - t0) / 1000
  for (let r = 0; r < reps; r++) {
    const t = performance.now()
    result = fitKMeans(x, options)
    single.push((performance.now() - t) / 1000)
  }

  const pool = createKMeansPool({ threads: 2 })
  const pooled: number[] = []
  try {
    await fitKMeansWith(x, options, pool)
    for (let r = 0; r < reps; r++) {
      const t = performance.now()
      const res = await fitKMeansWith(x, options, pool)
      pooled.push((performance.now() - t) / 1000)
      if (res.iterations !== result.iterations) throw new Error('Pool and single-thread fits disagree.')
    }
  } finally {
    await pool.close()
  }

  let sklearn: KMeansCase['sklearn']
  if (withSklearn) {
    const xPath = join(dir, `blobs-${rows}x${cols}.npy`)
    const initPath = join(dir, `init-${rows}x${cols}.npy`)
    writeNpy(xPath, x)
    writeNpy(initPath, init)
    const script = fileURLToPath(new URL('./sklearn_kmeans.py', import.meta.url))
    const out = JSON.parse(
      execFileSync(PYTHON, [script, xPath, initPath, String(reps), String(TOL)], { encoding: 'utf8' }),
    ) as Record<'1' | 'default', { seconds: number; nIter: number; inertia: number }>
    sklearn = { oneThread: out['1'], defaultThreads: out.default }
    rmSync(xPath)
  }
  return {
    rows,
    cols,
    iterations: result.iterations,
    oursSeconds: median(single),
    oursFirstSeconds: firstSeconds,
    oursPoolSeconds: median(pooled),
    inertia: result.inertia,
    sklearn,
  }
}

function childCase(task: string, n: number, d: number): ChildCase {
  const script = fileURLToPath(new URL('./child.ts', import.meta.url))
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, task, String(n), String(d)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  return JSON.parse(out.trim().split('\n').pop()!) as ChildCase
}

const ms = (s: number, iters: number): string => `${((1000 * s) / iters).toFixed(2)} ms`
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`

export async function main(): Promise<ClusterBenchReport> {
  const quick = process.env.BENCH_QUICK === '1'
  const withSklearn = sklearnAvailable()
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-bench-'))
  const report: ClusterBenchReport = { kmeans: [], children: [] }
  try {
    console.log('linkage and silhouette, each in a fresh process (peak memory includes Node + tsx + the input)')
    const tasks: [string, number, number][] = [
      ['baseline', 50_000, 8],
      ['ward', 20_000, 8],
      ['single', 20_000, 8],
      ['complete', 20_000, 8],
      ['average', 20_000, 8],
      ['silhouette', 20_000, 8],
      ['ward', 50_000, 8],
      ['single', 50_000, 8],
    ]
    for (const [task, n, d] of tasks) {
      if (quick && n >= 50_000 && task !== 'baseline') {
        console.log(`  ${task} ${n.toLocaleString('en-US')} × ${d}: skipped (BENCH_QUICK=1)`)
        continue
      }
      const c = childCase(task, n, d)
      report.children.push(c)
      console.log(
        `  ${task.padEnd(10)} ${n.toLocaleString('en-US').padStart(6)} × ${d}: ${c.seconds.toFixed(2).padStart(6)} s, ` +
          `peak ${c.maxRssMb.toFixed(0)} MB`,
      )
    }
    console.log(
      `\nk-means, k = ${K}, tol = ${TOL}, same starting centres for all; per iteration = fit time / iterations`,
    )
    if (!withSklearn) console.log(`(scikit-learn not available through ${PYTHON}: our timings only)`)
    const shapes: [number, number][] = [
      [100_000, 8],
      [100_000, 20],
      [1_000_000, 8],
      [1_000_000, 20],
    ]
    for (const [rows, cols] of shapes) {
      if (quick && rows >= 1_000_000) {
        console.log(`  ${rows.toLocaleString('en-US')} × ${cols}: skipped (BENCH_QUICK=1)`)
        continue
      }
      const c = await kmeansCase(rows, cols, dir, withSklearn)
      report.kmeans.push(c)
      const it = c.iterations
      let line =
        `  ${rows.toLocaleString('en-US')} × ${cols}: ${it} iterations | ours 1 thread ${ms(c.oursSeconds, it)}/iter ` +
        `(${c.oursSeconds.toFixed(3)} s; first fit, fresh memory, ${ms(c.oursFirstSeconds, it)}/iter), ` +
        `2 threads ${ms(c.oursPoolSeconds, it)}/iter (${c.oursPoolSeconds.toFixed(3)} s)`
      if (c.sklearn) {
        const s1 = c.sklearn.oneThread
        const sd = c.sklearn.defaultThreads
        line +=
          `\n      scikit-learn 1 thread ${ms(s1.seconds, s1.nIter)}/iter (${s1.seconds.toFixed(3)} s, ${s1.nIter} it), ` +
          `default threads ${ms(sd.seconds, sd.nIter)}/iter (${sd.seconds.toFixed(3)} s)` +
          `\n      ratio ours/scikit-learn per iteration: 1 thread ${ratio(c.oursSeconds / it, s1.seconds / s1.nIter)}, ` +
          `2 threads vs default ${ratio(c.oursPoolSeconds / it, sd.seconds / sd.nIter)}` +
          ` | inertia ours ${c.inertia.toFixed(1)}, scikit-learn ${s1.inertia.toFixed(1)}`
      }
      console.log(line)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return report
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main()
}
