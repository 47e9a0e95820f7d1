import { buildIdIndex, lookup, type IdIndex } from './ids'
import { csrFromTriples, transpose, type Csr } from './sparse'

/**
 * A customer × item interaction matrix: `x` (customers × items, CSR) and its transpose `xt` (items × customers), with
 * the ids behind the indices. Values are purchase counts or quantities summed over repeated rows, or the latest rating.
 */
export interface Interactions {
  readonly users: IdIndex
  readonly items: IdIndex
  readonly x: Csr
  readonly xt: Csr
}

/** One row per interaction, as read from a file: ids as text, an optional value (quantity, amount or rating). */
export interface InteractionRows {
  readonly user: readonly (string | null)[]
  readonly item: readonly (string | null)[]
  /** Optional; 1 per row when absent. NaN rows are skipped. */
  readonly value?: Float64Array
  /** Optional time of each row (epoch ms or any increasing number), for the by-time split. */
  readonly time?: Float64Array
}

export interface BuildOptions {
  /** Merge repeated (customer, item) rows: 'sum' for purchases (default), 'last' for ratings. */
  readonly duplicates?: 'sum' | 'max' | 'last'
  /** Index spaces to reuse (e.g. the training set's), rows with ids outside them are dropped. */
  readonly users?: IdIndex
  readonly items?: IdIndex
  /** Only these rows of `rows` (indices); all when absent. */
  readonly subset?: Int32Array
}

/** Builds the sparse matrices, skipping rows with a missing id or value. O(rows + customers + items). */
export function buildInteractions(rows: InteractionRows, options: BuildOptions = {}): Interactions {
  const subset = options.subset ?? allRows(rows.user.length)
  const pick = <T>(values: readonly T[]): T[] => Array.from(subset, (t) => values[t])
  const userIds = pick(rows.user)
  const itemIds = pick(rows.item)
  const users = options.users ?? buildIdIndex(userIds)
  const items = options.items ?? buildIdIndex(itemIds)
  const u = lookup(users, userIds)
  const i = lookup(items, itemIds)
  let kept = 0
  for (let t = 0; t < subset.length; t++) {
    const v = rows.value ? rows.value[subset[t]] : 1
    if (u[t] >= 0 && i[t] >= 0 && !Number.isNaN(v)) kept++
  }
  const r = new Int32Array(kept)
  const c = new Int32Array(kept)
  const v = new Float64Array(kept)
  let k = 0
  for (let t = 0; t < subset.length; t++) {
    const value = rows.value ? rows.value[subset[t]] : 1
    if (u[t] < 0 || i[t] < 0 || Number.isNaN(value)) continue
    r[k] = u[t]
    c[k] = i[t]
    v[k++] = value
  }
  const x = csrFromTriples(users.ids.length, items.ids.length, r, c, v, options.duplicates ?? 'sum')
  return { users, items, x, xt: transpose(x) }
}

function allRows(n: number): Int32Array {
  const out = new Int32Array(n)
  for (let t = 0; t < n; t++) out[t] = t
  return out
}
