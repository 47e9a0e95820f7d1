/**
 * fitDecisionTree against scikit-learn 1.2.1's DecisionTreeClassifier(criterion='gini', random_state=0) on iris and on
 * the wholesale customers (test/fixtures/profile/tree_reference.json, made by make_tree_reference.py beside it; the
 * feature values come from test/fixtures/prep/datasets.json, which that script checks equal to the CSV files).
 */
import { describe, expect, it } from 'vitest'
import { matrix, type Matrix } from '../../../../src/main/engine/matrix'
import { fitDecisionTree, predictTree, type DecisionTree } from '../../../../src/main/engine/profile/rules'
import { dataset, fixture, numbers } from '../../prep/fixtures'

interface ReferenceNode {
  samples: number
  counts: number[]
  impurity: number
  feature?: number
  threshold?: number
  left?: number
  right?: number
  /** Other (feature, threshold) splits exactly as good as sklearn's: there sklearn's pick depends on random_state. */
  alternatives?: [number, number][]
}

interface ReferenceCase {
  name: string
  dataset: 'iris' | 'wholesale'
  features: string[]
  maxDepth: number
  minSamplesLeaf: number
  classes: number
  y: number[]
  nodes: ReferenceNode[]
  depth: number
  predictions: number[]
  accuracy: number
}

const reference = fixture<{ cases: ReferenceCase[] }>('profile/tree_reference.json')

function featuresOf(c: ReferenceCase): Matrix {
  const frame = dataset(c.dataset)
  const columns = c.features.map((name) => numbers(frame, name))
  const n = frame.rowCount
  const data = new Float64Array(n * columns.length)
  columns.forEach((col, j) => col.forEach((v, i) => (data[i * columns.length + j] = v)))
  return matrix(n, columns.length, data)
}

// sklearn compares float32 copies of the features with float64 midpoints, so its thresholds sit within float32
// rounding (≈6e-8 relative) of ours.
const sameThreshold = (ours: number, theirs: number) => Math.abs(ours - theirs) <= 1e-6 * Math.max(1, Math.abs(theirs))

/** For each node of a tree given as (split or null) per node, whether row i reaches it: routes every row from the root. */
function reaching(
  x: Matrix,
  splitOf: (node: number) => { feature: number; threshold: number; left: number; right: number } | null,
  count: number,
): Uint8Array[] {
  const at = Array.from({ length: count }, () => new Uint8Array(x.rows))
  for (let i = 0; i < x.rows; i++) {
    let node = 0
    for (;;) {
      at[node][i] = 1
      const s = splitOf(node)
      if (s === null) break
      node = x.data[i * x.cols + s.feature] <= s.threshold ? s.left : s.right
    }
  }
  return at
}

const sameRows = (a: Uint8Array, b: Uint8Array) => a.every((v, i) => v === b[i])

interface Comparison {
  compared: number
  /** sklearn nodes below which the trees part, because sklearn and we picked different ones of equally good splits. */
  parted: number[]
}

/**
 * Walks both trees from the root and checks every node whose place in the tree is fixed: the same rows and class
 * counts, and at a split the same feature and threshold. Where sklearn had equally good alternatives, ours must pick
 * one of them (the lowest feature index; sklearn's pick depends on random_state). If that pick sends the same rows
 * left (iris: petal length ≤ 2.45 and petal width ≤ 0.8 both split off setosa) the walk goes on; otherwise the trees
 * may part there, and the node is recorded.
 */
function compareStructure(x: Matrix, ours: DecisionTree, theirs: ReferenceNode[]): Comparison {
  const ourRows = reaching(x, (o) => ours.nodes[o].split, ours.nodes.length)
  const theirSplit = (t: number) => {
    const b = theirs[t]
    return b.feature === undefined
      ? null
      : { feature: b.feature, threshold: b.threshold!, left: b.left!, right: b.right! }
  }
  const theirRows = reaching(x, theirSplit, theirs.length)
  const result: Comparison = { compared: 0, parted: [] }
  const walk = (o: number, t: number): void => {
    const a = ours.nodes[o]
    const b = theirs[t]
    result.compared++
    expect(sameRows(ourRows[o], theirRows[t]), `rows of sklearn node ${t}`).toBe(true)
    expect(a.samples, `node ${t}`).toBe(b.samples)
    expect(a.counts, `node ${t}`).toEqual(b.counts)
    expect(a.impurity).toBeCloseTo(b.impurity, 12)
    if (b.feature === undefined) {
      expect(a.split, `sklearn node ${t} is a leaf`).toBeNull()
      return
    }
    expect(a.split, `sklearn splits node ${t}`).not.toBeNull()
    const s = a.split!
    const choices: [number, number][] = [[b.feature, b.threshold!], ...(b.alternatives ?? [])]
    expect(
      choices.some(([f, th]) => f === s.feature && sameThreshold(s.threshold, th)),
      `node ${t}`,
    ).toBe(true)
    if (!sameRows(ourRows[s.left], theirRows[b.left!])) {
      result.parted.push(t)
      return
    }
    walk(s.left, b.left!)
    walk(s.right, b.right!)
  }
  walk(0, 0)
  return result
}

describe.each(reference.cases.map((c) => [c.name, c] as const))('%s equals sklearn', (_name, c) => {
  const x = featuresOf(c)
  const y = Int32Array.from(c.y)
  const tree = fitDecisionTree(x, y, c.classes, { maxDepth: c.maxDepth, minSamplesLeaf: c.minSamplesLeaf })

  const comparison = compareStructure(x, tree, c.nodes)

  it('has the same splits, rows and class counts wherever sklearn’s choice is not a tie', () => {
    // compareStructure asserts node by node; at most the subtrees under a differently broken tie are left out.
    for (const t of comparison.parted) expect(c.nodes[t].alternatives?.length).toBeGreaterThan(0)
    const below = (t: number): number => {
      const b = c.nodes[t]
      return b.feature === undefined ? 0 : 2 + below(b.left!) + below(b.right!)
    }
    const unpinned = comparison.parted.reduce((sum, t) => sum + below(t), 0)
    expect(comparison.compared).toBe(c.nodes.length - unpinned)
  })

  it('predicts every training row as sklearn does, except under a differently broken tie', () => {
    const predicted = predictTree(tree, x)
    const parted = reaching(
      x,
      (t) => {
        const b = c.nodes[t]
        return b.feature === undefined
          ? null
          : { feature: b.feature, threshold: b.threshold!, left: b.left!, right: b.right! }
      },
      c.nodes.length,
    )
    const pinned = (i: number) => comparison.parted.every((t) => parted[t][i] === 0)
    const mismatches = c.predictions.filter((p, i) => pinned(i) && predicted[i] !== p).length
    expect(mismatches).toBe(0)
    // The trees part at one tie in four cases (iris_depth5 node 13, wholesale_kmeans4_depth3_leaf5 node 9,
    // wholesale_kmeans4_depth5 node 39, wholesale_channel_depth3 node 7), each just above the leaves; only in
    // wholesale_kmeans4_depth5 do the two picks predict differently, and there on 19 rows at most.
    if (comparison.parted.length === 0) expect(Array.from(predicted)).toEqual(c.predictions)
  })

  it('has sklearn’s depth and training accuracy (also where the trees part: these ties cost nothing)', () => {
    expect(Math.max(...tree.nodes.map((n) => n.depth))).toBe(c.depth)
    const predicted = predictTree(tree, x)
    const correct = y.reduce((sum, label, i) => sum + (predicted[i] === label ? 1 : 0), 0)
    expect(correct / y.length).toBeCloseTo(c.accuracy, 12)
  })
})
