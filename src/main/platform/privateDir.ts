import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Folders that hold the user's data outside a project (uploads, a job's spill files) for as long as they are needed.
 * Each lives under a parent only this user can read; each is named for the process that made it
 * (`<kind>-<pid>-XXXXXX`), so a later start can tell what a killed process left behind and remove it.
 */

/**
 * Makes `path` a folder only this user can use (0700), creating it if need be. Refuses a link, a file, or a folder
 * owned by someone else: another local user who prepared the path in advance would otherwise read what we put in it.
 */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 })
  const stat = lstatSync(path)
  if (stat.isSymbolicLink() || !stat.isDirectory())
    throw new Error(`SegmentLab will not keep files in ${path}: it is not a plain folder.`)
  if (process.getuid && stat.uid !== process.getuid())
    throw new Error(`SegmentLab will not keep files in ${path}: the folder belongs to another user.`)
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) chmodSync(path, 0o700)
}

/** A new folder of this process under the private `parent`, created 0700 with a name no one can predict. */
export function makeOwnedDir(parent: string, kind: string): string {
  ensurePrivateDir(parent)
  return mkdtempSync(join(parent, `${kind}-${process.pid}-`))
}

/** Whether a process with this id is running (a process of another user counts: we may not signal it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the folders under `parent` whose process is gone: what a killed or crashed run left. Folders of running
 * processes (another host on the same data folder) are kept. Returns the names removed.
 */
export function sweepOrphans(parent: string, kind: string): string[] {
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const match = new RegExp(`^${kind}-(\\d+)-`).exec(name)
    if (!match || isRunning(Number(match[1]))) continue
    rmSync(join(parent, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}
