/**
 * Matches customer ids between two tables with a hash map, in O(n + m). Ids are compared as the join always compared
 * them (SQLite's `trim(a) = trim(b)` over the imported text): spaces are cut from both ends — spaces only, not tabs or
 * other white space — and the rest must be the same characters, so case, leading zeros and "12346.0" vs "12346" all
 * differ. An empty cell (null) matches nothing; an id of spaces only is the empty id "" and matches another such id.
 */

/** SQLite's one-argument trim(): U+0020 cut from both ends, nothing else. */
export function joinKey(id: string): string {
  let start = 0
  let end = id.length
  while (start < end && id.charCodeAt(start) === 32) start++
  while (end > start && id.charCodeAt(end - 1) === 32) end--
  return start === 0 && end === id.length ? id : id.slice(start, end)
}

/** The features side, indexed: each id's first row (in row order), and the non-empty ids seen again. */
export interface IdIndex {
  readonly rowOf: Map<string, number>
  readonly repeated: Set<string>
  rows: number
}

export function newIdIndex(): IdIndex {
  return { rowOf: new Map(), repeated: new Set(), rows: 0 }
}

/** Adds the next rows' ids, in row order. */
export function indexIds(index: IdIndex, ids: readonly (string | null)[]): void {
  for (const raw of ids) {
    const row = index.rows++
    if (raw === null) continue
    const key = joinKey(raw)
    if (!index.rowOf.has(key)) index.rowOf.set(key, row)
    // The empty id is not a customer: it never made a join refuse (a SQL LEFT JOIN repeated the customer rows instead;
    // each now takes the first such row).
    else if (key !== '') index.repeated.add(key)
  }
}

/**
 * Writes into `featureRow` from `offset` the indexed row of each id, or -1, and returns how many matched. `seen`, when
 * given, collects the distinct non-empty ids in order of appearance until it holds `limit` (to say why none matched).
 */
export function matchIds(
  index: IdIndex,
  ids: readonly (string | null)[],
  featureRow: Int32Array,
  offset: number,
  seen?: { readonly ids: Set<string>; readonly limit: number },
): number {
  let matched = 0
  for (let i = 0; i < ids.length; i++) {
    const raw = ids[i]
    if (raw === null) {
      featureRow[offset + i] = -1
      continue
    }
    const key = joinKey(raw)
    const row = index.rowOf.get(key)
    featureRow[offset + i] = row ?? -1
    if (row !== undefined) matched++
    if (seen && key !== '' && seen.ids.size < seen.limit) seen.ids.add(key)
  }
  return matched
}

/** The first `limit` distinct non-empty ids of the indexed side, in order of appearance. */
export function indexedSample(index: IdIndex, limit: number): string[] {
  const out: string[] = []
  for (const key of index.rowOf.keys()) {
    if (out.length === limit) break
    if (key !== '') out.push(key)
  }
  return out
}
