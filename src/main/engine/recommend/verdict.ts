import type { Evaluation } from './evaluate'

/**
 * The plain verdict beside an evaluation: how the method compares with recommending the best-sellers, by NDCG@k (the
 * measure that rewards putting the right items first), with the protocol in one sentence.
 */
export function verdict(method: Evaluation, baseline: Evaluation): string {
  const a = method.metrics.ndcg
  const b = baseline.metrics.ndcg
  const numbers = `NDCG@${method.k} ${a.toFixed(3)} vs ${b.toFixed(3)}`
  if (b === 0)
    return a > 0
      ? `Better than recommending bestsellers, which found nothing (${numbers}).`
      : `Neither found anything (${numbers}).`
  const ratio = a / b
  if (ratio >= 1.1) return `${ratio.toFixed(1)}× better than recommending bestsellers (${numbers}).`
  if (ratio > 0.9) return `About as good as recommending bestsellers (${numbers}).`
  return `Worse than recommending bestsellers (${numbers}): recommend the best-sellers instead.`
}

export interface Protocol {
  readonly split: 'random' | 'time' | 'files'
  readonly testShare?: number
  readonly seed?: number
  readonly k: number
}

export function describeProtocol(p: Protocol): string {
  const share = `${Math.round((p.testShare ?? 0.25) * 100)}%`
  const how =
    p.split === 'random'
      ? `a random ${share} of each customer's items held out (seed ${p.seed ?? 0})`
      : p.split === 'time'
        ? `the last ${share} of each customer's history held out`
        : 'the test file held out'
  return `Top ${p.k}, ${how}; every item a customer had not bought in training is ranked; only customers and items seen in training are scored.`
}
