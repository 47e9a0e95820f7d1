import { useId } from 'react'
import type { AvailableColumn } from './availableColumns'

const kindWord: Record<AvailableColumn['kind'], string> = {
  number: 'number',
  date: 'date',
  category: 'category',
  text: 'text',
}

/**
 * Checkboxes for choosing columns, with "all" and "none" shortcuts. Only the columns a step can work on are offered;
 * a chosen column that no longer exists (an earlier step removed it) stays listed, marked, so nothing changes silently.
 */
export function ColumnPicker({
  legend,
  columns,
  selected,
  onChange,
  note,
}: {
  legend: string
  columns: readonly AvailableColumn[]
  selected: readonly string[]
  onChange: (columns: string[]) => void
  note?: string
}) {
  const id = useId()
  const missing = selected.filter((name) => !columns.some((c) => c.name === name))
  const toggle = (name: string, on: boolean) => onChange(on ? [...selected, name] : selected.filter((n) => n !== name))
  return (
    <fieldset className="column-picker" aria-describedby={note ? `${id}-note` : undefined}>
      <legend>{legend}</legend>
      <div className="column-picker__tools">
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange([...columns.map((c) => c.name), ...missing])}
        >
          Select all
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => onChange([])}>
          Clear
        </button>
        {note && (
          <span className="help" id={`${id}-note`}>
            {note}
          </span>
        )}
      </div>
      {columns.length === 0 && missing.length === 0 ? (
        <p className="muted small">No suitable columns at this point of the pipeline.</p>
      ) : (
        <div className="column-picker__list">
          {columns.map((c) => (
            <label key={c.name} className="check column-picker__item">
              <input
                type="checkbox"
                checked={selected.includes(c.name)}
                onChange={(e) => toggle(c.name, e.target.checked)}
              />
              <span>{c.name}</span>
              <span className="muted column-picker__kind" aria-hidden="true">
                {kindWord[c.kind]}
              </span>
            </label>
          ))}
          {missing.map((name) => (
            <label key={name} className="check column-picker__item column-picker__item--missing">
              <input type="checkbox" checked onChange={() => toggle(name, false)} />
              <span>{name}</span>
              <span className="column-picker__kind">not available here</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
