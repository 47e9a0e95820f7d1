import { BlendScorer } from './blend'
import { fitContent } from './content'
import { fitEase, type EaseOptions } from './ease'
import { evaluate, type Evaluation } from './evaluate'
import type { Interactions } from './interactions'
import { fitItemKnn, type ItemKnnOptions } from './itemKnn'
import { itemPopularity, PopularScorer } from './popularity'
import { type Progress, type RecMethod, type Scorer, noProgress } from './scorer'
import { binarize, transpose, type Csr } from './sparse'
import { splitCsrRandom } from './split'
import type { TfidfOptions } from './tfidf'
import { fitUserKnn, type UserKnnOptions } from './userKnn'

/**
 * One entry point for every method, so the job, the CLI and the tests fit the same way.
 * Purchases are binarised (bought or not) unless `useValues`: top-k ranking scores what was bought, not how much.
 */
export interface FitOptions {
  readonly itemKnn?: ItemKnnOptions
  readonly userKnn?: UserKnnOptions
  /** EASE settings; without `lambda`, λ is tuned on a validation split over `lambdas`. */
  readonly ease?: EaseOptions & { readonly lambdas?: readonly number[] }
  /** Item text aligned with the item indices (content and blend). */
  readonly itemText?: readonly (string | null)[]
  readonly tfidf?: TfidfOptions
  /** Blend: share of content in the mix (default 0.3); the collaborative part is item-based KNN. */
  readonly blendWeight?: number
  readonly useValues?: boolean
  /** Seed of the validation splits (EASE's λ, Automatic). */
  readonly seed?: number
}

export const DEFAULT_LAMBDAS: readonly number[] = [150, 500, 1500]

export function asImplicit(data: Interactions, useValues = false): Interactions {
  return useValues ? data : { ...data, x: binarize(data.x), xt: binarize(data.xt) }
}

export async function fitScorer(
  method: RecMethod,
  data: Interactions,
  options: FitOptions = {},
  progress: Progress = noProgress,
): Promise<Scorer> {
  const d = asImplicit(data, options.useValues)
  switch (method) {
    case 'popular':
      return new PopularScorer(itemPopularity(d.xt))
    case 'item-knn':
      return fitItemKnn(d, options.itemKnn, progress)
    case 'user-knn':
      return fitUserKnn(d, options.userKnn)
    case 'content':
      return fitContent(d, requireText(options, d), options.tfidf)
    case 'blend': {
      const content = fitContent(d, requireText(options, d), options.tfidf)
      return new BlendScorer(content, await fitItemKnn(d, options.itemKnn, progress), options.blendWeight ?? 0.3)
    }
    case 'ease': {
      const lambda =
        options.ease?.lambda ??
        (await tuneEaseLambda(d, options.ease?.lambdas ?? DEFAULT_LAMBDAS, options, (f, s) => progress(f * 0.8, s)))
          .lambda
      return fitEase(d, { ...options.ease, lambda }, (f, s) => progress(options.ease?.lambda ? f : 0.8 + f * 0.2, s))
    }
  }
}

function requireText(options: FitOptions, d: Interactions): readonly (string | null)[] {
  if (!options.itemText) throw new RangeError('Content-based recommendations need a text for each item.')
  if (options.itemText.length !== d.x.cols)
    throw new RangeError(`Item texts must be given for all ${d.x.cols} items; got ${options.itemText.length}.`)
  return options.itemText
}

function part(data: Interactions, x: Csr): Interactions {
  return { ...data, x, xt: transpose(x) }
}

/** EASE's λ by NDCG@10 on a seeded 80/20 split of the training data; ties keep the smaller λ. */
export async function tuneEaseLambda(
  data: Interactions,
  lambdas: readonly number[],
  options: FitOptions = {},
  progress: Progress = noProgress,
): Promise<{ lambda: number; tried: { lambda: number; ndcg: number }[] }> {
  if (lambdas.length === 0) throw new RangeError('Give at least one λ to try.')
  const { train, test } = splitCsrRandom(data.x, 0.2, options.seed ?? 0)
  const fitPart = part(data, train)
  const tried: { lambda: number; ndcg: number }[] = []
  for (const [t, lambda] of lambdas.entries()) {
    await progress(t / lambdas.length, `Tuning EASE: λ = ${lambda}`)
    const scorer = await fitEase(fitPart, { ...options.ease, lambda })
    tried.push({ lambda, ndcg: (await evaluate(scorer, train, test)).metrics.ndcg })
  }
  const best = tried.reduce((a, b) => (b.ndcg > a.ndcg ? b : a))
  return { lambda: best.lambda, tried }
}

/**
 * "Automatic": fits each candidate on a seeded 75/25 split of the training data and keeps the best NDCG@10 (ties to the
 * earlier candidate). Returns every candidate's validation evaluation, to show beside the choice.
 */
export async function chooseMethod(
  data: Interactions,
  candidates: readonly RecMethod[],
  options: FitOptions = {},
  progress: Progress = noProgress,
): Promise<{ method: RecMethod; tried: { method: RecMethod; evaluation: Evaluation }[] }> {
  if (candidates.length === 0) throw new RangeError('Give at least one method to choose from.')
  const d = asImplicit(data, options.useValues)
  const { train, test } = splitCsrRandom(d.x, 0.25, options.seed ?? 0)
  const fitPart = part(d, train)
  // EASE is compared at its default λ; its λ is tuned only when it is the one fitted.
  const compare: FitOptions = { ...options, ease: { ...options.ease, lambda: options.ease?.lambda ?? 500 } }
  const tried: { method: RecMethod; evaluation: Evaluation }[] = []
  for (const [t, method] of candidates.entries()) {
    const span = 1 / candidates.length
    const sub: Progress = (f, s) => progress((t + f) * span, `${method}: ${s}`)
    const scorer = await fitScorer(method, fitPart, compare, (f, s) => sub(f * 0.5, s))
    tried.push({
      method,
      evaluation: await evaluate(scorer, train, test, { progress: (f, s) => sub(0.5 + f * 0.5, s) }),
    })
  }
  const best = tried.reduce((a, b) => (b.evaluation.metrics.ndcg > a.evaluation.metrics.ndcg ? b : a))
  return { method: best.method, tried }
}
