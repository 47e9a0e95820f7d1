import type { ServerResponse } from 'node:http'

/** A plain-text refusal; a response that has already begun is cut off instead, as nothing more can be said. */
export function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(message)
}
