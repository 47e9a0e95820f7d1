/** Small helpers that turn numbers into the words a marketer reads: "1,204 customers", "14%". */

/** Whole numbers with thousands separators, fixed to en-GB style so output does not depend on the machine's locale. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : ''
  const digits = String(Math.round(Math.abs(n)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** A share (0..1) as a whole percentage; never rounds a non-zero share to "0%" or a partial one to "100%". */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.005) return 'under 1%'
  if (share < 1 && share > 0.995) return 'over 99%'
  return `${Math.round(share * 100)}%`
}

export interface Noun {
  readonly singular: string
  readonly plural: string
}

/** "customers" → { singular: "customer", plural: "customers" } unless a singular is given. */
export function noun(plural: string, singular?: string): Noun {
  return { plural, singular: singular ?? (plural.endsWith('s') ? plural.slice(0, -1) : plural) }
}

/** "1 customer", "24 customers". */
export function countOf(n: number, what: Noun): string {
  return `${formatCount(n)} ${n === 1 ? what.singular : what.plural}`
}

/** A measured value for a sentence: whole numbers with separators, others to 4 significant digits ("0.1235", "38,500"). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  if (Number.isInteger(v)) return formatCount(v)
  const abs = Math.abs(v)
  if (abs >= 1000) return formatCount(v)
  const text = Number(v.toPrecision(4)).toString()
  return text
}

/** "Fresh", "Fresh and Milk", "Fresh, Milk and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names.join('')
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return `${names.slice(0, max - 1).join(', ')} and ${names.length - (max - 1)} more`
}
