import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../../shared/errors'

/**
 * Writes a file under a temporary name beside it, then renames it into place: a reader sees the old file or the whole
 * new one, and a failure leaves nothing half-written. `produce` runs before anything touches the disk.
 */
export async function writeAtomic(path: string, produce: () => Promise<Uint8Array | string>): Promise<void> {
  const content = await produce()
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`)
  try {
    writeFileSync(temp, content)
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw new UserError(`Cannot write "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, {
      cause: error,
    })
  }
}
