import { useCallback, useEffect, useId, useState } from 'react'
import type { CatalogueItem, SimilarItem, SimilarItems } from '../../../../shared/domain/recommend'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf } from '../../ui/format'

/**
 * "Items like this one": find an item by id or words of its name, see its nearest items by description and those
 * bought with it, each with why. Opens on the most bought item, so the panel shows what it does before anyone searches.
 */
export function SimilarItemsPanel() {
  const api = useApi()
  const inputId = useId()
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<CatalogueItem[]>([])
  const [shown, setShown] = useState<SimilarItems | null>(null)
  const [missing, setMissing] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const show = useCallback(
    (item: string) =>
      api
        .invoke('recommend.similar', { item })
        .then((s) => {
          setShown(s)
          setError(null)
        })
        .catch((e: unknown) => setError(messageOf(e))),
    [api],
  )
  useEffect(() => {
    let live = true
    void api.invoke('recommend.items', { query: '' }).then((items) => {
      if (live && items[0]) void show(items[0].item)
    })
    return () => {
      live = false
    }
  }, [api, show])

  const search = async () => {
    const q = query.trim()
    if (q === '') return
    try {
      const found = await api.invoke('recommend.items', { query: q })
      const exact = found.find((i) => i.item.toLowerCase() === q.toLowerCase()) ?? found[0]
      setMatches(found.filter((i) => i !== exact).slice(0, 6))
      setMissing(exact ? null : q)
      if (exact) await show(exact.item)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <section className="panel card" aria-labelledby="rec-similar">
      <h2 id="rec-similar">Items like this one</h2>
      <p className="muted personalise__intro">
        The items closest to one item by their descriptions — which is how items nobody has bought yet get recommended —
        and the items most often bought with it.
      </p>
      <form
        className="personalise__search"
        role="search"
        aria-label="Find an item"
        onSubmit={(e) => {
          e.preventDefault()
          void search()
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>Item (id or words of its name)</label>
          <input id={inputId} value={query} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
        </div>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      {missing && (
        <p className="muted" role="status">
          No item of the recommendations has “{missing}” in its id or name.
        </p>
      )}
      {matches.length > 0 && (
        <p className="personalise__also">
          <span className="muted">Also matching:</span>
          {matches.map((m) => (
            <button key={m.item} type="button" className="personalise__link" onClick={() => void show(m.item)}>
              {m.name ?? m.item}
            </button>
          ))}
        </p>
      )}
      {shown && <Neighbours shown={shown} />}
    </section>
  )
}

function Neighbours({ shown }: { shown: SimilarItems }) {
  const { item } = shown
  return (
    <div role="region" aria-label={`Items like ${item.name ?? item.item}`}>
      <p className="personalise__customer-head">
        <strong>{item.name ?? item.item}</strong>
        <span className="muted">
          {item.name ? ` ${item.item}` : ''} — bought by {countOf(item.buyers, 'customer')}
          {item.sensitive ? '; marked sensitive' : ''}
        </span>
      </p>
      {!shown.listed ? (
        <p className="muted">These recommendations were made before items-like-this lists existed: make them again.</p>
      ) : (
        <div className="personalise__similar">
          <NeighbourList
            title="Similar descriptions"
            items={shown.content}
            none={
              shown.content === null
                ? 'No descriptions were given: tick “Describe the items” above and make the recommendations again.'
                : 'No other item shares a word of its description.'
            }
          />
          <NeighbourList
            title="Bought together"
            items={shown.bought}
            none="Nobody who bought it bought another item often enough to tell."
          />
        </div>
      )}
    </div>
  )
}

function NeighbourList({ title, items, none }: { title: string; items: readonly SimilarItem[] | null; none: string }) {
  return (
    <div className="personalise__similar-list">
      <h3>{title}</h3>
      {!items || items.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ol className="personalise__top" aria-label={title}>
          {items.map((s) => (
            <li key={s.item}>
              <span className="personalise__top-name">
                {s.name ?? s.item}
                {s.name && <span className="muted"> {s.item}</span>}
              </span>
              <span className="personalise__reason personalise__top-figure">
                {s.reason} · {s.similarity.toFixed(2)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
