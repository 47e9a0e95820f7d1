import type { Csr } from './sparse'
import { ENGLISH_STOP_WORDS } from './stopWords'

/**
 * TF-IDF exactly as scikit-learn's `TfidfVectorizer()` with its defaults: lower-casing, tokens matched by
 * `(?u)\b\w\w+\b` (runs of two or more letters, digits or underscores), unigrams, vocabulary sorted, raw counts as tf
 * (or 1 + ln tf with `sublinearTf`), smoothed idf = ln((1 + n) / (1 + df)) + 1, rows scaled to unit L2 norm.
 * English stop words (scikit-learn's list) only when `stopWords: 'english'` — the library's default keeps them.
 *
 * Differences that remain: Python's `\w` and `str.lower` are approximated by Unicode letters/numbers and
 * `toLowerCase` (identical for Latin, Greek, Cyrillic and CJK text); vocabulary order is by UTF-16 code units, which
 * differs from Python's code points only between astral characters and U+E000–U+FFFF.
 *
 * Complexity: O(total characters) to tokenise, O(nnz) for the matrix.
 */
export interface TfidfOptions {
  readonly stopWords?: 'english' | null
  readonly sublinearTf?: boolean
  readonly lowercase?: boolean
  /** Ignore terms in fewer documents than this (scikit-learn's `min_df` as a count); default 1. */
  readonly minDf?: number
}

export interface Tfidf {
  /** Documents × terms, L2-normalised rows, columns ascending. */
  readonly matrix: Csr
  /** Terms in column order. */
  readonly vocabulary: readonly string[]
  /** Inverse document frequency per term. */
  readonly idf: Float64Array
}

const TOKEN = /[\p{L}\p{N}_]{2,}/gu

export function tokenize(text: string, lowercase = true): string[] {
  return (lowercase ? text.toLowerCase() : text).match(TOKEN) ?? []
}

export function fitTfidf(documents: readonly (string | null)[], options: TfidfOptions = {}): Tfidf {
  const stop = options.stopWords === 'english' ? ENGLISH_STOP_WORDS : null
  const minDf = options.minDf ?? 1
  const lowercase = options.lowercase ?? true
  const termOf = new Map<string, number>()
  const terms: string[] = []
  // Pass 1: tokens per document as provisional term ids, document frequencies.
  const docTokens: Int32Array[] = []
  let df: number[] = []
  const seenIn: number[] = []
  for (let d = 0; d < documents.length; d++) {
    const tokens = tokenize(documents[d] ?? '', lowercase)
    const ids = new Int32Array(tokens.length)
    let n = 0
    for (const token of tokens) {
      if (stop?.has(token)) continue
      let id = termOf.get(token)
      if (id === undefined) {
        id = terms.length
        termOf.set(token, id)
        terms.push(token)
        df.push(0)
        seenIn.push(-1)
      }
      if (seenIn[id] !== d) {
        seenIn[id] = d
        df[id]++
      }
      ids[n++] = id
    }
    docTokens.push(ids.subarray(0, n))
  }
  // Final vocabulary: sorted, filtered by minDf; remap provisional ids to columns.
  const kept = terms.map((_, id) => id).filter((id) => df[id] >= minDf)
  kept.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0))
  const column = new Int32Array(terms.length).fill(-1)
  kept.forEach((id, c) => (column[id] = c))
  const vocabulary = kept.map((id) => terms[id])
  const nDocs = documents.length
  const idf = new Float64Array(kept.length)
  kept.forEach((id, c) => (idf[c] = Math.log((1 + nDocs) / (1 + df[id])) + 1))
  df = []

  // Pass 2: counts per document → tf-idf, normalised.
  const counts = new Float64Array(kept.length)
  const touched = new Int32Array(kept.length)
  const indptr = new Int32Array(nDocs + 1)
  const indices: number[] = []
  const data: number[] = []
  for (let d = 0; d < nDocs; d++) {
    let nTouched = 0
    for (const id of docTokens[d]) {
      const c = column[id]
      if (c < 0) continue
      if (counts[c] === 0) touched[nTouched++] = c
      counts[c]++
    }
    const cols = touched.subarray(0, nTouched).sort()
    let norm = 0
    const start = indices.length
    for (const c of cols) {
      const tf = options.sublinearTf ? 1 + Math.log(counts[c]) : counts[c]
      const w = tf * idf[c]
      counts[c] = 0
      indices.push(c)
      data.push(w)
      norm += w * w
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (let p = start; p < data.length; p++) data[p] /= norm
    indptr[d + 1] = indices.length
  }
  return {
    matrix: {
      rows: nDocs,
      cols: kept.length,
      indptr,
      indices: Int32Array.from(indices),
      data: Float64Array.from(data),
    },
    vocabulary,
    idf,
  }
}
