import type { ColumnRole, ColumnType } from '../../../shared/domain/dataset'
import type { ColumnEvidence } from './columnEvidence'
import {
  amountWords,
  customerWords,
  earningWords,
  hasWord,
  idWords,
  nameWords,
  notAmountWords,
  squashedName,
} from './columnNames'
import type { PiiFlag } from './pii'

/**
 * Suggests what each column is for in segmentation: the customer key, the transaction date, a money amount, a
 * feature to model on, or nothing (other keys, free text, personal data, constant or empty columns). Decided for the
 * whole table at once, because only one column can be the customer key.
 */
export interface RoleSuggestion {
  readonly role: ColumnRole
  readonly reason: string
}

export interface RoleInput {
  readonly evidence: ColumnEvidence
  readonly type: ColumnType
  readonly currency: string | null
  readonly pii: PiiFlag | null
}

export function suggestRoles(columns: readonly RoleInput[]): RoleSuggestion[] {
  const customer = customerColumn(columns)
  return columns.map((c, i) => (i === customer ? customerRole(c) : otherRole(c)))
}

function customerColumn(columns: readonly RoleInput[]): number {
  const keyLike = (c: RoleInput) =>
    c.type === 'id' || ((c.type === 'number' || c.type === 'category') && hasWord(nameWords(c.evidence.name), idWords))
  const named = columns.findIndex((c) => keyLike(c) && hasWord(nameWords(c.evidence.name), customerWords))
  if (named >= 0) return named
  // "id" alone (lifetimes' example_transactions: date, id) names the customer when nothing else does.
  const bareId = columns.findIndex((c) => squashedName(c.evidence.name) === 'id' && c.type !== 'date')
  if (bareId >= 0) return bareId
  // Without a header the first key column is the best guess (CDNOW_sample: the customer number comes first).
  if (columns.length > 0 && columns.every((c) => c.evidence.generatedName))
    return columns.findIndex((c) => c.type === 'id')
  return -1
}

function customerRole(c: RoleInput): RoleSuggestion {
  const name = c.evidence.name
  const reason = c.evidence.generatedName
    ? `The first key-like column (values like ${c.evidence.examples[0] ?? '?'}) is the best guess for the customer; the file has no header to say so.`
    : hasWord(nameWords(name), customerWords)
      ? `The name “${name}” says it identifies the customer.`
      : `“${name}” is the only identifier, so it is taken to identify the customer.`
  return { role: 'customerId', reason }
}

function otherRole(c: RoleInput): RoleSuggestion {
  const e = c.evidence
  if (e.filled === 0) return { role: 'ignore', reason: 'The column is empty.' }
  if (c.type === 'date') return { role: 'date', reason: 'A date: used for recency and time windows.' }
  if (c.pii) return { role: 'ignore', reason: 'Likely personal data: kept out of modelling unless you include it.' }
  if (c.type === 'id')
    return {
      role: 'ignore',
      reason: 'An identifier other than the customer: it labels rows but says nothing to compare customers on.',
    }
  if (c.type === 'text') return { role: 'ignore', reason: 'Free text cannot be averaged or compared directly.' }
  if (e.distinct <= 1)
    return { role: 'ignore', reason: 'Every row has the same value, so it cannot tell customers apart.' }
  const words = nameWords(e.name)
  if (c.type === 'number' && hasWord(words, earningWords)) {
    return {
      role: 'feature',
      reason: `The name “${e.name}” says money the customer earns or has, not money spent with you: a feature to segment on, not the spend amount.`,
    }
  }
  if (
    c.type === 'number' &&
    (c.currency !== null || (hasWord(words, amountWords) && !hasWord(words, notAmountWords)))
  ) {
    return {
      role: 'amount',
      reason:
        c.currency !== null
          ? `Values carry the currency sign ${c.currency}: a money amount.`
          : `The name “${e.name}” suggests a money amount.`,
    }
  }
  return { role: 'feature', reason: 'Usable as a feature for segmentation.' }
}
