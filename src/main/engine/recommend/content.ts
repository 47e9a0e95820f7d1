import type { Interactions } from './interactions'
import { emptyNeighbourhoods, neighbourKernel, SimilarityWorkspace, type Neighbourhoods } from './neighbours'
import { type Progress, type Reason, type Scorer, inChunks, noProgress } from './scorer'
import { rowDot, transpose, type Csr } from './sparse'
import { fitTfidf, type Tfidf, type TfidfOptions } from './tfidf'

/**
 * Content-based recommendations from item text (title, description, category) by TF-IDF and cosine similarity:
 * - `similarItems`: each item's k nearest items ("items like this one"), O(Σ_t df_t²) over the terms;
 * - `ContentScorer`: a customer's profile is the sum of the TF-IDF rows of what they bought, and an item's score is
 *   its cosine with that profile (up to the profile's norm, which does not change the order). O(Σ_{t∈profile} df_t)
 *   per customer through the term → items index. Items never bought but described in the catalogue are reachable.
 */
export function fitContent(data: Interactions, itemText: readonly (string | null)[], options: TfidfOptions = {}) {
  if (itemText.length !== data.x.cols)
    throw new RangeError(`Item texts must be given for all ${data.x.cols} items; got ${itemText.length}.`)
  return new ContentScorer(data.x, fitTfidf(itemText, options))
}

export async function similarItems(matrix: Csr, k: number, progress: Progress = noProgress): Promise<Neighbourhoods> {
  const at = transpose(matrix)
  const norms = new Float64Array(matrix.rows)
  for (let r = 0; r < matrix.rows; r++) norms[r] = matrix.indptr[r + 1] > matrix.indptr[r] ? 1 : 0
  const out = emptyNeighbourhoods(matrix.rows, Math.min(k, Math.max(matrix.rows - 1, 1)))
  const work = new SimilarityWorkspace(matrix.rows)
  const options = { k: out.k }
  await inChunks(matrix.rows, 1024, progress, 'Comparing item texts', (s, e) =>
    neighbourKernel(matrix, at, norms, options, s, e, out, work),
  )
  return out
}

export class ContentScorer implements Scorer {
  readonly method = 'content' as const
  readonly items: number
  private readonly tt: Csr
  private readonly profile: Float64Array
  private readonly terms: Int32Array

  constructor(
    private readonly x: Csr,
    readonly tfidf: Tfidf,
  ) {
    this.items = x.cols
    this.tt = transpose(tfidf.matrix)
    this.profile = new Float64Array(tfidf.matrix.cols)
    this.terms = new Int32Array(tfidf.matrix.cols)
  }

  score(u: number, out: Float64Array): void {
    const { x, profile, terms, tt } = this
    const t = this.tfidf.matrix
    let nTerms = 0
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      const i = x.indices[p]
      for (let q = t.indptr[i]; q < t.indptr[i + 1]; q++) {
        const c = t.indices[q]
        if (profile[c] === 0) terms[nTerms++] = c
        profile[c] += t.data[q]
      }
    }
    out.fill(0)
    for (let s = 0; s < nTerms; s++) {
      const c = terms[s]
      const w = profile[c]
      profile[c] = 0
      for (let q = tt.indptr[c]; q < tt.indptr[c + 1]; q++) out[tt.indices[q]] += w * tt.data[q]
    }
  }

  reason(u: number, item: number): Reason {
    let best = -1
    let bestValue = 0
    for (let p = this.x.indptr[u]; p < this.x.indptr[u + 1]; p++) {
      const i = this.x.indices[p]
      const sim = rowDot(this.tfidf.matrix, i, this.tfidf.matrix, item)
      if (sim > bestValue) [best, bestValue] = [i, sim]
    }
    return best >= 0 ? { kind: 'bought', item: best } : { kind: 'popular' }
  }
}
