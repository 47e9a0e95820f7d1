import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHost, type RunningHost } from '../../../src/main/host/server'
import { createServices } from '../../../src/main/services'
import { tempDir, testPlatform } from '../helpers/projects'

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser host', () => {
  const dir = tempDir()
  const renderer = join(dir.path, 'renderer')
  let host: RunningHost
  let origin: string
  const services = createServices(testPlatform(join(dir.path, 'data')), (e, p) => host.broadcast(e, p), {
    version: '1.2.3',
  })

  beforeAll(async () => {
    mkdirSync(renderer, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    host = await startHost({ handlers: services.handlers, rendererDir: renderer, uploadDir: join(dir.path, 'up') })
    origin = new URL(host.url).origin
  })
  afterAll(async () => {
    await host.close()
    services.dispose()
    dir.remove()
  })

  it('listens on loopback only and prints an address carrying the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    expect((host.server.address() as { address: string }).address).toBe('127.0.0.1')
  })

  it('refuses pages without the token or with a foreign Host header, and serves them with a strict CSP otherwise', async () => {
    expect((await get(`${origin}/`)).status).toBe(403)
    expect((await get(`${origin}/?token=wrong`)).status).toBe(403)
    expect((await get(host.url, { host: 'evil.test' })).status).toBe(403)
    const ok = await get(host.url)
    expect(ok.status).toBe(200)
    expect(String(ok.headers['content-security-policy'])).toContain("script-src 'self'")
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('answers the Api over a WebSocket from its own origin with the token, and refuses other origins', async () => {
    const cookie = `segmentlab_token=${host.token}`
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, { headers: { cookie, origin } })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const reply = new Promise<unknown>((resolve) => ws.once('message', (m) => resolve(JSON.parse(String(m)))))
    ws.send(JSON.stringify({ id: 7, name: 'app.info', input: {} }))
    expect(await reply).toEqual({
      id: 7,
      reply: { ok: true, value: expect.objectContaining({ version: '1.2.3', shell: 'browser' }) },
    })
    ws.close()

    const foreign = new WebSocket(`${origin.replace('http', 'ws')}/api`, {
      headers: { cookie, origin: 'http://evil.test' },
    })
    const refused = await new Promise<string>((resolve) => {
      foreign.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      foreign.once('error', (e) => resolve(e.message))
    })
    expect(refused).toMatch(/403/)
  })
})
