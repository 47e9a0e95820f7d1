import { open, stat } from 'node:fs/promises'
import { FileProblem, fileName, fromFsError } from './problems'

/** What the first bytes of a file say it is, before any text decoding. */
export type Magic = 'zip' | 'ole' | 'pdf' | 'gzip' | 'image' | null

export interface FileSamples {
  readonly size: number
  /** The first `headBytes` bytes (all of a small file). */
  readonly head: Uint8Array
  /** Head plus up to two further slices from the middle and the end, for encoding detection. */
  readonly samples: readonly Uint8Array[]
  readonly magic: Magic
}

export const headBytes = 64 * 1024
const sliceBytes = 16 * 1024

/** Reads the parts of a file needed to sniff it; every fs failure becomes a FileProblem naming the file. */
export async function readSamples(path: string): Promise<FileSamples> {
  let size: number
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    size = info.size
  } catch (error) {
    throw fromFsError(path, error)
  }
  if (size === 0) throw emptyFile(path)
  try {
    const handle = await open(path, 'r')
    try {
      const head = await readAt(handle, 0, Math.min(size, headBytes))
      const samples = [head]
      if (size > headBytes + 2 * sliceBytes) {
        samples.push(await readAt(handle, Math.floor(size / 2), sliceBytes))
        samples.push(await readAt(handle, size - sliceBytes, sliceBytes))
      }
      return { size, head, samples, magic: magicOf(head) }
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error
    throw fromFsError(path, error)
  }
}

async function readAt(handle: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length)
  let done = 0
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done)
    if (bytesRead === 0) break
    done += bytesRead
  }
  return buffer.subarray(0, done)
}

function magicOf(b: Uint8Array): Magic {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x)
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole'
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'
  if (starts(0x1f, 0x8b)) return 'gzip'
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image'
  return null
}

export function emptyFile(path: string): FileProblem {
  return new FileProblem('empty', path, `"${fileName(path)}" is empty: there is nothing to import.`)
}

/** The one-line problem for files that are not tables, by what their first bytes say. */
export function notATable(path: string, magic: Exclude<Magic, 'zip' | null>): FileProblem {
  const name = fileName(path)
  switch (magic) {
    case 'ole':
      return new FileProblem(
        'unsupportedFormat',
        path,
        `"${name}" is an old-style Excel (.xls) or Office file. Open it in Excel and save it as .xlsx or CSV, then import that.`,
        { detail: 'OLE2 compound document signature' },
      )
    case 'pdf':
      return new FileProblem(
        'unsupportedFormat',
        path,
        `"${name}" is a PDF document, not a table. Export the data as CSV or Excel instead.`,
        { detail: '%PDF signature' },
      )
    case 'gzip':
      return new FileProblem(
        'unsupportedFormat',
        path,
        `"${name}" is compressed (gzip). Unpack it first, then import the CSV inside.`,
        { detail: 'gzip signature' },
      )
    case 'image':
      return new FileProblem('binary', path, `"${name}" is an image, not a table.`, { detail: 'image signature' })
  }
}
