/** Segment rules: a shallow CART tree that explains segment membership as if-then rules. */
export {
  fitDecisionTree,
  predictTree,
  type DecisionTree,
  type TreeNode,
  type TreeSplit,
  type TreeOptions,
} from './decisionTree'
export {
  explainSegments,
  simplifyConditions,
  type ExplainOptions,
  DEFAULT_RULE_DEPTH,
  MAX_RULE_DEPTH,
  DEFAULT_MIN_LEAF_SHARE,
} from './segmentRules'
