/**
 * Top-k selection without allocation: a bounded min-heap reused across rows. Order is score descending, then
 * `tieRank` ascending (the popularity rank, or the index itself), so equal scores always resolve the same way.
 */
export class TopK {
  readonly k: number
  private readonly idx: Int32Array
  private readonly val: Float64Array
  private size = 0
  private readonly tieRank: Int32Array | null

  constructor(k: number, tieRank: Int32Array | null = null) {
    this.k = k
    this.idx = new Int32Array(Math.max(k, 1))
    this.val = new Float64Array(Math.max(k, 1))
    this.tieRank = tieRank
  }

  clear(): void {
    this.size = 0
  }

  get length(): number {
    return this.size
  }

  /** True when (s, i) ranks after (t, j). */
  private worse(s: number, i: number, t: number, j: number): boolean {
    if (s !== t) return s < t
    const r = this.tieRank
    return r ? r[i] > r[j] : i > j
  }

  push(index: number, score: number): void {
    if (this.k === 0) return
    const idx = this.idx
    const val = this.val
    if (this.size < this.k) {
      let c = this.size++
      while (c > 0) {
        const p = (c - 1) >> 1
        if (!this.worse(score, index, val[p], idx[p])) break
        idx[c] = idx[p]
        val[c] = val[p]
        c = p
      }
      idx[c] = index
      val[c] = score
      return
    }
    // Root is the worst kept; replace it only when the newcomer ranks before it.
    if (!this.worse(val[0], idx[0], score, index)) return
    let c = 0
    const n = this.size
    for (;;) {
      const l = 2 * c + 1
      if (l >= n) break
      const r = l + 1
      const w = r < n && this.worse(val[r], idx[r], val[l], idx[l]) ? r : l
      if (!this.worse(val[w], idx[w], score, index)) break
      idx[c] = idx[w]
      val[c] = val[w]
      c = w
    }
    idx[c] = index
    val[c] = score
  }

  /** Writes the kept entries best first into the outputs (from `offset`) and returns how many; the heap is emptied. */
  drain(outIndex: Int32Array, outScore: Float64Array | null, offset = 0): number {
    const n = this.size
    for (let pos = n - 1; pos >= 0; pos--) {
      outIndex[offset + pos] = this.idx[0]
      if (outScore) outScore[offset + pos] = this.val[0]
      this.popRoot()
    }
    return n
  }

  private popRoot(): void {
    const n = --this.size
    if (n === 0) return
    const index = this.idx[n]
    const score = this.val[n]
    let c = 0
    for (;;) {
      const l = 2 * c + 1
      if (l >= n) break
      const r = l + 1
      const w = r < n && this.worse(this.val[r], this.idx[r], this.val[l], this.idx[l]) ? r : l
      if (!this.worse(this.val[w], this.idx[w], score, index)) break
      this.idx[c] = this.idx[w]
      this.val[c] = this.val[w]
      c = w
    }
    this.idx[c] = index
    this.val[c] = score
  }
}
