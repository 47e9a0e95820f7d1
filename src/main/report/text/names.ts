import { featureWords } from '../../../shared/ruleText'
import { formatCount } from '../../engine/profile/wording'
import { withoutResidue } from '../../../shared/charts/format'

/** What the money column is called in sentences: the RFM builder's "monetary" is the customer's spend. */
export function moneyWords(feature: string | null): string {
  if (feature === null) return 'value'
  return feature === 'monetary' ? 'spend' : featureWords(feature)
}

/** A measured value in a table: whole above 100 ("1,204"), three significant digits below ("21.6", "2.64", "0.153"). */
export function tableNumber(value: number): string {
  if (!Number.isFinite(value)) return '–'
  // Floating-point residue (−1.7e−16 for a 0/1 column's average) is 0, and never written in exponent form.
  const v = withoutResidue(value)
  if (Math.abs(v) >= 100) return formatCount(v)
  return Number(v.toPrecision(3)).toLocaleString('en', { maximumSignificantDigits: 3 })
}
