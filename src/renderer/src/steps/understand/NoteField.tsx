import { useState } from 'react'
import { Field } from '../../ui/Field'

/**
 * A few sentences about a segment, saved when the box loses focus (no Save button to forget). Escape puts back what
 * was saved. While a save is on its way the box stays editable; "Saved" confirms it quietly.
 */
export function NoteField({
  label,
  value,
  placeholder,
  help,
  onSave,
}: {
  label: string
  value: string
  placeholder: string
  help?: string
  onSave: (text: string) => Promise<boolean>
}) {
  const [draft, setDraft] = useState(value)
  const [saved, setSaved] = useState(false)
  // A change from elsewhere (another window, a reset) replaces the draft when the box is not being edited.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setDraft(value)
  }
  return (
    <Field label={label} help={help} className="note-field">
      {(id, helpId) => (
        <>
          <textarea
            id={id}
            rows={2}
            maxLength={2000}
            value={draft}
            placeholder={placeholder}
            aria-describedby={helpId}
            onChange={(e) => {
              setDraft(e.target.value)
              setSaved(false)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(value)
            }}
            onBlur={() => {
              if (draft.trim() === value.trim()) return
              void onSave(draft.trim()).then((ok) => setSaved(ok))
            }}
          />
          <span className="note-field__status muted small" role="status">
            {saved ? 'Saved' : ''}
          </span>
        </>
      )}
    </Field>
  )
}
