import { useState } from 'react'

/**
 * A name edited in place: Enter or the save button keeps it, Escape or Cancel leaves the old one. A name of spaces
 * alone cannot be saved; the name handed on is trimmed.
 */
export function RenameForm({
  name,
  label,
  saveLabel = 'Save',
  className,
  busy = false,
  onSave,
  onCancel,
}: {
  /** The current name: the box starts with it. */
  name: string
  /** The box's name for screen readers ("New name for …"). */
  label: string
  saveLabel?: string
  className: string
  /** While a save is on its way, it cannot be sent twice. */
  busy?: boolean
  onSave: (name: string) => void
  onCancel: () => void
}) {
  const [draft, setDraft] = useState(name)
  const trimmed = draft.trim()
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault()
        if (trimmed !== '' && !busy) onSave(trimmed)
      }}
    >
      <input
        aria-label={label}
        value={draft}
        maxLength={120}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="button button--primary button--small" disabled={busy || trimmed === ''}>
        {saveLabel}
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
