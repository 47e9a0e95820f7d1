import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, extname, join, normalize, sep } from 'node:path'
import { randomBytes } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Handlers } from '../../shared/api'
import { contentSecurityPolicy } from '../security/csp'
import { dispatch } from '../services/dispatch'
import { newToken, TOKEN_COOKIE, tokenFromCookie, tokenMatches } from './token'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface HostOptions {
  readonly handlers: Handlers
  /** Folder of the built renderer (index.html and assets). */
  readonly rendererDir: string
  /** Where uploaded files wait to be imported (the browser cannot hand us a path the way a native dialog does). */
  readonly uploadDir: string
  readonly port?: number
  readonly token?: string
}

export interface RunningHost {
  readonly url: string
  readonly token: string
  readonly server: Server
  /** Sends an event to every connected window. */
  broadcast(event: string, payload: unknown): void
  close(): Promise<void>
}

/**
 * The browser host's transport: the built renderer over HTTP and the Api over a WebSocket, on loopback only, behind a
 * random per-launch token. It adds a message pump to the same handlers the Electron shell binds, nothing more.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken()
  const sockets = new Set<WebSocket>()
  let origin = ''

  const authorised = (req: IncomingMessage, url: URL): boolean =>
    hostHeaderIsLoopback(req, url.port) &&
    (tokenMatches(token, url.searchParams.get('token')) || tokenMatches(token, tokenFromCookie(req.headers.cookie)))

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    url.port = String((server.address() as { port: number }).port)
    if (!authorised(req, url))
      return refuse(res, 403, 'SegmentLab: open the address printed by `npm run host` (it carries the access token).')
    if (req.method === 'POST' && url.pathname === '/upload') return void upload(req, res, url, options.uploadDir)
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    serveStatic(res, options.rendererDir, url.pathname, origin, token)
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    url.port = String((server.address() as { port: number }).port)
    const sameOrigin = req.headers.origin === origin
    if (url.pathname !== '/api' || !sameOrigin || !authorised(req, url)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n')
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', (raw) => {
        let message: { id?: unknown; name?: unknown; input?: unknown }
        try {
          message = JSON.parse(String(raw))
        } catch {
          return
        }
        void dispatch(options.handlers, message.name, message.input).then((reply) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, reply }))
        })
      })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as { port: number }).port
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    token,
    server,
    broadcast(event, payload) {
      const text = JSON.stringify({ event, payload })
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text)
    },
    close: () =>
      new Promise((resolve) => {
        for (const ws of sockets) ws.terminate()
        wss.close()
        server.close(() => resolve())
      }),
  }
}

/** Refuses requests whose Host header is not our loopback address: a guard against DNS rebinding. */
function hostHeaderIsLoopback(req: IncomingMessage, port: string): boolean {
  const host = req.headers.host ?? ''
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(message)
}

function serveStatic(res: ServerResponse, root: string, pathname: string, origin: string, token: string): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) return refuse(res, 404, 'Not found')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  const headers: Record<string, string> = {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  }
  if (file.endsWith('.html')) {
    headers['content-security-policy'] = contentSecurityPolicy({ connect: [origin.replace('http', 'ws')] })
    // The token came in the address; from now on the page and its WebSocket carry it as a same-site cookie.
    headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
  }
  res.writeHead(200, headers)
  createReadStream(file).pipe(res)
}

async function upload(req: IncomingMessage, res: ServerResponse, url: URL, dir: string): Promise<void> {
  const name = basename(url.searchParams.get('name') ?? 'upload').replace(/[^\p{L}\p{N}._ -]+/gu, '_') || 'upload'
  const folder = join(dir, randomBytes(8).toString('hex'))
  try {
    await mkdir(folder, { recursive: true })
    const path = join(folder, name)
    await pipeline(req, createWriteStream(path))
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ path }))
  } catch (error) {
    refuse(res, 500, `Upload failed: ${String(error)}`)
  }
}
