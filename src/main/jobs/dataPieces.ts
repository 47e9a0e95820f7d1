import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { deserialize, serialize } from 'node:v8'

/**
 * Streamed job data (the typed-column fill's columns) travels as files, not as IPC messages. A message of a megabyte
 * crosses the process pipe 64 KB at a time, and only when the job's event loop turns between pieces of work: the
 * transfer then runs at the pace of the job's work, and main and the job take turns instead of working at once
 * (measured on imports, which streamed their rows this way until their job wrote them itself). A file write is one
 * call and main reads it whole. The folder is the job's private temporary one, removed with the process.
 */
const PIECE_PREFIX = 'piece-'

export interface PieceWriter {
  /** Writes one piece and returns the path to send to main. */
  write(data: unknown): string
  /** Removes what main has not taken (a failed or cancelled job). */
  dispose(): void
}

export function createPieceWriter(): PieceWriter {
  let dir: string | null = null
  let next = 0
  return {
    write(data) {
      dir ??= mkdtempSync(join(tmpdir(), 'segmentlab-pieces-'))
      const path = join(dir, `${PIECE_PREFIX}${next++}.bin`)
      writeFileSync(path, serialize(data), { mode: 0o600 })
      return path
    },
    dispose() {
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Main's side: the piece's data; the file is removed once read. Refuses any path that is not a piece file. */
export function takePiece(path: string): unknown {
  if (!basename(path).startsWith(PIECE_PREFIX) || !basename(dirname(path)).startsWith('segmentlab-pieces-')) {
    throw new Error(`Not a job data file: ${path}`)
  }
  const bytes = readFileSync(path)
  unlinkSync(path)
  return deserialize(bytes)
}
