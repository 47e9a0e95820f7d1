/**
 * Dendrogram drawing instructions with SciPy's geometry (`scipy.cluster.hierarchy.dendrogram(Z, no_plot=True)`): leaves
 * at x = 5, 15, 25, …, one U per merge from [left child x, merge x's, right child x] at heights [left child height,
 * merge, merge, right child height], left child = the linkage row's first id. The UI hands these to ECharts as lines.
 *
 * `truncateTo: p` is SciPy's `truncate_mode='lastp'`: only the last p - 1 merges are drawn and the p clusters below
 * them become leaves (drawn from height 0), which keeps a dendrogram of 100,000 rows readable and small.
 * Iterative, so deep single-linkage chains cannot overflow the stack.
 */
import { UserError } from '../../../shared/errors'
import type { Matrix } from '../matrix'
import { checkLinkage } from './cut'
import type { DendrogramLayout } from './types'

export interface DendrogramOptions {
  /** Show only the last `truncateTo` clusters as leaves (SciPy's `lastp`). Default: every row is a leaf. */
  readonly truncateTo?: number
}

export function dendrogramLayout(z: Matrix, options: DendrogramOptions = {}): DendrogramLayout {
  const n = checkLinkage(z)
  let p = options.truncateTo ?? n
  if (!Number.isInteger(p) || p < 1) {
    throw new UserError(`The number of dendrogram leaves must be a whole number of at least 1; got ${p}.`, {
      code: 'invalid-option',
    })
  }
  if (p > n) p = n
  // Nodes below this id are leaves: rows always, and with truncation the clusters made before the last p - 1 merges.
  const firstDrawn = 2 * n - p
  const isLeaf = (id: number): boolean => id < n || id < firstDrawn

  const merges = p - 1
  const icoord = new Float64Array(merges * 4)
  const dcoord = new Float64Array(merges * 4)
  const mergeIndex = new Int32Array(merges)
  const leaves: number[] = []
  let u = 0

  // Explicit stack of (node, left edge, stage); results of finished children come back through `ret*`.
  const stackNode: number[] = [2 * n - 2]
  const stackIv: number[] = [0]
  const stackStage: number[] = [0]
  const leftX: number[] = [0]
  const leftW: number[] = [0]
  const leftH: number[] = [0]
  let retX = 0
  let retW = 0
  let retH = 0
  while (stackNode.length > 0) {
    const top = stackNode.length - 1
    const id = stackNode[top]
    const iv = stackIv[top]
    const stage = stackStage[top]
    if (stage === 0) {
      if (isLeaf(id)) {
        leaves.push(id)
        retX = iv + 5
        retW = 10
        retH = 0
        pop()
        continue
      }
      stackStage[top] = 1
      push(z.data[(id - n) * 4], iv)
    } else if (stage === 1) {
      leftX[top] = retX
      leftW[top] = retW
      leftH[top] = retH
      stackStage[top] = 2
      push(z.data[(id - n) * 4 + 1], iv + retW)
    } else {
      const h = z.data[(id - n) * 4 + 2]
      const ax = leftX[top]
      icoord.set([ax, ax, retX, retX], u * 4)
      dcoord.set([leftH[top], h, h, retH], u * 4)
      mergeIndex[u++] = id - n
      retX = (ax + retX) / 2
      retW = leftW[top] + retW
      retH = h
      pop()
    }
  }

  const leafSizes = new Int32Array(leaves.length)
  leaves.forEach((id, i) => (leafSizes[i] = id < n ? 1 : z.data[(id - n) * 4 + 3]))
  return {
    leaves: Int32Array.from(leaves),
    leafSizes,
    icoord: { data: icoord, rows: merges, cols: 4 },
    dcoord: { data: dcoord, rows: merges, cols: 4 },
    mergeIndex,
  }

  function push(id: number, iv: number): void {
    stackNode.push(id)
    stackIv.push(iv)
    stackStage.push(0)
    leftX.push(0)
    leftW.push(0)
    leftH.push(0)
  }

  function pop(): void {
    stackNode.pop()
    stackIv.pop()
    stackStage.pop()
    leftX.pop()
    leftW.pop()
    leftH.pop()
  }
}
