import { connect } from 'node:net'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHost, type RunningHost } from '../../../src/main/host/server'
import { createServices } from '../../../src/main/services'
import { tempDir, testPlatform } from '../helpers/projects'

/**
 * The browser host is the only writer of the open project: a request or message that throws inside it ends the
 * session. These tests send what a careless or hostile client might, and check the host answers each and survives.
 */

/** Sends raw bytes on a fresh connection and returns the status line's code (0 when the host just closed it). */
function raw(port: number, text: string | Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.setTimeout(5_000, () => reject(new Error(`no answer to ${JSON.stringify(String(text).slice(0, 80))}`)))
    socket.on('data', (c) => {
      answer += String(c)
      if (/\r\n/.test(answer)) {
        socket.destroy()
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0))
      }
    })
    socket.on('error', () => resolve(0))
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)))
    socket.write(text)
  })
}

/** A small deterministic generator, so a failing case can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

describe('browser host under malformed input', () => {
  const dir = tempDir()
  const renderer = join(dir.path, 'renderer')
  let host: RunningHost
  let origin: string
  let port: number
  const services = createServices(testPlatform(join(dir.path, 'data')), (e, p) => host.broadcast(e, p), {
    version: '1.2.3',
  })

  const alive = async () => {
    const res = await fetch(host.url)
    expect(res.status).toBe(200)
  }

  const openSocket = async (): Promise<WebSocket> => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, {
      headers: { cookie: `segmentlab_token=${host.token}`, origin },
    })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    return ws
  }

  beforeAll(async () => {
    mkdirSync(renderer, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    host = await startHost({ handlers: services.handlers, rendererDir: renderer, uploadDir: join(dir.path, 'up') })
    origin = new URL(host.url).origin
    port = Number(new URL(host.url).port)
  })
  afterAll(async () => {
    await host.close()
    services.dispose()
    dir.remove()
  })

  it('answers 400 to a request-target that is not a URL, with or without the token', async () => {
    const hostHeader = `Host: 127.0.0.1:${port}\r\n`
    expect(await raw(port, `GET http://[ HTTP/1.1\r\n${hostHeader}\r\n`)).toBe(400)
    expect(await raw(port, `GET http://[/?token=${host.token} HTTP/1.1\r\n${hostHeader}\r\n`)).toBe(400)
    expect(
      await raw(port, `GET http://[ HTTP/1.1\r\n${hostHeader}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n`),
    ).toBe(400)
    await alive()
  })

  it('answers 400 to a path that does not decode', async () => {
    const res = await fetch(`${origin}/%c0?token=${host.token}`)
    expect(res.status).toBe(400)
    expect((await fetch(`${origin}/%E0%A4%A?token=${host.token}`)).status).toBe(400)
    await alive()
  })

  it('replies with an error to WebSocket messages that are not requests, and keeps the socket', async () => {
    const ws = await openSocket()
    const replies: unknown[] = []
    ws.on('message', (m) => replies.push(JSON.parse(String(m))))
    const bad = ['null', 'not json', '42', '"text"', '[]', '{}', '{"id":1}', '{"id":2,"name":7}', 'true']
    for (const text of bad) ws.send(text)
    ws.send(Buffer.from([0xff, 0xfe, 0x00]), { binary: true })
    ws.send(JSON.stringify({ id: 3, name: 'app.info', input: {} }))
    await expect.poll(() => replies.length).toBe(bad.length + 2)
    for (const reply of replies.slice(0, -1))
      expect(reply).toMatchObject({ reply: { ok: false, error: { code: 'request.invalid' } } })
    expect(replies.at(-1)).toMatchObject({ id: 3, reply: { ok: true } })
    ws.close()
    await alive()
  })

  it('survives a few hundred malformed requests and messages and still answers', async () => {
    const random = lcg(15)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
    const junk = (n: number) =>
      Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256))).toString('latin1')
    const targets = [
      'http://[',
      '/%c0',
      '/%',
      '/%%32%30',
      '//evil.test/',
      '*',
      '/upload?name=%ff',
      '/../../../etc/passwd',
      '/api',
      `/?token=${host.token}%`,
      '/' + 'a'.repeat(9000),
    ]
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'BREW', '']
    const sent: Promise<number>[] = []
    for (let i = 0; i < 300; i++) {
      const target = random() < 0.2 ? junk(20) : pick(targets) + (random() < 0.5 ? `?token=${host.token}` : '')
      const headers = [
        `Host: ${pick([`127.0.0.1:${port}`, 'evil.test', '', junk(8)])}`,
        random() < 0.3 ? `Cookie: segmentlab_token=${host.token}` : `Cookie: ${junk(10)}`,
        random() < 0.3 ? 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13' : '',
        random() < 0.3 ? `Content-Length: ${pick(['5', '-1', 'x', '99999999999999999999'])}` : '',
        random() < 0.2 ? `Origin: ${pick([origin, 'null', junk(6)])}` : '',
      ].filter(Boolean)
      sent.push(raw(port, `${pick(methods)} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${junk(5)}`))
      // A few at a time: the host is tested, not the machine's file descriptors.
      if (sent.length % 20 === 0) await Promise.all(sent.slice(-20))
    }
    await Promise.all(sent)
    await alive()

    const ws = await openSocket()
    let replies = 0
    ws.on('message', () => replies++)
    const shapes = [
      () => junk(30),
      () => JSON.stringify(null),
      () => JSON.stringify({ id: random(), name: pick(['app.info', 'import.start', '__proto__', 'constructor']) }),
      () => JSON.stringify({ id: {}, name: 'project.open', input: { path: join(dir.path, 'missing.segmentlab') } }),
      () => JSON.stringify({ id: 1, name: 'datasets.page', input: { datasetId: 'x', offset: -1, limit: 1e12 } }),
      () => JSON.stringify({ __proto__: { polluted: true }, name: 'app.info', input: [] }),
      () => JSON.stringify([1, 2, 3]),
    ]
    const messages = 300
    for (let i = 0; i < messages; i++) ws.send(pick(shapes)())
    await expect.poll(() => replies, { timeout: 20_000 }).toBe(messages)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    ws.close()
    await alive()
  })
})
