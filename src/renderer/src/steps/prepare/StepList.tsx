import type { PrepStep, StepEffect } from '../../../../shared/domain/prep'
import type { AvailableColumn } from './availableColumns'
import { describeStep, kindInfo } from './stepCatalog'
import { StepForm } from './StepForm'

/** The pipeline as an ordered list; each step can be turned off, moved, edited in place or deleted. */
export function StepList({
  steps,
  effects,
  columnsAt,
  editingId,
  busy,
  onEdit,
  onSave,
  onCancelEdit,
  onToggle,
  onMove,
  onDelete,
}: {
  steps: readonly PrepStep[]
  effects: readonly StepEffect[]
  columnsAt: (index: number) => AvailableColumn[]
  editingId: string | null
  busy: boolean
  onEdit: (id: string) => void
  onSave: (step: PrepStep) => void
  onCancelEdit: () => void
  onToggle: (id: string, enabled: boolean) => void
  onMove: (id: string, delta: -1 | 1) => void
  onDelete: (id: string) => void
}) {
  if (steps.length === 0) {
    return (
      <p className="muted small step-list__empty">
        No steps yet: the data is used as imported. Add a step below, or accept a suggested fix.
      </p>
    )
  }
  return (
    <ol className="step-list" aria-label="Preparation steps">
      {steps.map((step, i) => {
        const n = i + 1
        const enabled = step.enabled !== false
        const effect = effects.find((e) => e.stepId === step.id)
        return (
          <li key={step.id} className={`step-item${enabled ? '' : ' step-item--off'}`}>
            <div className="step-item__row">
              <span className="step-item__number" aria-hidden="true">
                {n}
              </span>
              <input
                type="checkbox"
                className="step-item__toggle"
                checked={enabled}
                disabled={busy}
                aria-label={`Use step ${n}`}
                title={enabled ? 'Turn this step off (it stays in the list)' : 'Turn this step back on'}
                onChange={(e) => onToggle(step.id, e.target.checked)}
              />
              <div className="step-item__text">
                <div className="step-item__top">
                  <span className="step-item__kind">{kindInfo(step.kind).label}</span>
                  <div className="step-item__tools">
                    <button
                      type="button"
                      className="button button--quiet button--icon"
                      aria-label={`Move step ${n} up`}
                      disabled={busy || i === 0}
                      onClick={() => onMove(step.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--icon"
                      aria-label={`Move step ${n} down`}
                      disabled={busy || i === steps.length - 1}
                      onClick={() => onMove(step.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Edit step ${n}`}
                      disabled={busy || editingId === step.id}
                      onClick={() => onEdit(step.id)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small button--danger-quiet"
                      aria-label={`Delete step ${n}`}
                      disabled={busy}
                      onClick={() => onDelete(step.id)}
                    >
                      Delete
                    </button>
                  </div>
                </div>
                <span className="step-item__what">{describeStep(step)}</span>
                {effect && <span className="help">{effect.summary}</span>}
              </div>
            </div>
            {editingId === step.id && (
              <StepForm
                initial={step}
                columns={columnsAt(i)}
                isNew={false}
                busy={busy}
                onSubmit={onSave}
                onCancel={onCancelEdit}
              />
            )}
          </li>
        )
      })}
    </ol>
  )
}
