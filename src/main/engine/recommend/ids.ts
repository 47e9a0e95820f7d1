/**
 * Customer and item ids mapped to dense indices 0..n-1. Indices follow the ids' ascending order — numeric when every id
 * is a number (so "9" < "10"), otherwise by UTF-16 code units — which makes "lowest index" the documented tie-break
 * ("ties by ascending item id") everywhere in the recommenders.
 */
export interface IdIndex {
  readonly ids: readonly string[]
  readonly numeric: boolean
  indexOf(id: string): number
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** Dense indices for the distinct ids of `values` (null and '' are skipped). */
export function buildIdIndex(values: Iterable<string | null>): IdIndex {
  const set = new Set<string>()
  for (const v of values) if (v !== null && v !== '') set.add(v)
  const ids = [...set]
  const numeric = ids.length > 0 && ids.every((id) => NUMBER.test(id.trim()))
  if (numeric) ids.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
  else ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const map = new Map<string, number>()
  ids.forEach((id, i) => map.set(id, i))
  return { ids, numeric, indexOf: (id) => map.get(id) ?? -1 }
}

/** Index of each value in `index` (-1 when absent or missing). */
export function lookup(index: IdIndex, values: readonly (string | null)[]): Int32Array {
  const out = new Int32Array(values.length)
  for (let t = 0; t < values.length; t++) {
    const v = values[t]
    out[t] = v === null ? -1 : index.indexOf(v)
  }
  return out
}
