import { request } from 'node:http'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../../src/main/host/server'
import { createServices } from '../../../src/main/services'
import { tempDir, testPlatform } from '../helpers/projects'

interface Answer {
  status: number
  body: string
}

/** Posts `chunks` to /upload; chunked unless a content-length is given, as a browser streaming a File would not be. */
function post(url: string, headers: Record<string, string>, chunks: readonly Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    // The host may close the connection after refusing, while the rest of the body is still being sent.
    req.on('error', (error) => (/EPIPE|ECONNRESET/.test(String(error)) ? undefined : reject(error)))
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

/** Every file below `dir`, so a test can say nothing was kept. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
  } catch {
    return []
  }
}

describe('browser host uploads', () => {
  const dir = tempDir()
  const renderer = join(dir.path, 'renderer')
  const uploadDir = join(dir.path, 'up')
  let host: RunningHost
  let origin: string
  const services = createServices(testPlatform(join(dir.path, 'data')), (e, p) => host.broadcast(e, p), {
    version: '1.2.3',
  })
  const proper = () => ({ origin, 'x-segmentlab-token': host.token, cookie: `segmentlab_token=${host.token}` })

  beforeAll(async () => {
    mkdirSync(renderer, { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head></html>')
    host = await startHost({ handlers: services.handlers, rendererDir: renderer, uploadDir, maxUploadBytes: 1000 })
    origin = new URL(host.url).origin
  })
  afterAll(async () => {
    await host.close()
    services.dispose()
    dir.remove()
  })

  it('hands the page its token in a meta element, for the upload header', async () => {
    const html = await (await fetch(host.url)).text()
    expect(html).toContain(`<meta name="segmentlab-token" content="${host.token}" />`)
  })

  it('keeps a file posted from its own page with the token in a header', async () => {
    const answer = await post(`${origin}/upload?name=people.csv`, proper(), [Buffer.from('id,name\n1,Ann\n')])
    expect(answer.status).toBe(200)
    const { path } = JSON.parse(answer.body) as { path: string }
    expect(path.endsWith('people.csv')).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('id,name\n1,Ann\n')
  })

  it('refuses uploads carrying only the cookie, from another origin, or without the token', async () => {
    const before = filesUnder(uploadDir).length
    const body = [Buffer.from('a,b\n1,2\n')]
    const cookieOnly = { origin, cookie: `segmentlab_token=${host.token}` }
    // Cookies ignore ports: a page served on another 127.0.0.1 port sends ours.
    const otherPort = { ...proper(), origin: 'http://127.0.0.1:1' }
    const noOrigin = { 'x-segmentlab-token': host.token }
    const wrongToken = { ...proper(), 'x-segmentlab-token': 'x'.repeat(host.token.length) }
    for (const headers of [cookieOnly, otherPort, noOrigin, wrongToken]) {
      const answer = await post(`${origin}/upload?name=x.csv`, headers, body)
      expect(answer.status, JSON.stringify(headers)).toBe(403)
    }
    expect((await post(`${origin}/upload?name=x.csv&token=${host.token}`, cookieOnly, body)).status).toBe(403)
    expect(filesUnder(uploadDir).length).toBe(before)
  })

  it('refuses a file over the limit with a message that says so, declared or streamed, and keeps none of it', async () => {
    const before = filesUnder(uploadDir).length
    const declared = await post(`${origin}/upload?name=big.csv`, { ...proper(), 'content-length': '5000' }, [
      Buffer.alloc(5000, 97),
    ])
    expect(declared.status).toBe(413)
    expect(declared.body).toMatch(/"big\.csv" is .*larger than|more than the .* SegmentLab accepts/)
    const streamed = await post(`${origin}/upload?name=big.csv`, proper(), [
      Buffer.alloc(600, 97),
      Buffer.alloc(600, 98),
    ])
    expect(streamed.status).toBe(413)
    expect(streamed.body).toMatch(/^"big\.csv" is larger than the 0 MB the browser version of SegmentLab accepts\./)
    expect(filesUnder(uploadDir).length).toBe(before)
    expect((await fetch(host.url)).status).toBe(200)
  })
})
