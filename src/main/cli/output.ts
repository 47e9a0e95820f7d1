import { writeFileSync } from 'node:fs'
import { UserError } from '../../shared/errors'

/** Writes the JSON a command promises; typed arrays become plain arrays. */
export function writeJson(path: string, value: unknown): void {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v,
  )
  try {
    writeFileSync(path, text)
  } catch (error) {
    throw new UserError(`Cannot write "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, {
      cause: error,
    })
  }
}
