/**
 * How a file main made (a report, an export) reaches the user. The desktop asks where to save it before anything is
 * made — a native dialog through the Platform — then writes it whole or not at all. The browser host has no dialog, and
 * a page cannot be handed a path: the bytes wait in memory for one download by the page, through the host's
 * token-guarded /download route, and are dropped when taken or after a few minutes. Nothing is left on disk.
 */
import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'
import type { Platform, SaveFilter } from '../platform/types'
import type { MadeFile } from '../../shared/domain/report'
import { writeAtomic } from '../report/writeAtomic'

export interface FileToMake {
  /** The suggested file name, with its extension. */
  readonly name: string
  /** Its media type, for the download. */
  readonly type: string
  readonly filter: SaveFilter
}

export interface WaitingDownload {
  readonly name: string
  readonly type: string
  readonly bytes: Buffer
}

/** How long made bytes wait for the page to fetch them: long enough for a slow tab, short enough to forget. */
const DOWNLOAD_WAIT_MS = 5 * 60_000

export function createMadeFiles(deps: { platform: Pick<Platform, 'saveFile'>; waitMs?: number }) {
  const waiting = new Map<string, { file: WaitingDownload; timer: NodeJS.Timeout }>()

  return {
    /**
     * Asks where (desktop), makes the bytes, and saves them or keeps them for download. Null when the user cancelled
     * the save dialog; a failure or cancel of `make` leaves nothing.
     */
    async deliver(file: FileToMake, make: () => Promise<Buffer>): Promise<MadeFile | null> {
      if (deps.platform.saveFile) {
        const path = await deps.platform.saveFile(file.name, file.filter)
        if (!path) return null
        const bytes = await make()
        await writeAtomic(path, async () => bytes)
        return { kind: 'saved', path, name: basename(path) }
      }
      const bytes = await make()
      const id = randomBytes(18).toString('base64url')
      const timer = setTimeout(() => waiting.delete(id), deps.waitMs ?? DOWNLOAD_WAIT_MS)
      timer.unref()
      waiting.set(id, { file: { name: file.name, type: file.type, bytes }, timer })
      return { kind: 'download', id, name: file.name }
    },

    /** The bytes kept under `id`, once: a second request, or one after the wait, gets null. */
    take(id: string): WaitingDownload | null {
      const entry = waiting.get(id)
      if (!entry) return null
      waiting.delete(id)
      clearTimeout(entry.timer)
      return entry.file
    },

    clear(): void {
      for (const entry of waiting.values()) clearTimeout(entry.timer)
      waiting.clear()
    },
  }
}

export type MadeFiles = ReturnType<typeof createMadeFiles>
