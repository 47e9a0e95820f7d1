/**
 * Edits of a pipeline as pure functions over the step list: every edit returns a new list (the old one is what undo
 * goes back to on the server), and an index or id that does not exist is an error, not a silent no-op.
 */
import type { PrepStep, PrepStepKind } from '../../../../shared/domain/prep'

function indexOf(steps: readonly PrepStep[], id: string): number {
  const i = steps.findIndex((s) => s.id === id)
  if (i < 0) throw new RangeError(`No step with id "${id}" in this pipeline.`)
  return i
}

/** Moves a step up (delta −1) or down (+1); moving past either end leaves the list as it is. */
export function moveStep(steps: readonly PrepStep[], id: string, delta: -1 | 1): PrepStep[] {
  const from = indexOf(steps, id)
  const to = from + delta
  const out = [...steps]
  if (to < 0 || to >= steps.length) return out
  ;[out[from], out[to]] = [out[to], out[from]]
  return out
}

export function setEnabled(steps: readonly PrepStep[], id: string, enabled: boolean): PrepStep[] {
  const i = indexOf(steps, id)
  // Absent means enabled: keep the stored form minimal.
  return steps.map((s, j) => {
    if (j !== i) return s
    const { enabled: _, ...rest } = s
    return (enabled ? rest : { ...rest, enabled: false }) as PrepStep
  })
}

export function removeStep(steps: readonly PrepStep[], id: string): PrepStep[] {
  indexOf(steps, id)
  return steps.filter((s) => s.id !== id)
}

export function replaceStep(steps: readonly PrepStep[], step: PrepStep): PrepStep[] {
  const i = indexOf(steps, step.id)
  return steps.map((s, j) => (j === i ? step : s))
}

/** Appends a step; its id must be new (the server refuses duplicates). */
export function appendStep(steps: readonly PrepStep[], step: PrepStep): PrepStep[] {
  if (steps.some((s) => s.id === step.id))
    throw new RangeError(`A step with id "${step.id}" is already in the pipeline.`)
  return [...steps, step]
}

/** "impute-3": the kind and the smallest number not yet used with it, so ids stay short and readable. */
export function freshId(steps: readonly PrepStep[], kind: PrepStepKind): string {
  const used = new Set(steps.map((s) => s.id))
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`
    if (!used.has(id)) return id
  }
}
