import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fromRows, matrix, type Matrix } from '../../../../src/main/engine/matrix'
import { explainSegments, simplifyConditions } from '../../../../src/main/engine/profile/rules'
import type { RuleCondition, SegmentRule } from '../../../../src/shared/domain/understand'
import { dataset, fixture, numbers } from '../../prep/fixtures'

/** Which rows a rule's conditions select, read straight from the data (so simplification is checked too). */
function selects(x: Matrix, features: readonly string[], rule: SegmentRule): number[] {
  const rows: number[] = []
  for (let i = 0; i < x.rows; i++) {
    const holds = (c: RuleCondition) => {
      const v = x.data[i * x.cols + features.indexOf(c.feature)]
      return c.op === '<=' ? v <= c.threshold : v > c.threshold
    }
    if (rule.conditions.every(holds)) rows.push(i)
  }
  return rows
}

describe('explainSegments', () => {
  it('finds the obvious rule: segment 1 is exactly x0 > 5', () => {
    const rows: number[][] = []
    for (let a = 0; a <= 10; a++) for (let b = 0; b <= 10; b++) rows.push([a, (a * 7 + b * 3) % 11])
    const x = fromRows(rows)
    const labels = Int32Array.from(rows, ([a]) => (a > 5 ? 1 : 0))
    const result = explainSegments(x, ['x0', 'x1'], labels, 2)
    expect(result).toEqual({
      depth: 1,
      accuracy: 1,
      rules: [
        { segment: 0, conditions: [{ feature: 'x0', op: '<=', threshold: 5.5 }], covers: 66, correct: 66 },
        { segment: 1, conditions: [{ feature: 'x0', op: '>', threshold: 5.5 }], covers: 55, correct: 55 },
      ],
      recallBySegment: [1, 1],
    })
  })

  it('explains k-means segments of the wholesale customers as sklearn’s depth-3 tree does', () => {
    // Same tree as test/fixtures/profile/tree_reference.json's wholesale_kmeans4_depth3_leaf5 (leaf minimum 5 =
    // ⌈1% of 440⌉): its accuracy, and one rule per leaf.
    const reference = fixture('profile/tree_reference.json').cases.find(
      (c: { name: string }) => c.name === 'wholesale_kmeans4_depth3_leaf5',
    )
    const frame = dataset('wholesale')
    const features: string[] = reference.features
    const columns = features.map((f) => numbers(frame, f))
    const x = matrix(
      frame.rowCount,
      features.length,
      Float64Array.from({ length: frame.rowCount * features.length }, (_, k) => {
        return columns[k % features.length][Math.floor(k / features.length)]
      }),
    )
    const labels = Int32Array.from(reference.y as number[])
    const result = explainSegments(x, features, labels, 4)
    expect(result.accuracy).toBeCloseTo(reference.accuracy, 12)
    expect(result.depth).toBe(3)
    const leaves = (reference.nodes as { feature?: number }[]).filter((n) => n.feature === undefined)
    expect(result.rules).toHaveLength(leaves.length)
    for (const rule of result.rules) {
      const selected = selects(x, features, rule)
      expect(selected).toHaveLength(rule.covers)
      expect(selected.filter((i) => labels[i] === rule.segment)).toHaveLength(rule.correct)
      expect(rule.covers).toBeGreaterThanOrEqual(5)
    }
  })

  it('keeps its promises on any data: covers add up, rules select what they say, shares lie in [0, 1]', () => {
    const data = fc
      .record({ n: fc.integer({ min: 1, max: 60 }), k: fc.integer({ min: 1, max: 5 }) })
      .chain(({ n, k }) =>
        fc.record({
          x: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }), {
            minLength: n,
            maxLength: n,
          }),
          labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
          k: fc.constant(k),
          maxDepth: fc.integer({ min: 1, max: 5 }),
          minLeafShare: fc.constantFrom(0, 0.01, 0.05, 0.2),
        }),
      )
    fc.assert(
      fc.property(data, ({ x, labels, k, maxDepth, minLeafShare }) => {
        const m = fromRows(x)
        const features = ['a', 'b', 'c']
        const y = Int32Array.from(labels)
        const result = explainSegments(m, features, y, k, { maxDepth, minLeafShare })
        expect(result.rules.reduce((sum, r) => sum + r.covers, 0)).toBe(x.length)
        expect(result.depth).toBeLessThanOrEqual(maxDepth)
        let correct = 0
        for (const rule of result.rules) {
          const selected = selects(m, features, rule)
          expect(selected).toHaveLength(rule.covers)
          expect(selected.filter((i) => y[i] === rule.segment)).toHaveLength(rule.correct)
          expect(rule.correct).toBeLessThanOrEqual(rule.covers)
          // Simplified: at most one condition per feature and direction.
          const keys = rule.conditions.map((c) => `${c.feature} ${c.op}`)
          expect(new Set(keys).size).toBe(keys.length)
          correct += rule.correct
        }
        expect(result.accuracy).toBeCloseTo(correct / x.length, 12)
        expect(result.recallBySegment).toHaveLength(k)
        for (let s = 0; s < k; s++) {
          const r = result.recallBySegment[s]
          expect(r).toBeGreaterThanOrEqual(0)
          expect(r).toBeLessThanOrEqual(1)
          if (!result.rules.some((rule) => rule.segment === s)) expect(r).toBe(0)
        }
        // Ordered by segment, then by customers covered.
        for (let i = 1; i < result.rules.length; i++) {
          const [a, b] = [result.rules[i - 1], result.rules[i]]
          expect(a.segment < b.segment || (a.segment === b.segment && a.covers >= b.covers)).toBe(true)
        }
      }),
    )
  })

  it('gives a segment no leaf predicts a recall of 0, and an empty segment 0', () => {
    // Segment 2 is one customer among many: no leaf of 1% or more can single it out; segment 3 has nobody.
    const rows = Array.from({ length: 200 }, (_, i) => [i])
    const labels = Int32Array.from(rows, ([v]) => (v === 100 ? 2 : v < 100 ? 0 : 1))
    const result = explainSegments(fromRows(rows), ['v'], labels, 4, { minLeafShare: 0.05 })
    expect(result.recallBySegment[2]).toBe(0)
    expect(result.recallBySegment[3]).toBe(0)
    expect(result.rules.some((r) => r.segment === 2 || r.segment === 3)).toBe(false)
  })

  it('describes a single segment with one rule without conditions', () => {
    const result = explainSegments(fromRows([[1], [2]]), ['v'], Int32Array.from([0, 0]), 1)
    expect(result).toEqual({
      depth: 0,
      accuracy: 1,
      rules: [{ segment: 0, conditions: [], covers: 2, correct: 2 }],
      recallBySegment: [1],
    })
  })

  it('says what is wrong with its input', () => {
    const x = fromRows([[1], [NaN]])
    expect(() => explainSegments(x, ['Fresh'], Int32Array.from([0, 1]), 2)).toThrow('Row 2 has no value for Fresh')
    const ok = fromRows([[1], [2]])
    expect(() => explainSegments(ok, ['v'], Int32Array.from([0, -1]), 2)).toThrow('Row 2 is in segment -1')
    expect(() => explainSegments(ok, ['v'], Int32Array.from([0, 1]), 2, { maxDepth: 6 })).toThrow('1 to 5')
    expect(() => explainSegments(ok, ['v', 'w'], Int32Array.from([0, 1]), 2)).toThrow('2 feature names')
  })
})

describe('simplifyConditions', () => {
  const c = (feature: string, op: '<=' | '>', threshold: number): RuleCondition => ({ feature, op, threshold })

  it('keeps the tightest bound per feature and direction, in order of first appearance', () => {
    expect(simplifyConditions([c('x', '>', 3), c('y', '<=', 2), c('x', '>', 5)])).toEqual([
      c('x', '>', 5),
      c('y', '<=', 2),
    ])
    expect(simplifyConditions([c('x', '<=', 8), c('x', '>', 1), c('x', '<=', 6)])).toEqual([
      c('x', '<=', 6),
      c('x', '>', 1),
    ])
    expect(simplifyConditions([c('x', '>', 5), c('x', '>', 3)])).toEqual([c('x', '>', 5)])
    expect(simplifyConditions([])).toEqual([])
  })
})
