import { createWriteStream, rmSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, join, resolve, sep } from 'node:path'
import { makeOwnedDir, sweepOrphans } from '../platform/privateDir'
import type { UploadTarget } from './upload'

const HOST_UPLOADS = 'host'

/**
 * Where this host keeps uploaded files until they are imported: a folder of its own (0700) under a private parent,
 * one sub-folder per upload (so the file keeps its name, which becomes the dataset's source), files 0600. What a
 * killed host left under the same parent is removed when the next one starts.
 */
export class UploadFolder {
  private constructor(readonly root: string) {}

  /** Sweeps what dead hosts left under `parent`, then makes this host's folder there. */
  static create(parent: string): UploadFolder {
    sweepOrphans(parent, HOST_UPLOADS)
    return new UploadFolder(makeOwnedDir(parent, HOST_UPLOADS))
  }

  async open(name: string): Promise<UploadTarget> {
    const folder = join(this.root, randomBytes(8).toString('hex'))
    await mkdir(folder, { mode: 0o700 })
    const path = join(folder, name)
    // 'wx': a fresh file, never one that someone put there first.
    const file = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    return { path, file, discard: () => this.remove(path) }
  }

  /** Whether `path` is inside this host's folder (the services get only paths: this is how uploads are told apart). */
  owns(path: string): boolean {
    return resolve(path).startsWith(this.root + sep)
  }

  /** Removes one upload (its own folder); any other path, ours or not, is left alone. */
  async remove(path: string): Promise<void> {
    const folder = dirname(resolve(path))
    if (dirname(folder) === this.root) await rm(folder, { recursive: true, force: true })
  }

  /** Removes every upload and the folder itself, when the host stops. */
  removeAll(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}
