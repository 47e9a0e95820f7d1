import { useState, type FormEvent } from 'react'
import type { PrepStep, PrepStepInput } from '../../../../shared/domain/prep'
import type { AvailableColumn } from './availableColumns'
import { checkStep } from './checkStep'
import { normaliseConditions } from './conditionValues'
import { kindInfo } from './stepCatalog'
import { StepFields } from './StepFields'

/**
 * The small form of one step, for adding or editing. It checks the step on submit and says what is wrong in a
 * sentence; Escape cancels.
 */
export function StepForm({
  initial,
  columns,
  isNew,
  busy,
  onSubmit,
  onCancel,
}: {
  initial: PrepStepInput
  columns: readonly AvailableColumn[]
  isNew: boolean
  busy: boolean
  onSubmit: (step: PrepStep) => void
  onCancel: () => void
}) {
  const [draft, setDraft] = useState<PrepStepInput>(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const info = kindInfo(initial.kind)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const ready =
      draft.kind === 'filterRows' ? { ...draft, conditions: normaliseConditions(draft.conditions, columns) } : draft
    const result = checkStep(ready, columns)
    if (!result.ok) return setProblem(result.message)
    setProblem(null)
    onSubmit(result.step)
  }

  return (
    <form
      className="step-form"
      aria-label={`${isNew ? 'New step' : 'Edit step'}: ${info.label}`}
      // The step is checked by checkStep with sentences; the browser's own bubbles would only get in the way.
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onCancel()
        }
      }}
    >
      <div className="step-form__head">
        <strong>{info.label}</strong>
        <span className="help">{info.help}</span>
      </div>
      <StepFields draft={draft} columns={columns} onChange={(d) => setDraft(d)} />
      {problem && (
        <p className="step-form__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="step-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {isNew ? 'Add step' : 'Save step'}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
