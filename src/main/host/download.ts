import type { ServerResponse } from 'node:http'
import type { WaitingDownload } from '../services/madeFiles'
import { refuse } from './respond'

/** Where made files wait for the page (services/madeFiles); each is given out once. */
export interface DownloadSource {
  take(id: string): WaitingDownload | null
}

/**
 * Answers the page's request for a file main made for it (a report, an export), once. The caller has checked who asks
 * (the same Origin and token header as an upload: the bytes are the user's data). The file goes out as an attachment
 * that nothing may sniff or cache.
 */
export function sendDownload(res: ServerResponse, url: URL, source: DownloadSource): void {
  const id = url.searchParams.get('id') ?? ''
  const file = /^[\w-]{8,64}$/.test(id) ? source.take(id) : null
  if (!file) return refuse(res, 404, 'That file is no longer waiting to be downloaded. Make it again.')
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': String(file.bytes.length),
    'content-disposition': contentDisposition(file.name),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A report opened from here would run as our origin: it has no script, and this forbids any.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
  })
  res.end(file.bytes)
}

/** `attachment` with an ASCII fallback name and the exact name in UTF-8 (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
