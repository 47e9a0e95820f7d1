/**
 * Counts distinct values of a column in bounded memory: exactly (with counts per value) up to `cap` values, then
 * approximately with HyperLogLog (Flajolet, Fusy, Gandouet & Meunier 2007; 4,096 registers, standard error about
 * 1.6 %). A customer table with a million unique IDs thus costs 10,000 map entries plus 4 KB, not a million strings.
 */
export class DistinctCounter {
  private counts: Map<string, number> | null = new Map()
  private registers: Uint8Array | null = null

  constructor(private readonly cap: number) {}

  add(value: string): void {
    const counts = this.counts
    if (counts !== null) {
      const c = counts.get(value)
      if (c !== undefined) {
        counts.set(value, c + 1)
        return
      }
      if (counts.size < this.cap) {
        counts.set(value, 1)
        return
      }
      this.registers = new Uint8Array(registerCount)
      for (const key of counts.keys()) addToRegisters(this.registers, key)
      this.counts = null
    }
    addToRegisters(this.registers!, value)
  }

  /** Whether `count` is exact (the cap was never exceeded). */
  get exact(): boolean {
    return this.counts !== null
  }

  get count(): number {
    return this.counts !== null ? this.counts.size : estimate(this.registers!)
  }

  /** Values with their counts, most frequent first; empty once the cap was exceeded. */
  top(limit: number): { value: string; count: number }[] {
    if (this.counts === null) return []
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([value, count]) => ({ value, count }))
  }
}

const p = 12
const registerCount = 1 << p

function addToRegisters(registers: Uint8Array, value: string): void {
  const h = hash32(value)
  const index = h >>> (32 - p)
  const rest = (h << p) | (1 << (p - 1)) // guard bit keeps the rank finite
  const rank = Math.clz32(rest) + 1
  if (rank > registers[index]) registers[index] = rank
}

function estimate(registers: Uint8Array): number {
  const m = registers.length
  let sum = 0
  let zeros = 0
  for (let i = 0; i < m; i++) {
    sum += 2 ** -registers[i]
    if (registers[i] === 0) zeros++
  }
  const alpha = 0.7213 / (1 + 1.079 / m)
  const raw = (alpha * m * m) / sum
  if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros))
  return Math.round(raw)
}

/** FNV-1a over UTF-16 code units, then the murmur3 finaliser so that every output bit depends on every input bit. */
export function hash32(value: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
