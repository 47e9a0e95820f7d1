import { createRng } from '../random'
import { buildInteractions, type InteractionRows } from './interactions'
import { type Csr } from './sparse'

/**
 * Train/test splits for honest evaluation. Both hold out a share of each customer's history and keep at least one
 * interaction in training; a customer with one interaction stays whole in training.
 * - random (seeded): per customer, in ascending customer order, a Fisher–Yates draw of round(n · fraction) of their
 *   n distinct items (xoshiro128** from engine/random, so the same seed gives the same split everywhere);
 * - by time: the last round(n · fraction) of each customer's rows by time (ties keep file order).
 */
export function splitCsrRandom(x: Csr, fraction: number, seed: number): { train: Csr; test: Csr; isTest: Uint8Array } {
  checkFraction(fraction)
  const rng = createRng(seed)
  const isTest = new Uint8Array(x.indices.length)
  const local = new Int32Array(x.cols)
  for (let u = 0; u < x.rows; u++) {
    const start = x.indptr[u]
    const n = x.indptr[u + 1] - start
    const m = heldOut(n, fraction)
    for (let t = 0; t < n; t++) local[t] = t
    for (let t = 0; t < m; t++) {
      const s = t + rng.nextInt(n - t)
      const v = local[s]
      local[s] = local[t]
      local[t] = v
      isTest[start + v] = 1
    }
  }
  return { train: filterEntries(x, isTest, 0), test: filterEntries(x, isTest, 1), isTest }
}

/** Row-level version of the random split: rows of a held-out (customer, item) pair are all test rows. */
export function splitRowsRandom(rows: InteractionRows, fraction: number, seed: number): Uint8Array {
  const all = buildInteractions(rows)
  const { isTest } = splitCsrRandom(all.x, fraction, seed)
  const out = new Uint8Array(rows.user.length)
  for (let t = 0; t < out.length; t++) {
    const u = rows.user[t] === null ? -1 : all.users.indexOf(rows.user[t]!)
    const i = rows.item[t] === null ? -1 : all.items.indexOf(rows.item[t]!)
    if (u < 0 || i < 0) continue
    let lo = all.x.indptr[u]
    let hi = all.x.indptr[u + 1] - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (all.x.indices[mid] < i) lo = mid + 1
      else hi = mid - 1
    }
    out[t] = isTest[lo]
  }
  return out
}

/** By time: the last share of each customer's rows (by `rows.time`) are test rows. */
export function splitRowsByTime(rows: InteractionRows, fraction: number): Uint8Array {
  checkFraction(fraction)
  if (!rows.time) throw new RangeError('A split by time needs the time of each row.')
  const time = rows.time
  const byUser = new Map<string, number[]>()
  rows.user.forEach((u, t) => {
    if (u === null || Number.isNaN(time[t])) return
    const list = byUser.get(u)
    if (list) list.push(t)
    else byUser.set(u, [t])
  })
  const out = new Uint8Array(rows.user.length)
  for (const list of byUser.values()) {
    list.sort((a, b) => time[a] - time[b] || a - b)
    const m = heldOut(list.length, fraction)
    for (let t = list.length - m; t < list.length; t++) out[list[t]] = 1
  }
  return out
}

function heldOut(n: number, fraction: number): number {
  return Math.min(Math.round(n * fraction), Math.max(n - 1, 0))
}

function checkFraction(fraction: number): void {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`The test share must be between 0 and 1; got ${fraction}.`)
}

/** The entries with flag[p] === keep, same shape. */
export function filterEntries(x: Csr, flag: Uint8Array, keep: 0 | 1): Csr {
  let nnz = 0
  for (let p = 0; p < flag.length; p++) if (flag[p] === keep) nnz++
  const indptr = new Int32Array(x.rows + 1)
  const indices = new Int32Array(nnz)
  const data = new Float64Array(nnz)
  let q = 0
  for (let r = 0; r < x.rows; r++) {
    for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) {
      if (flag[p] !== keep) continue
      indices[q] = x.indices[p]
      data[q++] = x.data[p]
    }
    indptr[r + 1] = q
  }
  return { rows: x.rows, cols: x.cols, indptr, indices, data }
}
