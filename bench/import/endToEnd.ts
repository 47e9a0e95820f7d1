/**
 * End-to-end import as the app does it: a job process reads and types a 1,000,000 × 20 CSV and streams it to main,
 * which writes it into the project through a staging table. Prints rows per second and the peak memory of both
 * processes (Linux: VmHWM from /proc). Not a test; run with `node --import tsx bench/import/endToEnd.ts [rows]`.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { once } from 'node:events'
import { createServices } from '../../src/main/services'
import { createNodePlatform } from '../../src/main/platform/node'
import type { JobInfo } from '../../src/shared/domain/jobs'

async function writeCsv(path: string, rows: number): Promise<void> {
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

function peakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

export async function main(
  rows = Number(process.argv[2] ?? (process.env.BENCH_QUICK ? 200_000 : 1_000_000)),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-bench-'))
  try {
    const csv = join(dir, 'big.csv')
    await writeCsv(csv, rows)
    const pids: number[] = []
    const base = createNodePlatform({
      dataDir: dir,
      resources: resolve('resources'),
      jobEntry: { path: resolve('src/main/jobs/entry.ts'), execArgv: ['--import', 'tsx'] },
    })
    let jobPeak = 0
    const platform = {
      ...base,
      spawnJob: () => {
        const c = base.spawnJob()
        pids.push(c.pid!)
        return c
      },
    }
    let finished: (info: JobInfo) => void = () => {}
    const done = new Promise<JobInfo>((r) => (finished = r))
    const services = createServices(
      platform,
      (event, payload) => {
        const info = payload as JobInfo
        if (event === 'job.updated' && info.status !== 'running' && info.status !== 'queued') finished(info)
      },
      { version: 'bench' },
    )
    await services.handlers['project.create']({ name: 'Bench' })
    const poll = setInterval(() => {
      for (const pid of pids) jobPeak = Math.max(jobPeak, peakKb(pid))
    }, 100)
    const started = performance.now()
    await services.handlers['import.start']({ path: csv, name: 'Big', kind: 'customers' })
    const info = await done
    const seconds = (performance.now() - started) / 1000
    clearInterval(poll)
    const mainPeak = process.resourceUsage().maxRSS
    services.dispose()
    const mb = (kb: number) => `${Math.round(kb / 1024)} MB`
    console.log(
      `file: ${rows.toLocaleString('en')} rows × 20 columns, ${Math.round(statSync(csv).size / 1024 ** 2)} MB; status ${info.status}`,
    )
    console.log(`import end to end: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s`)
    console.log(`peak memory: main ${mb(mainPeak)}, job process ${mb(jobPeak)} (limit 2,048 MB)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
