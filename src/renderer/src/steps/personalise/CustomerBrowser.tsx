import { useCallback, useEffect, useId, useState } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import type { CustomerLookup, RecModel } from '../../../../shared/domain/recommend'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf } from '../../ui/format'
import { segmentLabels, useSegmentColours } from '../segment/segmentLabels'
import { SegmentName } from '../understand/SegmentName'

/** One customer's recommendations with the reason for each, found by id; opens on the first customer. */
export function CustomerBrowser({ model, run }: { model: RecModel; run: ClusterRun | null }) {
  const api = useApi()
  const inputId = useId()
  const [query, setQuery] = useState('')
  const [lookup, setLookup] = useState<CustomerLookup | null>(null)
  const [error, setError] = useState<string | null>(null)

  const find = useCallback(
    (customer: string) =>
      api
        .invoke('recommend.customer', { customer })
        .then((l) => {
          setLookup(l)
          setError(null)
          return l
        })
        .catch((e: unknown) => {
          setError(messageOf(e))
          return null
        }),
    [api],
  )
  // Open on the first customer, so the screen shows what a list looks like before anyone searches.
  useEffect(() => {
    let live = true
    void api.invoke('recommend.customer', { customer: '' }).then((l) => {
      const first = l.suggestions[0]
      if (!live || !first) return
      setQuery(first)
      void api.invoke('recommend.customer', { customer: first }).then((found) => live && setLookup(found))
    })
    return () => {
      live = false
    }
  }, [api])

  const found = lookup?.found ?? null
  const customerWord = model.settings.customer
  return (
    <section className="panel card" aria-labelledby="rec-customer">
      <h2 id="rec-customer">One customer’s recommendations</h2>
      <form
        className="personalise__search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          void find(query)
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>Customer ({customerWord})</label>
          <input
            id={inputId}
            value={query}
            list={`${inputId}-ids`}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value)
              void api
                .invoke('recommend.customer', { customer: e.target.value })
                .then((l) => setLookup((old) => ({ found: old?.found ?? null, suggestions: l.suggestions })))
                .catch(() => {})
            }}
          />
          <datalist id={`${inputId}-ids`}>
            {(lookup?.suggestions ?? []).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <ErrorNote message={error} />
      {lookup && !found && query.trim() !== '' && (
        <p className="muted" role="status">
          No customer “{query.trim()}” among the recommendations.
          {lookup.suggestions.length > 0 ? ` Ids that start so: ${lookup.suggestions.join(', ')}.` : ''}
        </p>
      )}
      {found && <CustomerList found={found} run={run} />}
    </section>
  )
}

function CustomerList({ found, run }: { found: NonNullable<CustomerLookup['found']>; run: ClusterRun | null }) {
  return (
    <div className="personalise__customer" aria-label={`Recommendations for ${found.customer}`} role="region">
      <p className="personalise__customer-head">
        <strong>{found.customer}</strong>
        <span className="muted">
          {found.history > 0
            ? ` — bought ${countOf(found.history, 'item')}`
            : ' — no purchases yet: their segment’s favourites'}
        </span>
        {run && found.segment !== null && (
          <>
            {' '}
            <SegmentOf run={run} segment={found.segment} />
          </>
        )}
      </p>
      {found.hiddenSinceFit > 0 && (
        <p className="muted">
          {countOf(found.hiddenSinceFit, 'item')} marked sensitive since these were made{' '}
          {found.hiddenSinceFit === 1 ? 'is' : 'are'} hidden; make the recommendations again to fill{' '}
          {found.hiddenSinceFit === 1 ? 'its place' : 'their places'}.
        </p>
      )}
      {found.items.length === 0 ? (
        <p className="muted">Nothing to recommend: this customer has bought everything the method could suggest.</p>
      ) : (
        <div className="table-frame">
          <table className="table personalise__list">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Item</th>
                <th scope="col">Why</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {found.items.map((r) => (
                <tr key={r.rank}>
                  <td className="table__rownum">{r.rank}</td>
                  <td className="personalise__item">
                    <span>{r.name ?? r.item}</span>
                    {r.name && <span className="muted"> {r.item}</span>}
                  </td>
                  <td className="personalise__reason">{r.reason}</td>
                  <td className="muted">{r.score.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function SegmentOf({ run, segment }: { run: ClusterRun; segment: number }) {
  const colours = useSegmentColours(run)
  const label = segmentLabels(run)[segment]
  if (!label) return null
  return (
    <span className="personalise__customer-segment">
      in <SegmentName name={label.name} colour={colours[segment]} />
    </span>
  )
}
