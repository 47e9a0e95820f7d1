/**
 * `datasets.join` as the app runs it: a 100,000-row customer table and a 100,000-row feature table (one row per
 * customer, ids spelled with spaces and prefixes, two thirds shared), imported, then joined — a job matches the ids
 * and main writes the new table. Prints the time from the request to "succeeded" and the job's own share. The SQL join
 * on trim(text) it replaced took 4.8 s at 8k × 8k, about 12 minutes at this size. Not a test; run with
 * `node --import tsx bench/import/join.ts [rows]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '../../src/main/services'
import { createNodePlatform } from '../../src/main/platform/node'
import type { JobInfo } from '../../src/shared/domain/jobs'

export async function main(rows = Number(process.argv[2] ?? 100_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-bench-'))
  try {
    const customers = join(dir, 'customers.csv')
    const features = join(dir, 'features.csv')
    const id = (n: number) => (n % 3 === 0 ? `C${n}` : n % 3 === 1 ? ` C${n} ` : `C${n}  `)
    writeFileSync(
      customers,
      [
        'CustomerID,Region,Age',
        ...Array.from({ length: rows }, (_, i) => `"${id(i)}",R${i % 7},${20 + (i % 50)}`),
      ].join('\n'),
    )
    writeFileSync(
      features,
      [
        'CustomerID,recency_days,frequency,monetary',
        ...Array.from({ length: rows }, (_, i) => {
          const n = i + Math.floor(rows / 3)
          return `"${id(n)}",${n % 365},${1 + (n % 20)},${((n * 7919) % 100000) / 100}`
        }),
      ].join('\n'),
    )
    const platform = createNodePlatform({
      dataDir: dir,
      resources: resolve('resources'),
      jobEntry: { path: resolve('src/main/jobs/entry.ts'), execArgv: ['--import', 'tsx'] },
    })
    const waiting = new Map<string, (info: JobInfo) => void>()
    const running = new Map<string, number>()
    const matchedAt = new Map<string, number>()
    const services = createServices(
      platform,
      (event, payload) => {
        const info = payload as JobInfo
        if (event !== 'job.updated') return
        if (info.status === 'running' && !running.has(info.id)) running.set(info.id, performance.now())
        if (info.status === 'running' && info.progress?.fraction === 1) matchedAt.set(info.id, performance.now())
        if (info.status !== 'running' && info.status !== 'queued') waiting.get(info.id)?.(info)
      },
      { version: 'bench' },
    )
    const finished = (job: JobInfo) => new Promise<JobInfo>((r) => waiting.set(job.id, r))
    try {
      await services.handlers['project.create']({ name: 'Bench' })
      const imported = async (path: string, name: string) => {
        const job = await services.handlers['import.start']({ path, name, kind: 'customers' })
        const info = await finished(job)
        if (info.status !== 'succeeded') throw new Error(`import ${info.status}: ${info.error?.userMessage}`)
        return info.produced!.datasetId!
      }
      const left = await imported(customers, 'Customers')
      const right = await imported(features, 'Features')
      // The typed-column fills the imports started must not share the clock with the join.
      while (services.jobs.list().some((j) => j.status === 'running' || j.status === 'queued')) {
        await new Promise((r) => setTimeout(r, 50))
      }

      const started = performance.now()
      const job = await services.handlers['datasets.join']({ customersId: left, featuresId: right })
      const info = await finished(job)
      const ended = performance.now()
      const seconds = (ended - started) / 1000
      const count = (n: number) => n.toLocaleString('en')
      console.log(
        `join ${count(rows)} × ${count(rows)} (2/3 matched): ${seconds.toFixed(2)} s request → stored, ` +
          `status ${info.status}${info.produced?.summary ? ` — ${info.produced.summary}` : ''}`,
      )
      const [jobStart, matched] = [running.get(job.id), matchedAt.get(job.id)]
      if (jobStart !== undefined && matched !== undefined) {
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
        console.log(
          `  job: process start (tsx here), reading and matching ids ${s(matched - jobStart)}; ` +
            `main: result in and the write ${s(ended - matched)}`,
        )
      }
    } finally {
      services.dispose()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
