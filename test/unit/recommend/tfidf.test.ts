import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fitTfidf, similarItems, tokenize } from '../../../src/main/engine/recommend'

/** scikit-learn's TfidfVectorizer on small documented corpora: test/fixtures/recommend/make_tfidf_reference.py. */
interface Case {
  name: string
  docs: string[]
  options: { stop_words?: 'english'; sublinear_tf?: boolean }
  vocabulary: string[]
  idf: number[]
  matrix: number[][]
  cosine: number[][]
}
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/recommend/tfidf_reference.json', import.meta.url), 'utf8'),
) as { cases: Case[] }

describe('TF-IDF equals scikit-learn TfidfVectorizer', () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const t = fitTfidf(c.docs, { stopWords: c.options.stop_words ?? null, sublinearTf: c.options.sublinear_tf })
    expect(t.vocabulary).toEqual(c.vocabulary)
    t.idf.forEach((v, j) => expect(v).toBeCloseTo(c.idf[j], 12))
    const m = t.matrix
    for (let d = 0; d < c.docs.length; d++) {
      const dense = new Array<number>(m.cols).fill(0)
      for (let p = m.indptr[d]; p < m.indptr[d + 1]; p++) dense[m.indices[p]] = m.data[p]
      dense.forEach((v, j) => expect(v).toBeCloseTo(c.matrix[d][j], 12))
    }
  })

  it('finds the most similar documents as cosine_similarity does', async () => {
    const c = reference.cases.find((x) => x.name === 'retail/english')!
    const t = fitTfidf(c.docs, { stopWords: 'english' })
    const k = 3
    const nb = await similarItems(t.matrix, k)
    for (let d = 0; d < c.docs.length; d++) {
      const expected = c.cosine[d]
        .map((s, j) => ({ s, j }))
        .filter((e) => e.j !== d && e.s > 1e-12)
        .sort((a, b) => b.s - a.s || a.j - b.j)
        .slice(0, k)
      expect(nb.count[d]).toBe(expected.length)
      expected.forEach((e, r) => {
        expect(nb.sim[d * k + r]).toBeCloseTo(e.s, 12)
        expect(c.cosine[d][nb.index[d * k + r]]).toBeCloseTo(e.s, 12)
      })
    }
  })

  it('tokenises like (?u)\\b\\w\\w+\\b after lower-casing', () => {
    expect(tokenize("Don't stop-me now_ 2 cafés, x 42")).toEqual(['don', 'stop', 'me', 'now_', 'cafés', '42'])
  })
})
