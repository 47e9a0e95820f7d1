import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './command'

/** node:util parseArgs with our error wording: unknown or malformed flags become a UsageError (exit code 2). */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/^TypeError \[.*?\]: /, '') : String(error))
  }
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required.`)
  return value
}

export function intFlag(value: string | undefined, flag: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${flag} must be a whole number of at least ${min}; got "${value}".`)
  return n
}
