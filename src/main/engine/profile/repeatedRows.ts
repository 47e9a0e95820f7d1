import type { Frame, FrameColumn } from '../frame'
import { column } from '../frame'

/**
 * Marks each row equal to an earlier row on `columns`: 1 for a repeat, 0 for the first of its kind. Rows are equal
 * when every value is: missing (NaN, null) equals missing, 0 equals −0, text compares as written. Found through a hash
 * of each row and confirmed value by value, so a collision never merges two different rows; no text key is built per
 * row (a million rows × 20 columns made a million long strings and a second of garbage collection).
 * `hashBits` below 53 only serves tests: it makes rows collide, so that the confirming is tested too.
 */
export function repeatedRows(frame: Frame, columns: readonly string[], hashBits = 53): Uint8Array {
  const cols = columns.map((name) => column(frame, name))
  const n = frame.rowCount
  const high = new Uint32Array(n).fill(0x811c9dc5)
  const low = new Uint32Array(n).fill(0x9e3779b9)
  for (const c of cols) mixColumn(c, high, low)
  const repeats = new Uint8Array(n)
  // Rows seen, by hash: one row, or the few rows whose hashes collided without being equal.
  const seen = new Map<number, number | number[]>()
  for (let i = 0; i < n; i++) {
    // 53 bits: an exact double. Fewer only in tests, to make collisions happen.
    const key = (high[i] * 0x200000 + (low[i] >>> 11)) % 2 ** hashBits
    const earlier = seen.get(key)
    if (earlier === undefined) seen.set(key, i)
    else if (typeof earlier === 'number') {
      if (sameRow(cols, earlier, i)) repeats[i] = 1
      else seen.set(key, [earlier, i])
    } else if (earlier.some((j) => sameRow(cols, j, i))) repeats[i] = 1
    else earlier.push(i)
  }
  return repeats
}

const bits = new Float64Array(1)
const words = new Uint32Array(bits.buffer)
const MISSING = 0x7ff80001

function mixColumn(c: FrameColumn, high: Uint32Array, low: Uint32Array): void {
  if (c.kind === 'number' || c.kind === 'date') {
    const values = c.values
    for (let i = 0; i < values.length; i++) {
      const v = values[i]
      if (v !== v) mix(high, low, i, MISSING, MISSING)
      else {
        bits[0] = v === 0 ? 0 : v // −0 and 0 are one value
        mix(high, low, i, words[0], words[1])
      }
    }
  } else {
    const values = c.values
    for (let i = 0; i < values.length; i++) {
      const v = values[i]
      if (v === null) mix(high, low, i, MISSING, MISSING)
      else mix(high, low, i, textHash(v, 0x811c9dc5), textHash(v, 0x01000193))
    }
  }
}

function mix(high: Uint32Array, low: Uint32Array, i: number, a: number, b: number): void {
  let h = Math.imul(high[i] ^ a, 0x5bd1e995)
  high[i] = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b)
  h = Math.imul(low[i] ^ b, 0xcc9e2d51)
  low[i] = Math.imul(h ^ (h >>> 13) ^ a, 0x1b873593)
}

function textHash(text: string, seed: number): number {
  let h = seed ^ text.length
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193)
  return h
}

function sameRow(cols: readonly FrameColumn[], a: number, b: number): boolean {
  for (const c of cols) {
    const x = c.values[a]
    const y = c.values[b]
    if (x !== y && !(typeof x === 'number' && x !== x && y !== y)) return false
  }
  return true
}
