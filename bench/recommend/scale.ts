/**
 * Issue 13's scale: 100,000 customers × 50,000 items × about 5,000,000 purchases in one process, fitted and evaluated
 * with each collaborative method, printing time and peak memory (Linux VmHWM). A measurement, not a test:
 *   node --import tsx bench/recommend/scale.ts [method …]
 */
import { readFileSync } from 'node:fs'
import { csrFromTriples, evaluate, fitScorer, splitCsrRandom, transpose } from '../../src/main/engine/recommend'
import { buildIdIndex } from '../../src/main/engine/recommend/ids'
import { purchases } from './data'

function peakMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1024 ** 2
}

const users = 100_000
const items = 50_000
const methods = process.argv.slice(2).length ? process.argv.slice(2) : ['popular', 'item-knn']
const started = performance.now()
const q = purchases(users, items, 50, 5)
const all = csrFromTriples(users, items, q.user, q.item, new Float64Array(q.user.length).fill(1))
const { train, test } = splitCsrRandom(all, 0.25, 42)
const data = {
  users: buildIdIndex(Array.from({ length: users }, (_, u) => String(u))),
  items: buildIdIndex(Array.from({ length: items }, (_, i) => String(i))),
  x: train,
  xt: transpose(train),
}
console.log(
  `${all.indices.length.toLocaleString('en-US')} purchases (${users.toLocaleString('en-US')} customers × ` +
    `${items.toLocaleString('en-US')} items) built in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
    `peak ${peakMb().toFixed(0)} MB`,
)
for (const method of methods) {
  const t0 = performance.now()
  const scorer = await fitScorer(method as Parameters<typeof fitScorer>[0], data, {
    ease: { lambda: 500, maxItems: 2000 },
  })
  const t1 = performance.now()
  const e = await evaluate(scorer, train, test)
  const t2 = performance.now()
  console.log(
    `  ${method.padEnd(9)} fit ${((t1 - t0) / 1000).toFixed(1)} s, evaluate ${((t2 - t1) / 1000).toFixed(1)} s ` +
      `(${e.users.toLocaleString('en-US')} customers), NDCG@10 ${e.metrics.ndcg.toFixed(3)}, peak ${peakMb().toFixed(0)} MB`,
  )
}
