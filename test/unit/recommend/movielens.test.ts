import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildInteractions,
  evaluate,
  fitScorer,
  similarItems,
  fitTfidf,
  splitRowsRandom,
  type Evaluation,
  type InteractionRows,
  type Interactions,
} from '../../../src/main/engine/recommend'
import { readTable } from '../../../src/main/cli/readTable'
import { sharedData } from '../helpers/services'

/**
 * MovieLens ml-latest-small (research licence: read from ../shared/data in tests only, never shipped). Every rating is
 * an interaction (implicit feedback); the protocol, k = 10.
 */
const ML = 'ratings/ml-latest-small'
let ratings: InteractionRows
let movieIds: string[]
let movieText: string[]
let movieTitle: string[]

beforeAll(async () => {
  const lines = readFileSync(sharedData(`${ML}/ratings.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
  ratings = { user: lines.map((l) => l.split(',')[0]), item: lines.map((l) => l.split(',')[1]) }
  const movies = await readTable(sharedData(`${ML}/movies.csv`))
  movieIds = movies.rows.map((r) => r[0])
  movieTitle = movies.rows.map((r) => r[1])
  movieText = movies.rows.map((r) => `${r[1]} ${r[2].replaceAll('|', ' ')}`)
})

function splitBy(isTest: Uint8Array): { train: Interactions; test: Interactions } {
  const rows = (flag: number) => Int32Array.from(isTest.keys()).filter((t) => isTest[t] === flag)
  const train = buildInteractions(ratings, { subset: rows(0) })
  const test = buildInteractions(ratings, { subset: rows(1), users: train.users, items: train.items })
  return { train, test }
}

describe('popularity on a fixed split equals an independent computation', () => {
  it('matches make_popularity_reference.py (test when (userId + movieId) % 4 == 0)', async () => {
    const reference = JSON.parse(
      readFileSync(new URL('../../fixtures/recommend/popularity_reference.json', import.meta.url), 'utf8'),
    ) as { users: number; metrics: Record<string, number>; top10ForUser1: number[] }
    const isTest = Uint8Array.from(ratings.user, (u, t) => ((Number(u) + Number(ratings.item[t])) % 4 === 0 ? 1 : 0))
    const { train, test } = splitBy(isTest)
    const e = await evaluate(await fitScorer('popular', train), train.x, test.x)
    expect(e.users).toBe(reference.users)
    for (const [key, value] of Object.entries(reference.metrics))
      expect(e.metrics[key as keyof Evaluation['metrics']]).toBeCloseTo(value, 12)
  })
})

describe('collaborative filtering clearly beats popularity on a seeded 75/25 random split', () => {
  let results: Record<string, Evaluation>
  beforeAll(async () => {
    const { train, test } = splitBy(splitRowsRandom(ratings, 0.25, 42))
    results = {}
    const itemText = train.items.ids.map((id) => movieText[movieIds.indexOf(id)] ?? null)
    for (const method of ['popular', 'item-knn', 'user-knn', 'content'] as const)
      results[method] = await evaluate(await fitScorer(method, train, { itemText }), train.x, test.x)
    // λ fixed (tuning is tested on the CLI path); 2,000 most popular items keep the n³ inverse to a few seconds.
    results.ease = await evaluate(
      await fitScorer('ease', train, { ease: { lambda: 500, maxItems: 2000 } }),
      train.x,
      test.x,
    )
    console.log(
      Object.entries(results)
        .map(([m, e]) => `${m}: NDCG@10 ${e.metrics.ndcg.toFixed(3)}, P@10 ${e.metrics.precision.toFixed(3)}`)
        .join('; '),
    )
  }, 60_000)

  it('popularity is the expected baseline (≈ 0.21)', () => {
    expect(results.popular.users).toBe(610)
    expect(results.popular.metrics.ndcg).toBeGreaterThan(0.18)
    expect(results.popular.metrics.ndcg).toBeLessThan(0.25)
  })

  it('item-based and user-based KNN beat it by at least 35% in NDCG@10 and in precision, recall and MAP', () => {
    const pop = results.popular.metrics
    for (const method of ['item-knn', 'user-knn']) {
      const m = results[method].metrics
      expect(m.ndcg, method).toBeGreaterThan(1.35 * pop.ndcg)
      expect(m.precision, method).toBeGreaterThan(1.2 * pop.precision)
      expect(m.recall, method).toBeGreaterThan(1.2 * pop.recall)
      expect(m.map, method).toBeGreaterThan(1.2 * pop.map)
      expect(m.coverage, method).toBeGreaterThan(pop.coverage)
    }
  })

  it('EASE beats both KNNs and popularity by 60%', () => {
    expect(results.ease.metrics.ndcg).toBeGreaterThan(1.6 * results.popular.metrics.ndcg)
    expect(results.ease.metrics.ndcg).toBeGreaterThan(results['item-knn'].metrics.ndcg + 0.02)
    expect(results.ease.metrics.ndcg).toBeGreaterThan(results['user-knn'].metrics.ndcg + 0.02)
  })

  it('content-based on titles and genres finds something, below collaborative filtering', () => {
    expect(results.content.metrics.hitRate).toBeGreaterThan(0.2)
    expect(results.content.metrics.ndcg).toBeLessThan(results['item-knn'].metrics.ndcg)
  })
})

describe('content similarity on catalogues', () => {
  it('movies like Toy Story (title and genres) include Toy Story 2 and 3', async () => {
    const t = fitTfidf(movieText, { stopWords: 'english' })
    const nb = await similarItems(t.matrix, 10)
    const toyStory = movieTitle.indexOf('Toy Story (1995)')
    const similar = Array.from(nb.index.subarray(toyStory * 10, toyStory * 10 + 10), (i) => movieTitle[i])
    expect(similar).toContain('Toy Story 2 (1999)')
    expect(similar).toContain('Toy Story 3 (2010)')
  })

  it('books like The Hunger Games (goodbooks: title and authors) are its sequels', async () => {
    const books = await readTable(sharedData('catalogue/goodbooks_books.csv'))
    const title = books.header.indexOf('title')
    const authors = books.header.indexOf('authors')
    const t = fitTfidf(
      books.rows.map((r) => `${r[title]} ${r[authors]}`),
      { stopWords: 'english', sublinearTf: true },
    )
    const nb = await similarItems(t.matrix, 3)
    const similar = Array.from(nb.index.subarray(0, 3), (i) => books.rows[i][title])
    expect(similar.filter((s) => /Hunger Games, #[23]/.test(s))).toHaveLength(2)
  })
})
