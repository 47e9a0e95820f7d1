import { isMissing } from './missing'

/** Spellings of yes/no that exports use; 1/0 counts only when the column name suggests a flag (see inference). */
export type BooleanFamily = 'yes/no' | 'true/false' | '1/0'

const tokens = new Map<string, { family: BooleanFamily; value: boolean }>([
  ['yes', { family: 'yes/no', value: true }],
  ['no', { family: 'yes/no', value: false }],
  ['y', { family: 'yes/no', value: true }],
  ['n', { family: 'yes/no', value: false }],
  ['true', { family: 'true/false', value: true }],
  ['false', { family: 'true/false', value: false }],
  ['t', { family: 'true/false', value: true }],
  ['f', { family: 'true/false', value: false }],
  ['1', { family: '1/0', value: true }],
  ['0', { family: '1/0', value: false }],
  ['1.0', { family: '1/0', value: true }],
  ['0.0', { family: '1/0', value: false }],
])

export function booleanToken(raw: string): { family: BooleanFamily; value: boolean } | undefined {
  if (raw.length > 5) return undefined
  return tokens.get(raw.trim().toLowerCase())
}

/** true / false for the spellings above, null for missing or anything else. */
export function parseBoolean(raw: string | null | undefined): boolean | null {
  if (raw == null || isMissing(raw)) return null
  return booleanToken(raw)?.value ?? null
}
