/** Small helpers that keep explanations readable: "7,043 values", "'Yes'", "e.g. 29.85, 56.95". */

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${count(n)} ${n === 1 ? one : many}`
}

/** A value as shown inside a sentence: quoted, blanks made visible, long text cut. */
export function shown(value: string): string {
  const v = value.length > 40 ? value.substring(0, 37) + '…' : value
  return `“${v}”`
}

export function examplesOf(values: readonly string[], limit = 3): string {
  return values.slice(0, limit).map(shown).join(', ')
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%'
  const p = (100 * part) / whole
  return p > 0 && p < 1 ? '<1%' : `${Math.round(p)}%`
}

export function isoDay(ms: number): string {
  return Number.isNaN(ms) ? '?' : new Date(ms).toISOString().substring(0, 10)
}
