import { useEffect, useId, useState } from 'react'
import type { CatalogueItem, RecModel, SensitiveMarks } from '../../../../shared/domain/recommend'
import { messageOf, useApi } from '../../api/ApiContext'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf } from '../../ui/format'

/**
 * Items and categories never to recommend nor show per person (health, baby products…). Marks hide at once from lists
 * and exports; the next fit leaves them out of the data, so they neither drive nor explain any recommendation.
 */
export function SensitivePanel({ model, onChange }: { model: RecModel; onChange: () => void }) {
  const api = useApi()
  const searchId = useId()
  const categoryId = useId()
  const [marks, setMarks] = useState<SensitiveMarks | null>(null)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<CatalogueItem[]>([])
  const [category, setCategory] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void api.invoke('recommend.sensitive', {}).then((m) => live && setMarks(m))
    return () => {
      live = false
    }
  }, [api])
  useEffect(() => {
    if (query.trim().length < 2) return
    let live = true
    const timer = setTimeout(
      () => void api.invoke('recommend.items', { query }).then((items) => live && setFound(items)),
      150,
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, query, marks])

  const save = (next: SensitiveMarks) =>
    api
      .invoke('recommend.markSensitive', next)
      .then((m) => {
        setMarks(m)
        setError(null)
        onChange()
      })
      .catch((e: unknown) => setError(messageOf(e)))

  if (!marks) return null
  const applied = JSON.stringify(model.sensitive.marks) === JSON.stringify(marks)
  const hasCategories = model.settings.catalogue?.category != null
  return (
    <section className="panel card" aria-labelledby="rec-sensitive">
      <h2 id="rec-sensitive">Sensitive items</h2>
      <p className="muted personalise__intro">
        Mark items, or whole {hasCategories ? 'categories' : 'kinds of item by a word of their description (“baby”)'},
        that must never be recommended nor shown per person. They disappear from the lists and exports at once; make the
        recommendations again to fill their places without them.
      </p>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <div className="personalise__marks">
        <div>
          <h3>Marked</h3>
          {marks.items.length + marks.categories.length === 0 ? (
            <p className="muted">Nothing is marked.</p>
          ) : (
            <ul className="personalise__chips" aria-label="Marked as sensitive">
              {marks.categories.map((c) => (
                <li key={`c-${c}`}>
                  <span>{hasCategories ? `Category “${c}”` : `Word “${c}”`}</span>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Unmark ${c}`}
                    onClick={() => void save({ ...marks, categories: marks.categories.filter((x) => x !== c) })}
                  >
                    ✕
                  </button>
                </li>
              ))}
              {marks.items.map((i) => (
                <li key={`i-${i}`}>
                  <span>Item {i}</span>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Unmark ${i}`}
                    onClick={() => void save({ ...marks, items: marks.items.filter((x) => x !== i) })}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            {applied
              ? model.sensitive.hiddenItems > 0
                ? `The recommendations shown were made without ${countOf(model.sensitive.hiddenItems, 'item')}.`
                : 'The recommendations shown were made with these marks.'
              : 'Changed since the recommendations were made: make them again to apply.'}
          </p>
        </div>
        <form
          className="personalise__mark-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (category.trim() === '') return
            void save({ ...marks, categories: [...marks.categories, category.trim()] })
            setCategory('')
          }}
        >
          <div className="field">
            <label htmlFor={categoryId}>{hasCategories ? 'Mark a category' : 'Mark a word'}</label>
            <input id={categoryId} value={category} onChange={(e) => setCategory(e.target.value)} />
          </div>
          <button type="submit" className="button">
            Mark
          </button>
        </form>
        <div>
          <div className="field">
            <label htmlFor={searchId}>Find an item to mark</label>
            <input
              id={searchId}
              type="search"
              value={query}
              placeholder="Id or words of its name"
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          {query.trim().length >= 2 && (
            <ul className="personalise__found" aria-label="Items found">
              {found.map((i) => (
                <li key={i.item}>
                  <span>
                    {i.name ?? i.item} <span className="muted">{i.item}</span>
                  </span>
                  {i.sensitive ? (
                    <span className="badge badge--warn">sensitive</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Mark ${i.name ?? i.item} as sensitive`}
                      onClick={() => void save({ ...marks, items: [...marks.items, i.item] })}
                    >
                      Mark
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  )
}
