import { request } from 'node:http'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceHarness, sharedData, type ServiceHarness } from '../helpers/services'
import { startHost, type RunningHost } from '../../../src/main/host/server'
import { createMadeFiles } from '../../../src/main/services/madeFiles'
import { parseRequestInput } from '../../../src/shared/api'
import type { ClusterRun } from '../../../src/shared/domain/cluster'
import type { MadeFile } from '../../../src/shared/domain/report'

/** The Report step's requests on a described run of the Wholesale customers: real services and job processes. */
describe('report files service', () => {
  let h: ServiceHarness
  let run: ClusterRun
  beforeAll(async () => {
    h = serviceHarness()
    const api = h.services.handlers
    await api['project.create']({ name: 'Wholesale / test' })
    const imported = await api['import.start']({
      path: sharedData('customers/Wholesale customers data.csv'),
      name: 'Wholesale',
      kind: 'customers',
    })
    const datasetId = (await h.finished(imported.id)).produced!.datasetId!
    const features = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']
    const job = await api['cluster.run'](parseRequestInput('cluster.run', { datasetId, features, k: 3 }))
    const runId = (await h.finished(job.id)).produced!.runId!
    await api['runs.choose']({ runId })
    expect((await h.finished((await api['jobs.understand']({ runId })).id)).status).toBe('succeeded')
    run = await api['runs.get']({ runId })
  }, 120_000)
  afterAll(() => h.dispose())

  const call = <K extends 'report.preview' | 'report.make' | 'exports.table' | 'report.cancel'>(
    name: K,
    input: unknown,
  ) => h.services.handlers[name](parseRequestInput(name, input) as never) as ReturnType<(typeof h.services.handlers)[K]>

  const download = (made: MadeFile | null) => {
    expect(made?.kind).toBe('download')
    const file = h.services.downloads.take((made as { id: string }).id)
    expect(file).not.toBeNull()
    return file!
  }

  it('previews the chosen sections without inline styles', async () => {
    const all = await call('report.preview', {})
    for (const s of run.segments) expect(all.html).toContain(s.name)
    expect(all.html).not.toMatch(/<style|\sstyle=/)
    const fewer = await call('report.preview', {
      sections: { cover: true, summary: true, method: false, overview: true, segments: true, appendix: false },
    })
    expect(all.html).toContain('id="appendix"')
    expect(fewer.html).not.toContain('id="appendix"')
    expect(fewer.html).not.toContain('id="method"')
  })

  it('makes the report as HTML for download, once, with progress events named by the build', async () => {
    const made = await call('report.make', { format: 'html', buildId: 'build-html-1', paper: 'Letter' })
    expect(made).toMatchObject({ kind: 'download', name: 'Wholesale test report.html' })
    const file = download(made)
    expect(file.type).toContain('text/html')
    const html = file.bytes.toString('utf8')
    expect(html).toContain('size: letter portrait')
    for (const s of run.segments) expect(html).toContain(s.name)
    expect(h.services.downloads.take((made as { id: string }).id)).toBeNull()
    const progress = h.events.filter(
      (e) => e.name === 'report.progress' && (e.payload as { buildId: string }).buildId === 'build-html-1',
    )
    expect(progress.length).toBeGreaterThan(2)
  })

  it('stops a build on cancel and keeps nothing for download', async () => {
    const made = call('report.make', { format: 'html', buildId: 'build-cancel' })
    expect(await call('report.cancel', { buildId: 'build-cancel' })).toBe(true)
    await expect(made).rejects.toMatchObject({ code: 'job.cancelled' })
    expect(await call('report.cancel', { buildId: 'build-cancel' })).toBe(false)
  })

  it('exports membership as CSV: one row per customer, names of the run, codes on request', async () => {
    const file = download(await call('exports.table', { table: 'membership', format: 'csv', pseudonymise: true }))
    expect(file.type).toContain('text/csv')
    const rows = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['Row', 'Segment', 'Segment number', 'Pseudonymised id'])
    expect(rows).toHaveLength(run.n + 1)
    const names = new Set(run.segments.map((s) => s.name))
    expect(rows.slice(1).every((r) => names.has(r[1]) && /^C-[0-9A-F]{8}$/.test(r[3]))).toBe(true)
    const counted = run.segments.map((s) => rows.filter((r) => r[2] === String(s.segment + 1)).length)
    expect(counted).toEqual(run.sizes)
  })

  it('exports profiles as XLSX', async () => {
    const file = download(await call('exports.table', { table: 'profiles', format: 'xlsx' }))
    expect(file.name).toBe('Wholesale test segment profiles.xlsx')
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK')
  })
})

describe('made files', () => {
  it('on the desktop asks where first, writes there whole, and makes nothing when the dialog is cancelled', async () => {
    const dir = join(readdirSync('/tmp').length ? '/tmp' : '.', `segmentlab-made-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    const answers: (string | null)[] = [join(dir, 'out.pdf'), null]
    let made = 0
    const files = createMadeFiles({ platform: { saveFile: async () => answers.shift()! } })
    const make = async () => {
      made++
      return Buffer.from('%PDF-1.7')
    }
    const file = { name: 'r.pdf', type: 'application/pdf', filter: { name: 'PDF', extensions: ['pdf'] } }
    expect(await files.deliver(file, make)).toEqual({ kind: 'saved', path: join(dir, 'out.pdf'), name: 'out.pdf' })
    expect(readFileSync(join(dir, 'out.pdf'), 'utf8')).toBe('%PDF-1.7')
    expect(await files.deliver(file, make)).toBeNull()
    expect(made).toBe(1)
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false)
  })

  it('in the browser keeps the bytes for one download, then forgets them', async () => {
    const files = createMadeFiles({ platform: {}, waitMs: 20 })
    const made = await files.deliver(
      { name: 'x.csv', type: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } },
      async () => Buffer.from('a'),
    )
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(files.take((made as { id: string }).id)).toBeNull()
  })
})

describe('browser host downloads', () => {
  const files = createMadeFiles({ platform: {} })
  let host: RunningHost
  let origin: string
  const dir = `/tmp/segmentlab-dl-${process.pid}`

  const post = (path: string, headers: Record<string, string>, method = 'POST') =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(`${origin}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })

  beforeAll(async () => {
    mkdirSync(join(dir, 'renderer'), { recursive: true })
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head></html>')
    host = await startHost({
      handlers: {} as never,
      rendererDir: join(dir, 'renderer'),
      uploadDir: join(dir, 'up'),
      downloads: files,
    })
    origin = new URL(host.url).origin
  })
  afterAll(() => host.close())

  it('gives a made file once, to our own page with the token header only', async () => {
    const made = (await files.deliver(
      { name: 'Zoë report.pdf', type: 'application/pdf', filter: { name: 'PDF', extensions: ['pdf'] } },
      async () => Buffer.from('%PDF'),
    )) as { id: string }
    const path = `/download?id=${made.id}`
    const token = { 'x-segmentlab-token': host.token }
    expect((await post(path, { ...token, origin }, 'GET')).status).toBe(405)
    expect((await post(path, token)).status).toBe(403)
    expect((await post(path, { ...token, origin: 'http://evil.example' })).status).toBe(403)
    expect((await post(path, { origin, 'x-segmentlab-token': 'wrong' })).status).toBe(403)
    const ok = await post(path, { ...token, origin })
    expect(ok.status).toBe(200)
    expect(ok.body.toString()).toBe('%PDF')
    expect(ok.headers['content-type']).toBe('application/pdf')
    expect(ok.headers['content-disposition']).toBe(
      `attachment; filename="Zo_ report.pdf"; filename*=UTF-8''Zo%C3%AB%20report.pdf`,
    )
    expect((await post(path, { ...token, origin })).status).toBe(404)
  })
})
