/** Each preparation step as one sentence a manager can follow, for the report's "Data and method" section. */
import type { PrepStep, RowCondition } from '../../../shared/domain/prep'
import { featureWords } from '../../../shared/ruleText'
import { listNames } from '../../engine/profile/wording'

const names = (columns: readonly string[]) => listNames(columns.map(featureWords), 4)

const opWords: Record<string, string> = {
  '<': 'below',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  '==': 'equal to',
  '!=': 'not equal to',
}

function conditionWords(c: RowCondition): string {
  const column = featureWords(c.column)
  switch (c.op) {
    case 'in':
      return `${column} is one of ${c.values.map(String).join(', ')}`
    case 'isMissing':
      return `${column} is missing`
    case 'notMissing':
      return `${column} is known`
    default:
      return `${column} is ${opWords[c.op]} ${String(c.value)}`
  }
}

/** "1st", "2nd", "3rd", "11th", "99th", "97.5th" percentile. */
export function percentile(q: number): string {
  const p = Math.round(q * 1000) / 10
  const suffix =
    !Number.isInteger(p) || (p % 100 >= 11 && p % 100 <= 13) ? 'th' : (['th', 'st', 'nd', 'rd'][p % 10] ?? 'th')
  return `${p}${suffix} percentile`
}

export function stepWords(step: PrepStep): string {
  switch (step.kind) {
    case 'dropColumns':
      return `Left out ${names(step.columns)}.`
    case 'keepColumns':
      return `Kept only ${names(step.columns)}.`
    case 'filterRows': {
      const joined = step.conditions.map(conditionWords).join(step.combine === 'all' ? ' and ' : ' or ')
      return `Kept the customers where ${joined}.`
    }
    case 'removeDuplicates':
      return step.columns
        ? `Removed rows repeating the same ${names(step.columns)}.`
        : 'Removed rows that repeat an earlier row exactly.'
    case 'impute':
      return step.strategy === 'dropRows'
        ? `Dropped the rows with ${names(step.columns)} missing.`
        : `Filled missing ${names(step.columns)} with the ${step.strategy === 'constant' ? `value ${String(step.value)}` : step.strategy}.`
    case 'outliers': {
      const fences =
        step.method === 'iqr'
          ? `more than ${step.iqrMultiplier} times the interquartile range beyond the middle half`
          : `below the ${percentile(step.lower)} or above the ${percentile(step.upper)}`
      return step.action === 'cap'
        ? `Capped extreme values of ${names(step.columns)} (${fences}) so a few customers cannot dominate.`
        : `Removed customers with extreme ${names(step.columns)} (${fences}).`
    }
    case 'age':
      return `Turned the years of birth in ${names(step.columns)} into ages${step.referenceYear ? ` (as of ${step.referenceYear})` : ''}.`
    case 'transform': {
      const how = { log1p: 'a logarithm', yeoJohnson: 'a Yeo–Johnson transform', boxCox: 'a Box–Cox transform' }
      return `Evened out the skew of ${names(step.columns)} with ${how[step.method]}.`
    }
    case 'encode':
      return step.method === 'oneHot'
        ? `Turned the categories of ${names(step.columns)} into yes/no columns.`
        : `Numbered the categories of ${names(step.columns)} in order.`
    case 'scale': {
      const how = {
        standard: 'mean 0 and spread 1',
        minMax: 'the range 0 to 1',
        robust: 'median 0 and quartile range 1',
      }
      return `Put ${names(step.columns)} on a common scale (${how[step.method]}).`
    }
    case 'pca':
      return `Summarised ${names(step.columns)} as ${
        step.nComponents
          ? `${step.nComponents} principal components`
          : step.varianceToKeep
            ? `principal components keeping ${Math.round(step.varianceToKeep * 100)}% of their variation`
            : 'principal components'
      }.`
  }
}

/** The enabled steps in words, in order. */
export function preparationWords(steps: readonly PrepStep[]): string[] {
  return steps.filter((s) => s.enabled !== false).map(stepWords)
}
