import { constants, copyFileSync, rmSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'

/** `name.segmentlab`, or `name (2).segmentlab` and so on when taken. Never overwrites an existing file. */
function placeIn(dir: string, file: string, move: (target: string) => void): string {
  const ext = extname(file)
  const stem = basename(file, ext)
  for (let n = 1; ; n++) {
    const target = join(dir, n === 1 ? file : `${stem} (${n})${ext}`)
    try {
      move(target)
      return target
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

/**
 * Opens an uploaded project from the projects folder rather than from the upload folder: the user's edits go to a
 * file that is kept (and listed in recent projects), not to a temporary copy removed when the host stops. A file that
 * does not open as a project is removed again; the user still has the original.
 */
export async function adoptUploadedProject<T>(upload: string, projectsDir: string, open: (path: string) => Promise<T>) {
  // Copy exclusively (never over an existing project), then drop the upload with its folder.
  const adopted = placeIn(projectsDir, basename(upload), (target) =>
    copyFileSync(upload, target, constants.COPYFILE_EXCL),
  )
  rmSync(dirname(upload), { recursive: true, force: true })
  try {
    return await open(adopted)
  } catch (error) {
    rmSync(adopted, { force: true })
    throw error
  }
}
