/**
 * Recommendation benchmark (measurements, never asserted: this machine is shared and noisy).
 *
 *   node --import tsx bench/recommend/recommend.ts
 *
 * 1. TF-IDF + cosine top-10 neighbours over 10,000 short texts: ours vs scikit-learn's TfidfVectorizer +
 *    cosine_similarity + argpartition, each in a fresh process (time of the work, peak memory of the process).
 * 2. User-based KNN, each customer's 10 nearest customers (cosine), 10,000 customers × 5,000 items: ours vs
 *    scikit-learn's NearestNeighbors(metric='cosine', algorithm='brute') on the same sparse matrix.
 * 3. Fit + evaluate (issue 13's protocol, seeded 75/25 random split, top 10) on a generated set of about 1,000,000
 *    purchases: popularity, item-based KNN, user-based KNN and EASE (λ = 500, 2,000 items), with NDCG@10.
 * scikit-learn runs through /usr/bin/python3 when it is there; otherwise only our side is printed.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { csrFromTriples, evaluate, fitScorer, splitCsrRandom, transpose } from '../../src/main/engine/recommend'
import { buildIdIndex } from '../../src/main/engine/recommend/ids'
import { purchases, shortTexts } from './data'

const PYTHON = '/usr/bin/python3'
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url))

interface Measure {
  seconds: number
  maxRssMb: number
}

function sklearnAvailable(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn, scipy'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function child(...args: string[]): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', here('./child.ts'), ...args], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!) as Measure
}

function python(...args: string[]): Measure {
  return JSON.parse(execFileSync(PYTHON, [here('./sklearn_recommend.py'), ...args], { encoding: 'utf8' })) as Measure
}

function line(what: string, ours: Measure, theirs: Measure | null): void {
  const o = `ours ${ours.seconds.toFixed(2)} s, ${ours.maxRssMb.toFixed(0)} MB peak`
  if (!theirs) return console.log(`${what}: ${o}`)
  console.log(
    `${what}: ${o}; scikit-learn ${theirs.seconds.toFixed(2)} s, ${theirs.maxRssMb.toFixed(0)} MB peak → ` +
      `time ratio ours/sklearn ${(ours.seconds / theirs.seconds).toFixed(2)}, memory ratio ${(ours.maxRssMb / theirs.maxRssMb).toFixed(2)}`,
  )
}

export async function main(): Promise<void> {
  const withSklearn = sklearnAvailable()
  if (!withSklearn) console.log('(scikit-learn not found at /usr/bin/python3: our side only)')
  const dir = mkdtempSync(join(tmpdir(), 'segmentlab-bench-rec-'))
  try {
    // 1. TF-IDF + cosine top-10.
    const texts = join(dir, 'texts.txt')
    writeFileSync(texts, shortTexts(10_000).join('\n'))
    line(
      'TF-IDF + cosine top-10, 10,000 short texts',
      child('tfidf', '10000'),
      withSklearn ? python('tfidf', texts) : null,
    )

    // 2. User-KNN top-10.
    const p = purchases(10_000, 5_000, 40)
    writeFileSync(join(dir, 'u.i32'), p.user)
    writeFileSync(join(dir, 'i.i32'), p.item)
    line(
      `User-KNN top-10, 10,000 customers × 5,000 items (${p.user.length.toLocaleString('en-US')} purchases)`,
      child('user-knn', '10000', '5000'),
      withSklearn ? python('knn', join(dir, 'u.i32'), join(dir, 'i.i32'), '10000', '5000') : null,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  // 3. Fit + evaluate on ~1M purchases.
  const users = 40_000
  const items = 10_000
  const q = purchases(users, items, 30, 3)
  const all = csrFromTriples(users, items, q.user, q.item, new Float64Array(q.user.length).fill(1))
  const { train, test } = splitCsrRandom(all, 0.25, 42)
  const data = {
    users: buildIdIndex(Array.from({ length: users }, (_, u) => String(u))),
    items: buildIdIndex(Array.from({ length: items }, (_, i) => String(i))),
    x: train,
    xt: transpose(train),
  }
  console.log(
    `Fit + evaluate, ${all.indices.length.toLocaleString('en-US')} purchases (${users.toLocaleString('en-US')} customers × ` +
      `${items.toLocaleString('en-US')} items), seeded 75/25 split, top 10:`,
  )
  let baseline = 0
  for (const method of ['popular', 'item-knn', 'user-knn', 'ease'] as const) {
    const t0 = performance.now()
    const scorer = await fitScorer(method, data, { ease: { lambda: 500, maxItems: 2000 } })
    const t1 = performance.now()
    const e = await evaluate(scorer, train, test)
    const t2 = performance.now()
    if (method === 'popular') baseline = e.metrics.ndcg
    console.log(
      `  ${method.padEnd(9)} fit ${((t1 - t0) / 1000).toFixed(2)} s, evaluate ${((t2 - t1) / 1000).toFixed(2)} s ` +
        `(${e.users.toLocaleString('en-US')} customers), NDCG@10 ${e.metrics.ndcg.toFixed(3)} ` +
        `(${(e.metrics.ndcg / baseline).toFixed(2)}× popularity), coverage ${e.metrics.coverage.toFixed(3)}, ` +
        `heap ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB RSS`,
    )
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
