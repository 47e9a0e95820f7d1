import { useEffect, useMemo, useState } from 'react'
import type { ClusterRun, Dendrogram } from '../../../../shared/domain/cluster'
import { heightForSegments, segmentsAtHeight } from '../../../../shared/charts/dendrogram'
import { messageOf, useApi } from '../../api/ApiContext'
import { ChartBoundary } from '../../charts/ChartBoundary'
import { DendrogramChart } from '../../charts/DendrogramChart'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf, formatNumber } from '../../ui/format'

const maxSegments = 50

/**
 * The tree of a hierarchical run and a cut the user moves (click or drag on the chart, the slider, or the
 * Fewer/More buttons) to see how many segments each height gives, then "Use N segments" to run again with that many.
 */
export function DendrogramPanel({
  run,
  onUseSegments,
  busy,
}: {
  run: ClusterRun
  onUseSegments: (k: number) => void
  busy: boolean
}) {
  const api = useApi()
  const [tree, setTree] = useState<Dendrogram | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [cut, setCut] = useState<number | null>(null)

  useEffect(() => {
    let live = true
    api
      .invoke('runs.dendrogram', { runId: run.id, truncateTo: 60 })
      .then((d) => {
        if (!live) return
        setTree(d)
        setCut(heightForSegments(d.heights, run.k))
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, run.id, run.k])

  const top = useMemo(() => (tree ? Math.max(0, ...tree.heights) * 1.05 : 1), [tree])
  if (error) return <ErrorNote message={error} />
  if (!tree) return <p className="muted">Drawing the tree…</p>

  const k = cut === null ? null : segmentsAtHeight(tree.heights, cut)
  // Next reachable number of segments in a direction (tied merge heights skip some).
  const step = (direction: 1 | -1) => {
    if (k === null) return
    for (let target = k + direction; target >= 1 && target <= tree.n; target += direction) {
      const h = heightForSegments(tree.heights, target)
      if (h !== null) {
        setCut(h)
        return
      }
    }
  }
  const truncated = tree.leafSizes.length < tree.n
  return (
    <div className="dendrogram">
      <p className="help">
        Customers join into groups from the bottom up; the higher two groups join, the less alike they are. Click or
        drag on the tree to move the cut: every branch that crosses it is a segment.
        {truncated && ` Only the top of the tree is drawn; the numbers under it count the customers in each branch.`}
      </p>
      <ChartBoundary what="dendrogram">
        <DendrogramChart dendrogram={tree} cutHeight={cut} onCut={setCut} />
      </ChartBoundary>
      <div className="cut-controls">
        <label className="field field--inline cut-controls__slider">
          <span>Cut height</span>
          <input
            type="range"
            min={0}
            max={top}
            step={top / 400}
            value={cut ?? 0}
            onChange={(e) => setCut(Number(e.target.value))}
            aria-valuetext={k === null ? undefined : `${formatNumber(cut)}: ${countOf(k, 'segment')}`}
          />
        </label>
        <button type="button" className="button button--small" onClick={() => step(-1)} disabled={k === null || k <= 1}>
          Fewer segments
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => step(1)}
          disabled={k === null || k >= tree.n}
        >
          More segments
        </button>
        <span className="cut-controls__result" aria-live="polite">
          {k === null ? 'No cut chosen' : `This cut gives ${countOf(k, 'segment')}.`}
        </span>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || k === null || k < 2 || k > maxSegments || k === run.k}
          onClick={() => k !== null && onUseSegments(k)}
        >
          Use {k ?? '…'} segments
        </button>
      </div>
      {k !== null && k > maxSegments && <p className="help">Cut higher: at most {maxSegments} segments can be used.</p>}
      {k !== null && k < 2 && <p className="help">Cut lower: a segmentation needs at least 2 segments.</p>}
      {k === run.k && <p className="help">This run already has {k} segments; move the cut to try another number.</p>}
    </div>
  )
}
