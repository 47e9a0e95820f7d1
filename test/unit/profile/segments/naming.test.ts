import { describe, expect, it } from 'vitest'
import { profileSegments, type ProfileColumns } from '../../../../src/main/engine/profile/segments'
import type { FeatureUnits } from '../../../../src/shared/domain/understand'

/** Rows per group with a small deterministic wobble (±spread), so each group's mean is exactly `mean`. */
function groups(means: readonly number[], rows: number, spread = 0): Float64Array {
  const out: number[] = []
  for (const mean of means) for (let i = 0; i < rows; i++) out.push(mean + (i % 2 === 0 ? spread : -spread))
  return Float64Array.from(out)
}

function labelsFor(k: number, rows: number): Int32Array {
  return Int32Array.from({ length: k * rows }, (_, i) => Math.floor(i / rows))
}

function numeric(name: string, values: Float64Array, units: FeatureUnits = 'original') {
  return { name, values, units }
}

describe('RFM tables get the RFM vocabulary', () => {
  // Segment 0 bought recently, often and big; segment 1 long ago, once, small; segment 2 in between.
  const columns: ProfileColumns = {
    numeric: [
      numeric('recency_days', groups([10, 300, 90], 20, 2)),
      numeric('frequency', groups([10, 1, 3], 20, 0.5)),
      numeric('monetary', groups([1000, 50, 200], 20, 10)),
    ],
    categories: [],
    monetary: 'monetary',
  }
  const { segments } = profileSegments(labelsFor(3, 20), 3, columns)

  it('calls the recent, frequent, big spenders Champions-like and says why in numbers', () => {
    expect(segments[0].suggestedName).toBe('Champions-like')
    expect(segments[0].nameReason).toBe(
      'Bought recently (10 days vs 133 on average), often (10.0 vs 4.7 orders) and spends 2.4× the average.',
    )
  })

  it('calls the long-gone, one-off buyers Hibernating', () => {
    expect(segments[1].suggestedName).toBe('Hibernating')
    expect(segments[1].nameReason).toMatch(/^Bought long ago \(300 days vs 133 on average\), rarely \(1\.0 vs 4\.7/)
  })

  it('gives money shares that add up to 1, biggest for the Champions-like', () => {
    const shares = segments.map((s) => s.valueShare!)
    expect(shares.reduce((a, b) => a + b)).toBeCloseTo(1, 12)
    expect(shares[0]).toBeCloseTo(1000 / 1250, 12)
  })

  it('names frequent buyers who have been away a long time At risk', () => {
    const atRisk = profileSegments(labelsFor(3, 20), 3, {
      ...columns,
      numeric: [
        numeric('recency_days', groups([10, 300, 250], 20, 2)),
        numeric('frequency', groups([10, 1, 6], 20, 0.5)),
        numeric('monetary', groups([1000, 50, 300], 20, 10)),
      ],
    }).segments
    expect(atRisk[2].suggestedName).toBe('At risk')
  })
})

describe('other tables are named after their strongest traits', () => {
  const columns: ProfileColumns = {
    numeric: [
      numeric('Fresh', groups([30000, 2000, 2000, 6000], 20, 1000)),
      numeric('Milk', groups([5000, 5200, 4800, 5000], 20, 3000)),
      numeric('Grocery', groups([2000, 9000, 9000, 8000], 20, 500)),
    ],
    categories: [{ name: 'Channel', values: Array.from({ length: 80 }, (_, i) => (i < 18 ? 'Hotel' : 'Retail')) }],
    monetary: null,
  }
  const { segments } = profileSegments(labelsFor(4, 20), 4, columns)

  it('puts Fresh in the name of the segment with 3× the average Fresh', () => {
    expect(segments[0].suggestedName).toMatch(/High Fresh/)
    expect(segments[0].distinguishing[0].words).toBe('3.0× the average Fresh (30,000 vs 10,000)')
    expect(segments[0].distinguishing[0].ratio).toBeCloseTo(3, 12)
    expect(segments[0].nameReason).toMatch(/^Set apart by 3\.0× the average Fresh/)
  })

  it('words a strongly over-represented category', () => {
    const channel = segments[0].distinguishing.find((t) => t.feature === 'Channel')!
    expect(channel.words).toBe('mostly Channel = Hotel (90% vs 23% overall)')
    expect(channel.ratio).toBeCloseTo(4, 12)
  })

  it('shows a category that is a bare code as a trait but keeps it out of the name', () => {
    const coded: ProfileColumns = {
      ...columns,
      categories: [{ name: 'Channel', values: Array.from({ length: 80 }, (_, i) => (i < 20 ? '2' : '1')) }],
    }
    const [first] = profileSegments(labelsFor(4, 20), 4, coded).segments
    const channel = first.distinguishing.find((t) => t.feature === 'Channel')!
    expect(channel.words).toBe('mostly Channel = 2 (100% vs 25% overall)')
    expect(Math.abs(channel.smd)).toBeGreaterThan(Math.abs(first.distinguishing[1].smd))
    expect(first.suggestedName).not.toMatch(/Channel/)
  })

  it('gives 3 to 5 traits, strongest first, and keeps weak ones only to make up three, saying so', () => {
    for (const s of segments) {
      expect(s.distinguishing.length).toBeGreaterThanOrEqual(3)
      expect(s.distinguishing.length).toBeLessThanOrEqual(5)
      const sizes = s.distinguishing.map((t) => Math.abs(t.smd))
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes)
      for (const t of s.distinguishing) if (Math.abs(t.smd) < 0.2) expect(t.words).toMatch(/^close to average/)
    }
  })

  it('has no segment with a duplicate name, and the same names on a second run', () => {
    const names = segments.map((s) => s.suggestedName)
    expect(new Set(names).size).toBe(4)
    expect(profileSegments(labelsFor(4, 20), 4, columns).segments.map((s) => s.suggestedName)).toEqual(names)
  })

  it('uses SD words for prepared columns', () => {
    const pc = profileSegments(labelsFor(2, 10), 2, {
      numeric: [numeric('PC1', groups([1, -1], 10, 0.5), 'prepared')],
      categories: [],
      monetary: null,
    }).segments
    expect(pc[0].features[0].index).toBeNull()
    expect(pc[0].distinguishing[0].ratio).toBeNull()
    expect(pc[0].distinguishing[0].words).toBe('well above average on PC1 (+0.9 SD)')
    expect(pc[1].suggestedName).toBe('Low PC1')
  })
})

describe('distinct names', () => {
  it('adds the next trait when the two strongest are the same', () => {
    const { segments } = profileSegments(labelsFor(3, 20), 3, {
      numeric: [
        numeric('A', groups([10, 10, 0], 20, 0.1)),
        numeric('B', groups([0, 0, 10], 20, 1)),
        numeric('C', groups([7, 3, 5], 20, 4)),
      ],
      categories: [],
      monetary: null,
    })
    expect(segments.map((s) => s.suggestedName)).toEqual([
      'High A · Low B · High C',
      'High A · Low B · Low C',
      'Low A · High B',
    ])
  })

  it('numbers segments only when their traits run out', () => {
    const { segments } = profileSegments(labelsFor(3, 4), 3, {
      numeric: [numeric('Spend_total', Float64Array.from([9, 11, 9, 11, 9, 11, 9, 11, 1, 2, 1, 2]))],
      categories: [],
      monetary: null,
    })
    expect(segments.map((s) => s.suggestedName)).toEqual(['High Spend total', 'High Spend total 2', 'Low Spend total'])
  })

  it('names an empty segment so and describes it without NaN', () => {
    const result = profileSegments(Int32Array.from([0, 0, 1, 1]), 3, {
      numeric: [numeric('x', Float64Array.from([1, 2, 3, NaN]))],
      categories: [{ name: 'c', values: ['a', null, 'b', 'b'] }],
      monetary: 'x',
    })
    const empty = result.segments[2]
    expect(empty.suggestedName).toBe('Empty segment')
    expect(empty.distinguishing).toEqual([])
    expect(empty.valueShare).toBe(0)
    expect(empty.features[0]).toMatchObject({ mean: 2, median: 2, smd: 0, index: null, box: [2, 2, 2, 2, 2] })
    expect(empty.categories[0].shares.map((s) => s.lift)).toEqual([null, null])
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
    expect(containsNaN(result)).toBe(false)
  })
})

function containsNaN(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (Array.isArray(value)) return value.some(containsNaN)
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsNaN)
  return false
}
