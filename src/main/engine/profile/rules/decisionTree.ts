/**
 * A shallow CART classification tree (Breiman, Friedman, Olshen & Stone, "Classification and Regression Trees", 1984)
 * that grows like scikit-learn's `DecisionTreeClassifier(criterion='gini', splitter='best')`:
 *
 * - every feature and every threshold is tried; thresholds are midpoints `a / 2 + b / 2` between consecutive distinct
 *   values (sklearn's arithmetic), and a row goes left when `x <= threshold`;
 * - the best split has the largest Gini decrease weighted by sample counts, subject to `minSamplesLeaf` rows each side;
 * - a node is a leaf when it is pure, at `maxDepth`, too small to split, or when no split lowers the impurity (or by
 *   less than `minImpurityDecrease`);
 * - a node predicts its majority class, the smallest class index on ties (numpy's argmax).
 *
 * Where we differ from sklearn, on purpose:
 * - Equally good splits: sklearn visits features in a random order and keeps the first best, so its choice among
 *   ties depends on `random_state`. We keep the lowest feature index, then the lowest threshold, and call two splits
 *   equal when their scores agree to a relative 1e-12 (roundoff would otherwise pick between exact ties).
 * - sklearn splits a node even when the best split leaves the impurity unchanged (both children keep the parent's class
 *   shares); we make it a leaf. That is fewer, simpler rules; the price is that a pattern only visible two splits down
 *   (XOR) is missed where sklearn might stumble on it.
 * - sklearn converts features to float32; we keep float64, so thresholds agree to float32 precision (≈1e-7
 *   relative) and values closer than that are still told apart.
 * - Missing and infinite values are rejected (sklearn 1.2 rejects them too).
 *
 * Cost: one radix argsort per feature, O(p·n), then O(p·n) per tree level to scan and to partition the sorted orders
 * (each node owns one contiguous range of every feature's order, kept by a stable partition after each split). No
 * per-row objects: rows live in one Int32Array per feature.
 */
import type { Matrix } from '../../matrix'
import { argsort } from './argsort'

export interface TreeOptions {
  /** Deepest level of splits (the root is depth 0; maxDepth 3 gives at most 8 leaves). */
  readonly maxDepth: number
  /** Fewest rows a leaf may hold (default 1). */
  readonly minSamplesLeaf?: number
  /** A split must lower the impurity, weighted by the node's share of all rows, by at least this much (default 0). */
  readonly minImpurityDecrease?: number
}

/** How an inner node sends a row on: left when `x[feature] <= threshold`, else right (indices into `nodes`). */
export interface TreeSplit {
  readonly feature: number
  readonly threshold: number
  readonly left: number
  readonly right: number
}

export interface TreeNode {
  readonly depth: number
  /** Training rows that reach this node. */
  readonly samples: number
  /** Training rows per class, `classes` long. */
  readonly counts: readonly number[]
  /** Gini impurity of the training rows here: 1 − Σ (count / samples)². */
  readonly impurity: number
  /** The majority class (the smallest index among equal counts). */
  readonly prediction: number
  /** null at a leaf. */
  readonly split: TreeSplit | null
}

/** Plain JSON: nodes in depth-first order, left child first (sklearn's node order), the root at index 0. */
export interface DecisionTree {
  readonly classes: number
  readonly features: number
  readonly nodes: readonly TreeNode[]
}

/** Two split scores closer than this (relatively) are a tie, settled by feature index then threshold. */
const RELATIVE_TIE = 1e-12
/** sklearn's EPSILON (machine epsilon) in its `min_impurity_decrease` test. */
const EPSILON = 2.220446049250313e-16

/**
 * Fits a tree to rows `x` (n × p) and class labels `y` in 0..classes−1. Deterministic.
 * O(p·n log n + maxDepth·p·n) time, O(p·n) memory (one Int32Array order per feature).
 */
export function fitDecisionTree(x: Matrix, y: Int32Array, classes: number, options: TreeOptions): DecisionTree {
  const minSamplesLeaf = options.minSamplesLeaf ?? 1
  const minImpurityDecrease = options.minImpurityDecrease ?? 0
  validate(x, y, classes, options.maxDepth, minSamplesLeaf, minImpurityDecrease)
  const grower = new Grower(x, y, classes, options.maxDepth, minSamplesLeaf, minImpurityDecrease)
  grower.grow(0, x.rows, 0)
  return { classes, features: x.cols, nodes: grower.nodes }
}

/** The predicted class of every row of `x` (which must have the tree's features, in the same order). */
export function predictTree(tree: DecisionTree, x: Matrix): Int32Array {
  if (x.cols !== tree.features) {
    throw new RangeError(`The tree was fitted on ${tree.features} features; these rows have ${x.cols}.`)
  }
  const { data, rows, cols } = x
  const nodes = tree.nodes
  const out = new Int32Array(rows)
  for (let i = 0; i < rows; i++) {
    let node = nodes[0]
    while (node.split !== null) {
      const s = node.split
      node = nodes[data[i * cols + s.feature] <= s.threshold ? s.left : s.right]
    }
    out[i] = node.prediction
  }
  return out
}

function validate(
  x: Matrix,
  y: Int32Array,
  classes: number,
  maxDepth: number,
  minSamplesLeaf: number,
  minImpurityDecrease: number,
): void {
  if (!Number.isInteger(maxDepth) || maxDepth < 0) {
    throw new RangeError(`maxDepth must be a whole number ≥ 0; got ${maxDepth}.`)
  }
  if (!Number.isInteger(minSamplesLeaf) || minSamplesLeaf < 1) {
    throw new RangeError(`minSamplesLeaf must be a whole number ≥ 1; got ${minSamplesLeaf}.`)
  }
  if (!(minImpurityDecrease >= 0)) {
    throw new RangeError(`minImpurityDecrease must be ≥ 0; got ${minImpurityDecrease}.`)
  }
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`classes must be ≥ 1; got ${classes}.`)
  if (x.rows < 1) throw new RangeError('A decision tree needs at least one row.')
  if (y.length !== x.rows) throw new RangeError(`There are ${x.rows} rows but ${y.length} labels.`)
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= classes) {
      throw new RangeError(`Row ${i + 1} has class ${y[i]}; classes run from 0 to ${classes - 1}.`)
    }
  }
  const { data, cols } = x
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const where = `Row ${Math.floor(k / cols) + 1}, column ${(k % cols) + 1}`
      throw new RangeError(`${where} is ${data[k]}; a decision tree needs finite values.`)
    }
  }
}

/** The features column by column, `columns[f·n + i]` = x[i, f], so that scanning one feature reads one block. */
function columnMajor(x: Matrix): Float64Array {
  const { data, rows: n, cols: p } = x
  const columns = new Float64Array(n * p)
  for (let i = 0; i < n; i++) for (let f = 0; f < p; f++) columns[f * n + i] = data[i * p + f]
  return columns
}

/** For each feature f, the row indices sorted by value, equal values in row order, at order[f·n .. (f+1)·n). */
function sortedOrders(columns: Float64Array, n: number, p: number): Int32Array {
  const order = new Int32Array(n * p)
  for (let f = 0; f < p; f++) order.set(argsort(columns.subarray(f * n, (f + 1) * n)), f * n)
  return order
}

interface BestSplit {
  feature: number
  /** Rows of the node's range that go left: positions start .. start + nLeft − 1 of the feature's order. */
  nLeft: number
  threshold: number
  /** Σ_c L_c² / n_L + Σ_c R_c² / n_R: the larger, the lower the children's weighted Gini. */
  score: number
}

/** Grows the tree depth first over ranges of the per-feature sorted orders; holds the scratch buffers of one fit. */
class Grower {
  readonly nodes: TreeNode[] = []
  private readonly n: number
  private readonly p: number
  /** The features column-major (see columnMajor). */
  private readonly columns: Float64Array
  private readonly order: Int32Array
  private readonly goesLeft: Uint8Array
  private readonly scratch: Int32Array
  private readonly total: Float64Array
  private readonly left: Float64Array
  private readonly right: Float64Array

  constructor(
    x: Matrix,
    private readonly y: Int32Array,
    private readonly classes: number,
    private readonly maxDepth: number,
    private readonly minSamplesLeaf: number,
    private readonly minImpurityDecrease: number,
  ) {
    this.n = x.rows
    this.p = x.cols
    this.columns = columnMajor(x)
    this.order = sortedOrders(this.columns, this.n, this.p)
    this.goesLeft = new Uint8Array(this.n)
    this.scratch = new Int32Array(this.n)
    this.total = new Float64Array(classes)
    this.left = new Float64Array(classes)
    this.right = new Float64Array(classes)
  }

  /** Adds the node for rows [start, end) of every order, then its subtrees; returns its index. */
  grow(start: number, end: number, depth: number): number {
    const m = end - start
    const counts = this.countClasses(start, end)
    let sumSquares = 0
    let prediction = 0
    for (let c = 0; c < this.classes; c++) {
      sumSquares += counts[c] * counts[c]
      if (counts[c] > counts[prediction]) prediction = c
    }
    const impurity = 1 - sumSquares / (m * m)
    const index = this.nodes.length
    const leaf: TreeNode = { depth, samples: m, counts, impurity, prediction, split: null }
    this.nodes.push(leaf)

    const pure = counts[prediction] === m
    if (pure || depth >= this.maxDepth || m < 2 * this.minSamplesLeaf || this.p === 0) return index
    const best = this.bestSplit(start, end, sumSquares)
    // No split lowers the impurity: the score of "no split" is Σ_c T_c² / m.
    const parentScore = sumSquares / m
    if (best === null || best.score <= parentScore * (1 + RELATIVE_TIE)) return index
    // sklearn's impurity_improvement, (m / n) · (parent Gini − weighted child Gini), simplified.
    const improvement = (best.score - parentScore) / this.n
    if (improvement + EPSILON < this.minImpurityDecrease) return index

    this.partition(start, end, best)
    const left = this.grow(start, start + best.nLeft, depth + 1)
    const right = this.grow(start + best.nLeft, end, depth + 1)
    this.nodes[index] = { ...leaf, split: { feature: best.feature, threshold: best.threshold, left, right } }
    return index
  }

  private countClasses(start: number, end: number): number[] {
    const counts = new Array<number>(this.classes).fill(0)
    // Every feature's range holds the node's rows; without features the only node is the root, rows 0..n−1.
    if (this.p === 0) for (let i = start; i < end; i++) counts[this.y[i]]++
    else for (let i = start; i < end; i++) counts[this.y[this.order[i]]]++
    return counts
  }

  /** The best split of rows [start, end), scanning each feature's sorted range once; null when none is allowed. */
  private bestSplit(start: number, end: number, sumSquares: number): BestSplit | null {
    const { n, p, columns, order, y, total, left, right, minSamplesLeaf } = this
    const m = end - start
    total.fill(0)
    for (let i = start; i < end; i++) total[y[order[i]]]++
    let best: BestSplit | null = null
    for (let f = 0; f < p; f++) {
      const base = f * n
      // A constant feature cannot split.
      if (columns[base + order[base + end - 1]] <= columns[base + order[base + start]]) continue
      left.fill(0)
      right.set(total)
      let leftSquares = 0
      let rightSquares = sumSquares
      for (let i = start; i < end - 1; i++) {
        const row = order[base + i]
        const c = y[row]
        // Moving one row of class c from right to left: (L_c + 1)² − L_c² = 2 L_c + 1, likewise on the right.
        leftSquares += 2 * left[c] + 1
        left[c]++
        rightSquares -= 2 * right[c] - 1
        right[c]--
        const nLeft = i - start + 1
        if (nLeft < minSamplesLeaf) continue
        if (m - nLeft < minSamplesLeaf) break
        const value = columns[base + row]
        const next = columns[base + order[base + i + 1]]
        if (next <= value) continue
        const score = leftSquares / nLeft + rightSquares / (m - nLeft)
        if (best === null || score > best.score * (1 + RELATIVE_TIE)) {
          best = { feature: f, nLeft, threshold: midpoint(value, next), score }
        }
      }
    }
    return best
  }

  /** Stable-partitions every feature's range [start, end) into the rows going left, then those going right. */
  private partition(start: number, end: number, split: BestSplit): void {
    const { n, p, order, goesLeft, scratch } = this
    const chosen = split.feature * n
    const middle = start + split.nLeft
    // The chosen feature's range is already in order: its first nLeft rows are exactly those with x <= threshold.
    for (let i = start; i < middle; i++) goesLeft[order[chosen + i]] = 1
    for (let i = middle; i < end; i++) goesLeft[order[chosen + i]] = 0
    for (let f = 0; f < p; f++) {
      if (f === split.feature) continue
      const base = f * n
      let l = start
      let r = middle
      for (let i = start; i < end; i++) {
        const row = order[base + i]
        if (goesLeft[row] === 1) scratch[l++] = row
        else scratch[r++] = row
      }
      order.set(scratch.subarray(start, end), base + start)
    }
  }
}

/** sklearn's threshold: the midpoint, or the lower value when rounding puts the midpoint on the upper one. */
function midpoint(a: number, b: number): number {
  const t = a / 2 + b / 2
  return t === b || !Number.isFinite(t) ? a : t
}
