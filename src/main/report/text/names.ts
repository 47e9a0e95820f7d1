import { featureWords } from '../../../shared/ruleText'
import { formatCount } from '../../engine/profile/wording'

/** What the money column is called in sentences: the RFM builder's "monetary" is the customer's spend. */
export function moneyWords(feature: string | null): string {
  if (feature === null) return 'value'
  return feature === 'monetary' ? 'spend' : featureWords(feature)
}

/** A measured value in a table: whole above 100 ("1,204"), three significant digits below ("21.6", "2.64", "0.153"). */
export function tableNumber(v: number): string {
  if (!Number.isFinite(v)) return '–'
  if (Math.abs(v) >= 100) return formatCount(v)
  return String(Number(v.toPrecision(3)))
}
