import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHost, type RunningHost } from '../../../src/main/host/server'
import { createServices } from '../../../src/main/services'
import type { JobInfo } from '../../../src/shared/domain/jobs'
import { newProject, tempDir, testPlatform } from '../helpers/projects'

/**
 * Nothing of the user's data outside the project file: an uploaded file lives in a private folder of this host, and
 * is removed when its import ends, when it will not be imported, and when the host stops.
 */

const mode = (path: string) => statSync(path).mode & 0o777

describe('uploads of the browser host', () => {
  const dir = tempDir()
  const renderer = join(dir.path, 'renderer')
  const uploadDir = join(dir.path, 'data', 'uploads')
  const projectsDir = join(dir.path, 'projects')
  const ended = new Map<string, JobInfo>()
  let host: RunningHost
  let origin: string
  const services = createServices(
    testPlatform(join(dir.path, 'data')),
    (event, payload) => {
      if (event === 'job.updated' && !['queued', 'running'].includes((payload as JobInfo).status))
        ended.set((payload as JobInfo).id, payload as JobInfo)
      host.broadcast(event, payload)
    },
    { version: '1.2.3' },
  )
  const api = services.handlers

  async function upload(name: string, body: string | Buffer, client?: string, on = host): Promise<string> {
    const at = new URL(on.url).origin
    const query = `name=${encodeURIComponent(name)}${client ? `&client=${client}` : ''}`
    const res = await fetch(`${at}/upload?${query}`, {
      method: 'POST',
      headers: { origin: at, 'x-segmentlab-token': on.token },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as { path: string }).path
  }

  /** A request through the host's WebSocket, as the page sends it. */
  async function socket(client: string): Promise<WebSocket> {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api?client=${client}`, {
      headers: { cookie: `segmentlab_token=${host.token}`, origin },
    })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    return ws
  }
  let nextId = 1
  function request<T>(ws: WebSocket, name: string, input: unknown): Promise<T> {
    const id = nextId++
    return new Promise((resolve, reject) => {
      const listener = (raw: WebSocket.RawData) => {
        const message = JSON.parse(String(raw)) as { id?: number; reply?: { ok: boolean; value: T; error: unknown } }
        if (message.id !== id) return
        ws.off('message', listener)
        if (message.reply!.ok) resolve(message.reply!.value)
        else reject(message.reply!.error)
      }
      ws.on('message', listener)
      ws.send(JSON.stringify({ id, name, input }))
    })
  }
  const finished = async (id: string) => {
    await expect.poll(() => ended.has(id), { timeout: 30_000 }).toBe(true)
    return ended.get(id)!
  }

  beforeAll(async () => {
    mkdirSync(renderer, { recursive: true })
    mkdirSync(projectsDir, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    // What a host killed before it could clean up left behind.
    mkdirSync(join(uploadDir, 'host-999999999-XyZ123', 'ab12'), { recursive: true })
    writeFileSync(join(uploadDir, 'host-999999999-XyZ123', 'ab12', 'left.csv'), 'name,email\nAnn,ann@example.com\n')
    host = await startHost({ handlers: api, rendererDir: renderer, uploadDir, projectsDir })
    origin = new URL(host.url).origin
    await api['project.create']({ name: 'Uploads' })
  })
  afterAll(async () => {
    await host.close()
    services.dispose()
    dir.remove()
  })

  it('keeps uploads in a private folder of its own, files readable by this user only, and sweeps a dead host', async () => {
    const path = await upload('people.csv', 'id,name\n1,Ann\n')
    expect(readdirSync(uploadDir)).toEqual([expect.stringMatching(new RegExp(`^host-${process.pid}-`))])
    expect(mode(uploadDir)).toBe(0o700)
    expect(mode(dirname(dirname(path)))).toBe(0o700)
    expect(mode(dirname(path))).toBe(0o700)
    expect(mode(path)).toBe(0o600)
  })

  it('refuses to start when the uploads folder is a link (another user could have prepared it)', async () => {
    const elsewhere = join(dir.path, 'elsewhere')
    mkdirSync(elsewhere)
    const link = join(dir.path, 'linked-uploads')
    symlinkSync(elsewhere, link)
    await expect(startHost({ handlers: api, rendererDir: renderer, uploadDir: link })).rejects.toThrow(/not a plain/)
  })

  it('removes an upload when its import succeeds, fails or is cancelled', async () => {
    const ws = await socket('client-import-1')
    const ok = await upload('ok.csv', 'id,spend\n1,10\n2,20\n', 'client-import-1')
    const job = await request<JobInfo>(ws, 'import.start', { path: ok, name: 'Ok', kind: 'customers' })
    expect((await finished(job.id)).status).toBe('succeeded')
    await expect.poll(() => existsSync(ok)).toBe(false)

    const bad = await upload('bad.csv', Buffer.from([0, 1, 2, 0, 0, 255, 0, 0]), 'client-import-1')
    const failing = await request<JobInfo>(ws, 'import.start', { path: bad, name: 'Bad', kind: 'customers' })
    expect((await finished(failing.id)).status).toBe('failed')
    await expect.poll(() => existsSync(bad)).toBe(false)

    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${i % 97}`).join('\n')
    const big = await upload('big.csv', `id,spend\n${rows}\n`, 'client-import-1')
    const cancelled = await request<JobInfo>(ws, 'import.start', { path: big, name: 'Big', kind: 'customers' })
    await api['jobs.cancel']({ jobId: cancelled.id })
    expect((await finished(cancelled.id)).status).toBe('cancelled')
    await expect.poll(() => existsSync(big)).toBe(false)

    // Asking for a removed upload says what happened rather than "file not found".
    await expect(request(ws, 'import.inspect', { path: ok })).rejects.toMatchObject({ code: 'upload.gone' })
    ws.close()
  })

  it('removes an upload that will not be imported: replaced by the same window, or the window gone', async () => {
    const ws = await socket('client-wizard-1')
    const first = await upload('first.csv', 'a,b\n1,2\n', 'client-wizard-1')
    await request(ws, 'import.inspect', { path: first })
    const second = await upload('second.csv', 'a,b\n1,2\n', 'client-wizard-1')
    const otherWindow = await upload('other.csv', 'a,b\n1,2\n', 'client-other-1')
    await expect.poll(() => existsSync(first)).toBe(false)
    expect(existsSync(second)).toBe(true)

    ws.close()
    await expect.poll(() => existsSync(second)).toBe(false)
    expect(existsSync(otherWindow)).toBe(true)
  })

  it('moves an uploaded project to the projects folder when it is opened, so work on it is kept', async () => {
    const made = tempDir()
    const project = newProject(made.path, 'Shared by a colleague')
    project.close()
    const path = await upload('Shared by a colleague.segmentlab', readFileSync(project.path))
    made.remove()
    const ws = await socket('client-project-1')
    const summary = await request<{ path: string }>(ws, 'project.open', { path })
    expect(dirname(summary.path)).toBe(projectsDir)
    expect(existsSync(path)).toBe(false)
    ws.close()
  })

  it('removes every upload, and its folder, when it stops', async () => {
    const second = await startHost({ handlers: api, rendererDir: renderer, uploadDir })
    const path = await upload('kept-until-stop.csv', 'a,b\n1,2\n', undefined, second)
    const folder = dirname(dirname(path))
    expect(existsSync(path)).toBe(true)
    await second.close()
    expect(existsSync(folder)).toBe(false)
    // The first host, still running, keeps its own.
    expect(readdirSync(uploadDir)).toHaveLength(1)
  })
})
