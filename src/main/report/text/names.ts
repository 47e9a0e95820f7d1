import { featureWords } from '../../../shared/ruleText'

/** What the money column is called in sentences: the RFM builder's "monetary" is the customer's spend. */
export function moneyWords(feature: string | null): string {
  if (feature === null) return 'value'
  return feature === 'monetary' ? 'spend' : featureWords(feature)
}
