/**
 * Segment rules: a shallow decision tree that reproduces the segments from the features, read back as one if-then
 * rule per leaf ("Fresh > 9,800 and Milk ≤ 2,300 → Segment 2"), with how often each rule and each segment is right.
 * The tree explains the segmentation in the units it is given; it does not re-segment anybody.
 */
import type { RuleCondition, SegmentRule, SegmentRules } from '../../../../shared/domain/understand'
import type { Matrix } from '../../matrix'
import { fitDecisionTree, type DecisionTree } from './decisionTree'

export interface ExplainOptions {
  /** Deepest rule: at most this many conditions before simplification (default 3, at most 5 to stay readable). */
  readonly maxDepth?: number
  /**
   * Smallest share of customers a rule may describe (default 0.01): the tree's leaf minimum is ⌈share · n⌉ rows (at
   * least 1, as sklearn reads a fractional `min_samples_leaf`), so rules describe groups rather than single customers.
   */
  readonly minLeafShare?: number
}

export const DEFAULT_RULE_DEPTH = 3
export const MAX_RULE_DEPTH = 5
export const DEFAULT_MIN_LEAF_SHARE = 0.01

/**
 * Rules explaining `labels` (segment 0..k−1 of each row of `x`) from the columns of `x`, named by `features`.
 * Rows must be complete (no missing values) and every row in a segment. Rules come ordered by segment, then by the
 * customers they cover, most first. O(p·n log n).
 */
export function explainSegments(
  x: Matrix,
  features: readonly string[],
  labels: Int32Array,
  k: number,
  options: ExplainOptions = {},
): SegmentRules {
  const maxDepth = options.maxDepth ?? DEFAULT_RULE_DEPTH
  const minLeafShare = options.minLeafShare ?? DEFAULT_MIN_LEAF_SHARE
  validate(x, features, labels, k, maxDepth, minLeafShare)
  const n = x.rows
  const minSamplesLeaf = Math.max(1, Math.ceil(minLeafShare * n))
  const tree = fitDecisionTree(x, labels, k, { maxDepth, minSamplesLeaf })

  const rules = leafRules(tree, features).sort((a, b) => a.segment - b.segment || b.covers - a.covers)
  const correctBySegment = new Array<number>(k).fill(0)
  let correct = 0
  for (const rule of rules) {
    correctBySegment[rule.segment] += rule.correct
    correct += rule.correct
  }
  const sizes = tree.nodes[0].counts
  return {
    depth: tree.nodes.reduce((deepest, node) => Math.max(deepest, node.depth), 0),
    accuracy: correct / n,
    rules,
    // A segment no leaf predicts gets 0: no simple rule describes it.
    recallBySegment: correctBySegment.map((c, s) => (sizes[s] === 0 ? 0 : c / sizes[s])),
  }
}

/** One rule per leaf, in the tree's order, its path's conditions simplified. */
function leafRules(tree: DecisionTree, features: readonly string[]): SegmentRule[] {
  const rules: SegmentRule[] = []
  const visit = (index: number, path: readonly RuleCondition[]): void => {
    const node = tree.nodes[index]
    if (node.split === null) {
      rules.push({
        segment: node.prediction,
        conditions: simplifyConditions(path),
        covers: node.samples,
        correct: node.counts[node.prediction],
      })
      return
    }
    const { feature, threshold, left, right } = node.split
    visit(left, [...path, { feature: features[feature], op: '<=', threshold }])
    visit(right, [...path, { feature: features[feature], op: '>', threshold }])
  }
  visit(0, [])
  return rules
}

/**
 * Keeps the tightest condition per feature and direction — "x > 3 and x > 5" is "x > 5", "x ≤ 8 and x ≤ 6" is "x ≤ 6" —
 * in the order each (feature, direction) first appears on the path, so a range reads "x > 3 and x ≤ 6".
 */
export function simplifyConditions(path: readonly RuleCondition[]): RuleCondition[] {
  const kept: RuleCondition[] = []
  for (const condition of path) {
    const at = kept.findIndex((c) => c.feature === condition.feature && c.op === condition.op)
    if (at < 0) kept.push(condition)
    else if (
      condition.op === '<=' ? condition.threshold < kept[at].threshold : condition.threshold > kept[at].threshold
    )
      kept[at] = condition
  }
  return kept
}

function validate(
  x: Matrix,
  features: readonly string[],
  labels: Int32Array,
  k: number,
  maxDepth: number,
  minLeafShare: number,
): void {
  if (features.length !== x.cols) {
    throw new RangeError(`There are ${x.cols} feature columns but ${features.length} feature names.`)
  }
  if (x.rows < 1) throw new RangeError('There are no customers to explain.')
  if (labels.length !== x.rows)
    throw new RangeError(`There are ${x.rows} customers but ${labels.length} segment labels.`)
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`The number of segments must be ≥ 1; got ${k}.`)
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_RULE_DEPTH) {
    throw new RangeError(`Rules may be 1 to ${MAX_RULE_DEPTH} conditions deep; got ${maxDepth}.`)
  }
  if (!(minLeafShare >= 0 && minLeafShare <= 0.5)) {
    throw new RangeError(`The smallest rule share must be between 0 and 0.5; got ${minLeafShare}.`)
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || labels[i] >= k) {
      throw new RangeError(`Row ${i + 1} is in segment ${labels[i]}; rules need every row in a segment 0 to ${k - 1}.`)
    }
  }
  const { data, cols } = x
  for (let idx = 0; idx < data.length; idx++) {
    if (!Number.isFinite(data[idx])) {
      const value = Number.isNaN(data[idx]) ? 'no value' : String(data[idx])
      const where = `Row ${Math.floor(idx / cols) + 1} has ${value} for ${features[idx % cols]}`
      throw new RangeError(`${where}; segment rules need a number in every cell (fill missing values first).`)
    }
  }
}
