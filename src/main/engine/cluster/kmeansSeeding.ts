/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with the local trials of scikit-learn's `_kmeans_plusplus`):
 * each new centre is the best of 2 + floor(ln k) candidates drawn with probability proportional to the squared
 * distance to the closest centre chosen so far, "best" meaning the lowest resulting potential.
 *
 * Written as a generator of row-range steps so the O(n·d·k·trials) distance work runs wherever the caller's executor
 * runs it (in this thread or on worker threads); the choices in between are cheap and stay here.
 */
import type { Rng } from '../random'
import type { KMeansStep, KMeansWorkspace } from './kmeansWorkspace'

export function* seedKMeansPlusPlus(ws: KMeansWorkspace, rng: Rng): Generator<KMeansStep, Float64Array, void> {
  const { n, d, k, x, candidates, trials } = ws
  const centres = new Float64Array(k * d)
  const first = rng.nextInt(n)
  centres.set(x.subarray(first * d, first * d + d), 0)
  candidates.set(x.subarray(first * d, first * d + d), 0)
  yield { kind: 'kpp-update', candidate: 0, first: true }
  let potential = sumOf(ws.chunkClosestSum)

  const ids = new Int32Array(trials)
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      const id = searchPotential(ws, rng.nextFloat() * potential)
      ids[t] = id
      candidates.set(x.subarray(id * d, id * d + d), t * d)
    }
    yield { kind: 'kpp-trials', trials }
    let best = 0
    let bestPot = Infinity
    for (let t = 0; t < trials; t++) {
      let pot = 0
      for (let ch = 0; ch < ws.nChunks; ch++) pot += ws.chunkPot[ch * trials + t]
      if (pot < bestPot) {
        bestPot = pot
        best = t
      }
    }
    candidates.copyWithin(0, best * d, best * d + d)
    yield { kind: 'kpp-update', candidate: 0, first: false }
    potential = sumOf(ws.chunkClosestSum)
    centres.set(x.subarray(ids[best] * d, ids[best] * d + d), c * d)
  }
  return centres
}

function sumOf(a: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]
  return s
}

/**
 * The first row whose running sum of `closest` reaches `target` (NumPy's `searchsorted(cumsum, target)`, clipped to
 * the last row). Chunk totals skip most of the data; the scan inside one chunk finds the row.
 */
function searchPotential(ws: KMeansWorkspace, target: number): number {
  const { closest, chunkClosestSum, chunkRows, n, nChunks } = ws
  let acc = 0
  for (let c = 0; c < nChunks; c++) {
    const total = chunkClosestSum[c]
    if (acc + total >= target) {
      let run = acc
      const end = Math.min(n, (c + 1) * chunkRows)
      for (let i = c * chunkRows; i < end; i++) {
        run += closest[i]
        if (run >= target) return i
      }
      // Row-by-row rounding fell just short of the chunk total: the target lies at this chunk's end.
      return end - 1
    }
    acc += total
  }
  return n - 1
}
