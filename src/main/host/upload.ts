import type { IncomingMessage, ServerResponse } from 'node:http'
import { basename } from 'node:path'
import { Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { refuse } from './respond'

/** A place for one upload's bytes: the path the services will read, and a way to drop it if the bytes stop short. */
export interface UploadTarget {
  readonly path: string
  readonly file: Writable
  discard(): Promise<void>
}

/** Opens a new place for an upload named `name`. */
export type StoreUpload = (name: string) => Promise<UploadTarget>

/** The request was refused before its bytes were kept; `status` and `message` say why, to the person uploading. */
class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A file name that is safe as the last part of a path and still recognisable: it becomes the dataset's source. */
export function uploadName(requested: string | null): string {
  return basename(requested ?? 'upload').replace(/[^\p{L}\p{N}._ -]+/gu, '_') || 'upload'
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`
}

function tooLarge(name: string, maxBytes: number, size?: number): UploadRefused {
  const is = size === undefined ? 'is larger than' : `is ${megabytes(size)}, more than`
  return new UploadRefused(
    413,
    `"${name}" ${is} the ${megabytes(maxBytes)} the browser version of SegmentLab accepts. ` +
      'Split the file, or open it in the desktop app.',
  )
}

/** Passes bytes through until there are more than `maxBytes`, then fails the stream, so nothing more is written. */
function byteLimit(maxBytes: number, refusal: () => Error): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      done(seen > maxBytes ? refusal() : null, chunk)
    },
  })
}

/**
 * Receives one file posted by the page (a browser cannot hand over a path the way a native dialog does). The caller
 * has checked who sends it; this checks how much: a declared size over the limit is refused before a byte is kept,
 * and a stream that runs past it is cut off and what was written removed.
 */
export async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: { maxBytes: number; store: StoreUpload; stored: (path: string) => void },
): Promise<void> {
  const name = uploadName(url.searchParams.get('name'))
  try {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > options.maxBytes) throw tooLarge(name, options.maxBytes, declared)
    const target = await options.store(name)
    try {
      await pipeline(
        req,
        byteLimit(options.maxBytes, () => tooLarge(name, options.maxBytes)),
        target.file,
      )
    } catch (error) {
      await target.discard()
      throw error
    }
    options.stored(target.path)
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(JSON.stringify({ path: target.path }))
  } catch (error) {
    // The rest of the body is not wanted; closing the connection after the answer stops the client sending it.
    res.setHeader('connection', 'close')
    if (error instanceof UploadRefused) refuse(res, error.status, error.message)
    else {
      console.error(`[host] upload of "${name}" failed: ${String(error)}`)
      refuse(res, 500, `SegmentLab could not keep "${name}" for import. Is the disk full?`)
    }
    req.resume()
  }
}
