/** Small helpers that turn numbers into the words a marketer reads: "1,204 customers", "14%". */
import { withoutResidue } from '../../../shared/charts/format'

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

/** Four significant digits, never in exponent form ("0.0000012", not "1.2e-6"). */
const fourDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4, useGrouping: false })

/**
 * A measured value for a sentence: whole numbers with separators, others to 4 significant digits ("0.1235", "38,500");
 * floating-point residue ("−1.7e−16" for a 0/1 column's average) is 0.
 */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const v = withoutResidue(value)
  if (Number.isInteger(v)) return formatCount(v)
  const abs = Math.abs(v)
  if (abs >= 1000) return formatCount(v)
  return fourDigits.format(v)
}

/** "Fresh", "Fresh and Milk", "Fresh, Milk and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names.join('')
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return `${names.slice(0, max - 1).join(', ')} and ${names.length - (max - 1)} more`
}
