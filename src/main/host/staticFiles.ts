import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { contentSecurityPolicy } from '../security/csp'
import { TOKEN_COOKIE, TOKEN_META } from './token'
import { refuse } from './respond'

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

/**
 * Serves the built renderer: a file under `root`, or index.html for any other path (the app routes itself). `path` is
 * already percent-decoded; anything that would leave `root` is not found.
 */
export function serveStatic(res: ServerResponse, root: string, path: string, origin: string, token: string): void {
  const relative = normalize(path).replace(/^([/\\])+/, '')
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
    res.writeHead(200, headers)
    return void res.end(withTokenMeta(readFileSync(file, 'utf8'), token))
  }
  res.writeHead(200, headers)
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

/**
 * The page's own code needs the token for uploads, which must carry it in a header; the cookie is HttpOnly, so the
 * page gets it here. Only a request that already proved it has the token is served this page.
 */
export function withTokenMeta(html: string, token: string): string {
  return html.replace(/<head[^>]*>/i, (head) => `${head}<meta name="${TOKEN_META}" content="${token}" />`)
}
