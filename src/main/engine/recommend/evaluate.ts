import type { RecMetrics } from '../../../shared/domain/recommend'
import type { Csr } from './sparse'
import { popularityRank } from './popularity'
import { type Progress, type Scorer, noProgress } from './scorer'
import { TopK } from './topK'

/**
 * Top-k evaluation, the protocol stated beside every number:
 * - customers: those with training history and at least one relevant item; relevant = the distinct items of their
 *   test interactions that exist in training (only customers and items present in training are evaluated);
 * - every training item the customer has not bought in training (and not marked sensitive) is ranked; ties by the
 *   popularity order (distinct training customers, then ascending item id);
 * - precision@k = hits / k; recall@k = hits / |relevant|; NDCG@k with binary gains, DCG = Σ 1 / log2(rank + 1) over
 *   hits, divided by the ideal DCG of min(|relevant|, k) hits; MAP@k = mean of Σ_{hits} precision@rank /
 *   min(|relevant|, k); hit rate = share of customers with at least one hit; coverage = distinct items recommended to
 *   the evaluated customers / training items. All averaged over the evaluated customers.
 * Cost: one `score` and an O(items · log k) selection per customer.
 */
export type Metrics = RecMetrics

export interface Evaluation {
  readonly k: number
  readonly users: number
  readonly metrics: Metrics
}

export interface EvaluateOptions {
  readonly k?: number
  /** Items never recommended (sensitive). */
  readonly excluded?: Uint8Array | null
  readonly progress?: Progress
}

/** Running sums of one evaluation, filled by `evaluateKernel` over customer ranges. */
export interface EvaluationSums {
  users: number
  precision: number
  recall: number
  ndcg: number
  ap: number
  hits: number
  /** recommended[j] = 1 once item j was in someone's top k. */
  readonly recommended: Uint8Array
}

export function emptySums(items: number): EvaluationSums {
  return { users: 0, precision: 0, recall: 0, ndcg: 0, ap: 0, hits: 0, recommended: new Uint8Array(items) }
}

/** Scratch for one thread. */
export interface EvaluationWorkspace {
  readonly scores: Float64Array
  readonly stamp: Int32Array
  readonly relevant: Int32Array
  readonly top: TopK
  readonly ranked: Int32Array
}

export function evaluationWorkspace(items: number, k: number, tieRank: Int32Array): EvaluationWorkspace {
  return {
    scores: new Float64Array(items),
    stamp: new Int32Array(items).fill(-1),
    relevant: new Int32Array(items).fill(-1),
    top: new TopK(k, tieRank),
    ranked: new Int32Array(k),
  }
}

/** Evaluates customers [start, end) into `sums`. `candidate[j]` = 1 for rankable items. Inputs are read-only. */
export function evaluateKernel(
  scorer: Scorer,
  train: Csr,
  test: Csr,
  candidate: Uint8Array,
  k: number,
  start: number,
  end: number,
  sums: EvaluationSums,
  work: EvaluationWorkspace,
): void {
  const { scores, stamp, relevant, top, ranked } = work
  for (let u = start; u < end; u++) {
    if (train.indptr[u + 1] === train.indptr[u]) continue
    let nRelevant = 0
    for (let p = test.indptr[u]; p < test.indptr[u + 1]; p++) {
      const j = test.indices[p]
      if (candidate[j] && relevant[j] !== u) {
        relevant[j] = u
        nRelevant++
      }
    }
    if (nRelevant === 0) continue
    for (let p = train.indptr[u]; p < train.indptr[u + 1]; p++) stamp[train.indices[p]] = u
    scorer.score(u, scores)
    top.clear()
    for (let j = 0; j < scores.length; j++) if (candidate[j] && stamp[j] !== u) top.push(j, scores[j])
    const n = top.drain(ranked, null)
    let hits = 0
    let dcg = 0
    let ap = 0
    for (let r = 0; r < n; r++) {
      const j = ranked[r]
      sums.recommended[j] = 1
      if (relevant[j] !== u) continue
      hits++
      dcg += 1 / Math.log2(r + 2)
      ap += hits / (r + 1)
    }
    let idcg = 0
    const ideal = Math.min(nRelevant, k)
    for (let r = 0; r < ideal; r++) idcg += 1 / Math.log2(r + 2)
    sums.users++
    sums.precision += hits / k
    sums.recall += hits / nRelevant
    sums.ndcg += dcg / idcg
    sums.ap += ap / ideal
    if (hits > 0) sums.hits++
  }
}

/** Rankable items: bought by someone in training and not excluded. */
export function candidateItems(train: Csr, excluded?: Uint8Array | null): Uint8Array {
  const out = new Uint8Array(train.cols)
  for (let t = 0; t < train.indices.length; t++) out[train.indices[t]] = 1
  if (excluded) for (let j = 0; j < out.length; j++) if (excluded[j]) out[j] = 0
  return out
}

export function finishSums(sums: EvaluationSums, candidate: Uint8Array, k: number): Evaluation {
  const n = sums.users
  let covered = 0
  let total = 0
  for (let j = 0; j < candidate.length; j++) {
    if (!candidate[j]) continue
    total++
    if (sums.recommended[j]) covered++
  }
  const mean = (v: number) => (n > 0 ? v / n : 0)
  return {
    k,
    users: n,
    metrics: {
      precision: mean(sums.precision),
      recall: mean(sums.recall),
      ndcg: mean(sums.ndcg),
      map: mean(sums.ap),
      hitRate: mean(sums.hits),
      coverage: total > 0 ? covered / total : 0,
    },
  }
}

/**
 * Evaluates a fitted scorer: `train` is what it was fitted on, `test` the held-out interactions in the same index
 * space (customers × items).
 */
export async function evaluate(
  scorer: Scorer,
  train: Csr,
  test: Csr,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const k = options.k ?? 10
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1; got ${k}.`)
  if (test.rows !== train.rows || test.cols !== train.cols)
    throw new RangeError('Training and test matrices must share their customers and items.')
  const progress = options.progress ?? noProgress
  const candidate = candidateItems(train, options.excluded)
  const tieRank = trainingTieRank(train)
  const sums = emptySums(train.cols)
  const work = evaluationWorkspace(train.cols, k, tieRank)
  const chunk = 256
  for (let start = 0; start < train.rows; start += chunk) {
    await progress(start / train.rows, `Evaluating customers ${start + 1}–${Math.min(train.rows, start + chunk)}`)
    evaluateKernel(scorer, train, test, candidate, k, start, Math.min(train.rows, start + chunk), sums, work)
  }
  await progress(1, 'Evaluated')
  return finishSums(sums, candidate, k)
}

/** Popularity rank of the training items: the tie-break of every ranking. */
export function trainingTieRank(train: Csr): Int32Array {
  const pop = new Float64Array(train.cols)
  for (let t = 0; t < train.indices.length; t++) pop[train.indices[t]]++
  return popularityRank(pop)
}
