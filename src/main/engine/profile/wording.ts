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
