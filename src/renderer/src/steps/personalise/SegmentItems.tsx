import { useEffect, useState, type CSSProperties } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import type { RecModel, SegmentTopItem, SegmentTopItems } from '../../../../shared/domain/recommend'
import { messageOf, useApi } from '../../api/ApiContext'
import { ChoiceCard } from '../../ui/ChoiceCard'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf, formatCount, formatPercent } from '../../ui/format'
import { segmentLabels, SegmentSwatch, useSegmentColours } from '../segment/segmentLabels'

/**
 * Each segment's top items: what sets it apart (lift) or what most of it buys. Segment names and colours are the run's,
 * so a rename in Understand shows here at once. Without a segmentation it says where to make one.
 */
export function SegmentItems({
  model,
  run,
  chosen,
  onGoTo,
}: {
  model: RecModel
  run: ClusterRun | null
  chosen: ClusterRun | null
  onGoTo: (step: 'segment') => void
}) {
  const api = useApi()
  const [top, setTop] = useState<SegmentTopItems | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [by, setBy] = useState<'lift' | 'buyers'>('lift')
  useEffect(() => {
    let live = true
    api
      .invoke('recommend.segments', {})
      .then((t) => live && setTop(t))
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api])

  const head = <h2 id="rec-segments">Each segment’s top items</h2>
  if (!model.segments || !run) {
    return (
      <section className="panel card" aria-labelledby="rec-segments">
        {head}
        <p className="muted">
          {chosen
            ? `These recommendations were made before “${chosen.name}” was chosen; make them again to see each segment’s items.`
            : 'Per-segment items need a segmentation of the same customers. Choose one in the Segment step (for the sample: build RFM from the transactions in Prepare, then segment that table), then make the recommendations again.'}
        </p>
        {!chosen && (
          <button type="button" className="button" onClick={() => onGoTo('segment')}>
            Go to Segment
          </button>
        )}
      </section>
    )
  }
  const s = model.segments
  return (
    <section className="panel card" aria-labelledby="rec-segments">
      <div className="panel__head">
        {head}
        <span className="muted">{run.name}</span>
      </div>
      <p className="muted" role="note">
        {formatCount(s.matched)} of the {countOf(s.runCustomers, 'customer')} in “{s.runName}” matched the purchases by{' '}
        {s.idColumn} = {model.settings.customer}
        {s.coldStart > 0
          ? `; ${countOf(s.coldStart, 'customer')} without purchases get their segment’s favourites`
          : ''}
        .
      </p>
      {chosen && chosen.id !== run.id && (
        <div className="note note--warn" role="note">
          These use “{run.name}”; the segmentation chosen now is “{chosen.name}”. Make the recommendations again to use
          it.
        </div>
      )}
      <fieldset className="kind-choices personalise__by">
        <legend>Rank items by</legend>
        <ChoiceCard name="rec-by" checked={by === 'lift'} onSelect={() => setBy('lift')} title="What sets it apart">
          Lift: how much more likely its customers are to buy the item than customers overall (at least 5 buyers).
        </ChoiceCard>
        <ChoiceCard
          name="rec-by"
          checked={by === 'buyers'}
          onSelect={() => setBy('buyers')}
          title="What most of it buys"
        >
          The items bought by the most customers of the segment; also what its customers without purchases get.
        </ChoiceCard>
      </fieldset>
      <ErrorNote message={error} />
      {top === undefined ? (
        <p className="muted">Loading…</p>
      ) : top === null ? (
        <p className="muted">The segmentation these were made with no longer exists; make the recommendations again.</p>
      ) : (
        <SegmentCards top={top} run={run} by={by} />
      )}
    </section>
  )
}

function SegmentCards({ top, run, by }: { top: SegmentTopItems; run: ClusterRun; by: 'lift' | 'buyers' }) {
  const labels = segmentLabels(run)
  const colours = useSegmentColours(run)
  return (
    <div className="personalise__segments">
      {top.segments.map((seg) => {
        const items = by === 'lift' ? seg.byLift : seg.byBuyers
        const name = labels[seg.segment]?.name ?? `Segment ${seg.segment + 1}`
        return (
          <article
            key={seg.segment}
            className="personalise__segment"
            aria-label={`Top items of ${name}`}
            style={{ '--segment-colour': colours[seg.segment] } as CSSProperties}
          >
            <h3>
              <SegmentSwatch colour={colours[seg.segment]} />
              {name}
            </h3>
            <p className="muted">{countOf(seg.customers, 'customer')} with purchases</p>
            {items.length === 0 ? (
              <p className="muted">No item was bought by 5 or more of its customers.</p>
            ) : (
              <ol className="personalise__top">
                {items.map((i) => (
                  <TopItem key={i.item} item={i} by={by} />
                ))}
              </ol>
            )}
          </article>
        )
      })}
    </div>
  )
}

function TopItem({ item, by }: { item: SegmentTopItem; by: 'lift' | 'buyers' }) {
  return (
    <li>
      <span className="personalise__top-name">{item.name ?? item.item}</span>
      <span className="muted personalise__top-figure">
        {by === 'lift' ? `${item.lift.toFixed(1)}× · ` : ''}
        {formatPercent(item.share)} bought it
      </span>
    </li>
  )
}
