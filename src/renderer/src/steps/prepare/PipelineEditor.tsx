import { useCallback, useEffect, useMemo, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/domain/dataset'
import type { PrepStep, PrepStepKind } from '../../../../shared/domain/prep'
import { ErrorNote } from '../../ui/ErrorNote'
import { MenuButton } from '../../ui/MenuButton'
import { columnsBefore, startingColumns } from './availableColumns'
import { followRenames } from './followRenames'
import { appendStep, freshId, moveStep, removeStep, replaceStep, setEnabled } from './pipelineOps'
import { newStep, stepKinds } from './stepCatalog'
import { StepForm } from './StepForm'
import { StepList } from './StepList'
import { SuggestedFixes } from './SuggestedFixes'
import type { PipelineState } from './usePipeline'

/** Ctrl+Z belongs to a text field while one has focus; elsewhere it undoes the last pipeline change. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The left half of Prepare: the steps, a menu to add one, Undo, and the suggested fixes. Every change is saved as a
 * new version at once; Undo (or Ctrl+Z) goes back one version.
 */
export function PipelineEditor({ dataset, state }: { dataset: DatasetSummary; state: PipelineState }) {
  const { pipeline, steps, preview, saving, save, undo } = state
  const [editing, setEditing] = useState<string | null>(null)
  const [adding, setAdding] = useState<PrepStepKind | null>(null)

  const start = useMemo(() => startingColumns(dataset.columns), [dataset.columns])
  const effects = useMemo(() => preview?.effects ?? [], [preview])
  const columnsAt = useCallback((index: number) => columnsBefore(start, steps, effects, index), [start, steps, effects])
  const canUndo = (pipeline?.version ?? 0) > 0 && !saving

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !typingIn(e.target)) {
        e.preventDefault()
        if (canUndo) void undo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [canUndo, undo])

  const change = async (next: PrepStep[]) => {
    if (await save(next)) {
      setEditing(null)
      setAdding(null)
    }
  }

  if (!pipeline) return state.error ? <ErrorNote message={state.error} /> : <p className="muted">Loading the steps…</p>

  return (
    <div className="pipeline">
      <div className="pipeline__head">
        <h2 id="pipeline-title">Steps</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => void undo()}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          title="Undo the last change (Ctrl+Z)"
        >
          ↶ Undo
        </button>
      </div>
      <p className="muted small">Applied in order, from the imported data; the original rows are never changed.</p>
      <ErrorNote message={state.error} onDismiss={state.clearError} />
      <StepList
        steps={steps}
        effects={effects}
        columnsAt={columnsAt}
        editingId={editing}
        busy={saving}
        onEdit={(id) => {
          setAdding(null)
          setEditing(id)
        }}
        onCancelEdit={() => setEditing(null)}
        onSave={(step) => void change(replaceStep(steps, step))}
        onToggle={(id, on) => void change(setEnabled(steps, id, on))}
        onMove={(id, delta) => void change(moveStep(steps, id, delta))}
        onDelete={(id) => void change(removeStep(steps, id))}
      />
      {adding ? (
        <StepForm
          key={adding}
          initial={newStep(adding, freshId(steps, adding), [])}
          columns={columnsAt(steps.length)}
          isNew
          busy={saving}
          onSubmit={(step) => void change(appendStep(steps, step))}
          onCancel={() => setAdding(null)}
        />
      ) : (
        <MenuButton
          label="Add a step"
          className="button button--primary"
          disabled={saving}
          items={stepKinds.map((k) => ({ key: k.kind, label: k.label, help: k.help }))}
          onPick={(kind) => {
            setEditing(null)
            setAdding(kind as PrepStepKind)
          }}
        />
      )}
      <SuggestedFixes
        datasetId={dataset.id}
        steps={steps}
        busy={saving}
        onAdd={(step) => {
          const named = followRenames(step, steps, (i) => columnsAt(i).map((c) => c.name))
          void change(appendStep(steps, named))
        }}
      />
    </div>
  )
}
