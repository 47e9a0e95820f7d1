import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Handlers, Reply } from '../../shared/api'
import { dispatch } from '../services/dispatch'
import { newToken, TOKEN_HEADER, tokenFromCookie, tokenMatches } from './token'
import { decodePath, parseRequestTarget } from './requestTarget'
import { invalidMessageReply, parseWsMessage } from './wsMessages'
import { serveStatic } from './staticFiles'
import { refuse } from './respond'
import { receiveUpload } from './upload'
import { sendDownload, type DownloadSource } from './download'
import { UploadFolder } from './uploadFolder'
import { UploadLifetime } from './uploadLifetime'

export interface HostOptions {
  readonly handlers: Handlers
  /** Folder of the built renderer (index.html and assets). */
  readonly rendererDir: string
  /**
   * A private folder (0700, ours) under which this host keeps uploaded files in a folder of its own until they are
   * imported (the browser cannot hand us a path the way a native dialog does); what a killed host left there is swept.
   */
  readonly uploadDir: string
  /** Where an uploaded project is moved when opened, so that work on it is kept. */
  readonly projectsDir?: string
  /** Files main made for the page to download (reports, exports), served once each by POST /download. */
  readonly downloads?: DownloadSource
  /** The largest file accepted by upload; 512 MB unless told. */
  readonly maxUploadBytes?: number
  readonly port?: number
  readonly token?: string
}

const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024

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
 *
 * It is also the only writer of the open project, so nothing a client sends may throw out of a request, upgrade or
 * message handler: a malformed request gets a 400, a malformed message an error reply, a broken socket is dropped.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken()
  const sockets = new Set<WebSocket>()
  const uploads = UploadFolder.create(options.uploadDir)
  const lifetime = new UploadLifetime(uploads, options.projectsDir)
  const handlers = lifetime.wrap(options.handlers)
  /** Open WebSockets per window, so a window's uploads are dropped when its last socket closes. */
  const windows = new Map<string, number>()
  let origin = ''
  let port = 0

  const authorised = (req: IncomingMessage, url: URL): boolean =>
    hostHeaderIsLoopback(req, port) &&
    (tokenMatches(token, url.searchParams.get('token')) || tokenMatches(token, tokenFromCookie(req.headers.cookie)))

  /**
   * An upload writes to disk and a download hands out the user's data, so they ask more than a page does: the token in
   * a header (a cross-origin page cannot set one without a preflight we never grant, and cookies ignore ports) and our
   * own Origin, as the WebSocket does.
   */
  const uploadAuthorised = (req: IncomingMessage): boolean =>
    hostHeaderIsLoopback(req, port) &&
    req.headers.origin === origin &&
    tokenMatches(token, headerValue(req.headers[TOKEN_HEADER]))

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = parseRequestTarget(req.url, port)
    if (!url) return refuse(res, 400, 'Bad request')
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed')
      if (!uploadAuthorised(req))
        return refuse(res, 403, 'SegmentLab accepts files only from its own page. Reload the page and try again.')
      return void receiveUpload(req, res, url, {
        maxBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
        store: (name) => uploads.open(name),
        stored: (path) => lifetime.added(path, clientOf(url)),
      })
    }
    if (url.pathname === '/download') {
      // POST, not GET: a browser sends Origin on a same-origin POST, and the route hands out the user's data.
      if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed')
      if (!uploadAuthorised(req) || !options.downloads)
        return refuse(res, 403, 'SegmentLab gives files only to its own page. Reload the page and try again.')
      req.resume()
      return sendDownload(res, url, options.downloads)
    }
    if (!authorised(req, url))
      return refuse(res, 403, 'SegmentLab: open the address printed by `npm run host` (it carries the access token).')
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    const path = decodePath(url.pathname)
    if (path === null) return refuse(res, 400, 'Bad request')
    serveStatic(res, options.rendererDir, path, origin, token)
  }

  const server = createServer((req, res) => {
    try {
      handleRequest(req, res)
    } catch (error) {
      console.error(`[host] ${req.method} request failed: ${String(error)}`)
      refuse(res, 500, 'SegmentLab could not answer this request.')
    }
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 })

  const answer = (ws: WebSocket, id: unknown, reply: Reply): void => {
    if (ws.readyState !== ws.OPEN) return
    try {
      ws.send(JSON.stringify({ id, reply }))
    } catch (error) {
      // A handler's value that does not serialise is our bug; the client still hears that its request failed.
      ws.send(
        JSON.stringify({
          id,
          reply: {
            ok: false,
            error: {
              userMessage: 'SegmentLab could not send its answer.',
              detail: String(error),
              code: 'reply.unsendable',
            },
          },
        }),
      )
    }
  }

  const accept = (ws: WebSocket, client: string | null): void => {
    sockets.add(ws)
    if (client) windows.set(client, (windows.get(client) ?? 0) + 1)
    ws.on('close', () => {
      sockets.delete(ws)
      if (!client) return
      const open = (windows.get(client) ?? 1) - 1
      if (open > 0) return void windows.set(client, open)
      windows.delete(client)
      lifetime.clientGone(client)
    })
    // A frame the protocol forbids (bad UTF-8, too large) is reported here; without a listener it would end the host.
    ws.on('error', () => ws.terminate())
    ws.on('message', (raw, isBinary) => {
      const message = parseWsMessage(raw, isBinary)
      if (!message.ok) return answer(ws, message.id, invalidMessageReply(message.problem))
      void dispatch(handlers, message.name, message.input).then((reply) => answer(ws, message.id, reply))
    })
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    try {
      const url = parseRequestTarget(req.url, port)
      if (!url) return closeUpgrade(socket, '400 Bad Request')
      const sameOrigin = req.headers.origin === origin
      if (url.pathname !== '/api' || !sameOrigin || !authorised(req, url)) return closeUpgrade(socket, '403 Forbidden')
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, clientOf(url)))
    } catch (error) {
      console.error(`[host] WebSocket upgrade failed: ${String(error)}`)
      closeUpgrade(socket, '400 Bad Request')
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as { port: number }).port
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    token,
    server,
    broadcast(event, payload) {
      lifetime.onEvent(event, payload)
      const text = JSON.stringify({ event, payload })
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text)
    },
    close: () =>
      new Promise((resolve) => {
        for (const ws of sockets) ws.terminate()
        wss.close()
        server.close(() => {
          uploads.removeAll()
          resolve()
        })
        server.closeAllConnections()
      }),
  }
}

function closeUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

/** Refuses requests whose Host header is not our loopback address: a guard against DNS rebinding. */
function hostHeaderIsLoopback(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? ''
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value
}

/** The window a request comes from, when it says: a random id its bridge puts on its upload and its WebSocket. */
function clientOf(url: URL): string | null {
  const client = url.searchParams.get('client')
  return client && /^[\w-]{8,64}$/.test(client) ? client : null
}
