import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  TopK,
  buildIdIndex,
  buildInteractions,
  csrFromTriples,
  describeReason,
  evaluate,
  fitEase,
  fitItemKnn,
  fitScorer,
  fitUserKnn,
  popularityRank,
  recommendForUsers,
  segmentFavourites,
  segmentPopularity,
  sensitiveMask,
  splitCsrRandom,
  trainingTieRank,
  transpose,
  verdict,
  withoutSensitive,
} from '../../../src/main/engine/recommend'
import { spdInverse } from '../../../src/main/engine/recommend/spdInverse'

/** A tiny shop: customers a–e, items 1–5 (ids deliberately out of order and numeric). */
const shop = buildInteractions({
  user: ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'e', 'a'],
  item: ['1', '2', '3', '1', '2', '2', '3', '10', '1', '10', '5', '1'],
})

describe('sparse structures and ids', () => {
  it('orders numeric ids numerically and merges repeated rows', () => {
    expect(shop.items.ids).toEqual(['1', '2', '3', '5', '10'])
    expect(buildIdIndex(['b', '10', '9']).ids).toEqual(['10', '9', 'b'])
    const a = shop.users.indexOf('a')
    expect(Array.from(shop.x.indices.subarray(shop.x.indptr[a], shop.x.indptr[a + 1]))).toEqual([0, 1, 2])
    expect(shop.x.data[shop.x.indptr[a]]).toBe(2) // item 1 bought twice
    expect(transpose(shop.xt)).toEqual(shop.x)
  })

  it('keeps the last or largest of repeated ratings when asked', () => {
    const x = csrFromTriples(1, 2, Int32Array.of(0, 0, 0), Int32Array.of(1, 0, 1), Float64Array.of(5, 3, 2), 'last')
    expect(Array.from(x.data)).toEqual([3, 2])
    const y = csrFromTriples(1, 2, Int32Array.of(0, 0, 0), Int32Array.of(1, 0, 1), Float64Array.of(5, 3, 2), 'max')
    expect(Array.from(y.data)).toEqual([3, 5])
  })

  it('TopK keeps the k best, ties by rank, like a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(12), (s, k) => {
        const rank = Int32Array.from(s, (_, i) => s.length - 1 - i)
        const top = new TopK(k, rank)
        s.forEach((v, i) => top.push(i, v))
        const got = new Int32Array(top.length)
        top.drain(got, null)
        const want = s
          .map((v, i) => i)
          .sort((i, j) => s[j] - s[i] || rank[i] - rank[j])
          .slice(0, k)
        expect(Array.from(got)).toEqual(want)
      }),
    )
  })
})

describe('EASE', () => {
  it('inverts a symmetric positive-definite matrix', () => {
    const n = 7
    const a = new Float64Array(n * n)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = 1 / (1 + Math.abs(i - j)) + (i === j ? n : 0)
    const inv = spdInverse(a.slice(), n)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0
        for (let k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j]
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12)
      }
    expect(() => spdInverse(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/not positive definite/)
  })

  it('scores as x_u (I − P diag(1/diag P)) with P = (XᵀX + λI)⁻¹', async () => {
    const lambda = 0.5
    const ease = await fitEase(shop, { lambda })
    // Independent: Gauss–Jordan on the dense binary Gram matrix.
    const n = shop.x.cols
    const g = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? lambda : 0)))
    for (let u = 0; u < shop.x.rows; u++) {
      const row = Array.from(shop.x.indices.subarray(shop.x.indptr[u], shop.x.indptr[u + 1]))
      for (const i of row) for (const j of row) g[i][j] += 1
    }
    const p = gaussJordanInverse(g)
    const scores = new Float64Array(n)
    for (let u = 0; u < shop.x.rows; u++) {
      ease.score(u, scores)
      const row = Array.from(shop.x.indices.subarray(shop.x.indptr[u], shop.x.indptr[u + 1]))
      for (let j = 0; j < n; j++) {
        const want = row.reduce((s, i) => s + (i === j ? 0 : -p[i][j] / p[j][j]), 0)
        expect(scores[j]).toBeCloseTo(want, 10)
      }
    }
  })
})

function gaussJordanInverse(m: number[][]): number[][] {
  const n = m.length
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))])
  for (let c = 0; c < n; c++) {
    const pivot = a[c][c]
    for (let j = 0; j < 2 * n; j++) a[c][j] /= pivot
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const f = a[r][c]
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j]
    }
  }
  return a.map((row) => row.slice(n))
}

describe('KNN', () => {
  it('item-based: customers who bought 1 also bought 2; reasons name the item bought', async () => {
    const knn = await fitItemKnn(shop, { k: 2, shrink: 0, weighting: 'none' })
    const i1 = shop.items.indexOf('1')
    const i2 = shop.items.indexOf('2')
    expect(knn.neighbours.index[i1 * 2]).toBe(i2)
    const d = shop.users.indexOf('d') // bought 1 and 10
    expect(knn.reason(d, i2)).toEqual({ kind: 'bought', item: i1 })
  })

  it('user-based: b is most like a; the reason counts the neighbours who bought it', () => {
    const knn = fitUserKnn(shop, { k: 1, shrink: 0 })
    const b = shop.users.indexOf('b')
    const scores = new Float64Array(shop.x.cols)
    knn.score(b, scores)
    expect(scores[shop.items.indexOf('3')]).toBeGreaterThan(0)
    expect(knn.reason(b, shop.items.indexOf('3'))).toEqual({ kind: 'similar-customers', buyers: 1, neighbours: 1 })
  })
})

describe('evaluation protocol', () => {
  it('computes precision, recall, NDCG, MAP, hit rate and coverage by hand', async () => {
    // Train: u0 bought {0}, u1 bought {0, 1}, u2 bought {0, 1, 2}. Popularity: 0 (3), 1 (2), 2 (1), 3 (0: not in train).
    const train = csrFromTriples(
      3,
      4,
      Int32Array.of(0, 1, 1, 2, 2, 2),
      Int32Array.of(0, 0, 1, 0, 1, 2),
      new Float64Array(6).fill(1),
    )
    // Test: u0 → {2, 3}: 3 is not a training item, so relevant = {2}; u1 → {2}; u2 → {3}: not evaluated.
    const test = csrFromTriples(3, 4, Int32Array.of(0, 0, 1, 2), Int32Array.of(2, 3, 2, 3), new Float64Array(4).fill(1))
    const pop = await fitScorer('popular', {
      users: buildIdIndex(['0', '1', '2']),
      items: buildIdIndex(['0', '1', '2', '3']),
      x: train,
      xt: transpose(train),
    })
    const e = await evaluate(pop, train, test, { k: 2 })
    // u0 ranks [1, 2]: hit at rank 2. u1 ranks [2]: hit at rank 1 (only one candidate left).
    expect(e.users).toBe(2)
    expect(e.metrics.precision).toBeCloseTo((1 / 2 + 1 / 2) / 2, 12)
    expect(e.metrics.recall).toBeCloseTo(1, 12)
    expect(e.metrics.ndcg).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 12)
    expect(e.metrics.map).toBeCloseTo((1 / 2 + 1) / 2, 12)
    expect(e.metrics.hitRate).toBe(1)
    expect(e.metrics.coverage).toBeCloseTo(2 / 3, 12)
    expect(verdict(e, e)).toMatch(/^About as good as recommending bestsellers/)
    expect(
      verdict({ ...e, metrics: { ...e.metrics, ndcg: 0.42 } }, { ...e, metrics: { ...e.metrics, ndcg: 0.2 } }),
    ).toMatch(/^2\.1× better than recommending bestsellers/)
  })

  it('a seeded random split is reproducible and holds out about a quarter of each customer', () => {
    const a = splitCsrRandom(shop.x, 0.25, 7)
    expect(splitCsrRandom(shop.x, 0.25, 7).isTest).toEqual(a.isTest)
    expect(a.train.indices.length + a.test.indices.length).toBe(shop.x.indices.length)
    for (let u = 0; u < shop.x.rows; u++) expect(a.train.indptr[u + 1] - a.train.indptr[u]).toBeGreaterThan(0)
  })
})

describe('segments, sensitive items, cold start, reasons', () => {
  it('ranks a segment’s items by lift with a minimum of buyers', () => {
    const segmentOf = Int32Array.from(shop.users.ids, (u) => (u === 'a' || u === 'b' ? 0 : 1))
    const pop = segmentPopularity(shop.x, segmentOf, 2, 2)
    const i1 = shop.items.indexOf('1')
    // Item 1: a, b (segment 0: 2 of 2) and d → lift = (2/2) / (3/5).
    expect(pop.lift[i1]).toBeCloseTo(1 / (3 / 5), 12)
    expect(pop.lift[pop.items + i1]).toBe(0) // one buyer in segment 1: below the minimum
    const fav = segmentFavourites(pop, 1, 2, trainingTieRank(shop.x))
    expect(Array.from(fav.items, (i) => shop.items.ids[i])).toEqual(['10', '1'])
    expect(
      describeReason(
        fav.reasons[0],
        (i) => shop.items.ids[i],
        () => 'Champions',
      ),
    ).toBe('popular with Champions')
  })

  it('never recommends, uses or names a sensitive item', async () => {
    const mask = sensitiveMask(shop.items, { categories: ['Baby'] }, ['Home', 'Baby', 'Home', 'Home', 'Home'])
    const guarded = withoutSensitive(shop, mask)
    const knn = await fitItemKnn(guarded, { k: 4, shrink: 0 })
    const lists = await recommendForUsers(knn, guarded.x, {
      top: 5,
      tieRank: trainingTieRank(guarded.x),
      excluded: mask,
    })
    const baby = shop.items.indexOf('2')
    for (const l of lists) {
      expect(Array.from(l.items)).not.toContain(baby)
      for (const r of l.reasons) if (r.kind === 'bought') expect(r.item).not.toBe(baby)
    }
    const a = lists[shop.users.indexOf('a')]
    expect(describeReason(a.reasons[0], (i) => `item ${shop.items.ids[i]}`)).toMatch(/^because you bought item (1|3)$/)
  })

  it('popularity rank breaks ties by index', () => {
    expect(Array.from(popularityRank(Float64Array.of(1, 3, 1, 3)))).toEqual([2, 0, 3, 1])
  })
})
