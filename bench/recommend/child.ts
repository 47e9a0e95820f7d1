/**
 * One recommendation measurement in a fresh process, so its peak memory is its own:
 *
 *   node --import tsx bench/recommend/child.ts tfidf 10000
 *   node --import tsx bench/recommend/child.ts user-knn 10000 5000
 *
 * Prints one JSON line: seconds (the work only, after generating the data) and peak resident memory (VmHWM) in MB.
 */
import { readFileSync } from 'node:fs'
import { fitTfidf, similarItems } from '../../src/main/engine/recommend'
import { emptyNeighbourhoods, neighbourKernel, SimilarityWorkspace } from '../../src/main/engine/recommend/neighbours'
import { csrFromTriples, rowNorms, transpose } from '../../src/main/engine/recommend/sparse'
import { purchases, shortTexts } from './data'

const [task, a, b] = process.argv.slice(2)
let seconds = 0
if (task === 'tfidf') {
  const texts = shortTexts(Number(a))
  const t = performance.now()
  const tfidf = fitTfidf(texts)
  await similarItems(tfidf.matrix, 10)
  seconds = (performance.now() - t) / 1000
} else if (task === 'user-knn') {
  const [users, items] = [Number(a), Number(b)]
  const p = purchases(users, items, 40)
  const t = performance.now()
  const x = csrFromTriples(users, items, p.user, p.item, new Float64Array(p.user.length).fill(1))
  const out = emptyNeighbourhoods(users, 10)
  neighbourKernel(x, transpose(x), rowNorms(x), { k: 10 }, 0, users, out, new SimilarityWorkspace(users))
  seconds = (performance.now() - t) / 1000
}
console.log(JSON.stringify({ task, seconds, maxRssMb: peakMemoryKb() / 1024 }))

function peakMemoryKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS
}
