import type { FittedStep, PrepStep, StepEffect } from '../../../shared/domain/prep'
import { UserError } from '../../../shared/errors'
import type { Frame } from '../frame'
import { applyStep } from './applyStep'

export interface PipelineResult {
  readonly frame: Frame
  /** One entry per step, aligned with `steps` (null for steps that learn nothing or are turned off). */
  readonly fitted: (FittedStep | null)[]
  readonly effects: StepEffect[]
}

/**
 * Runs the steps in order. With `fitted` (from an earlier run of the same steps) each step is replayed with its
 * learnt parameters, so new data is prepared exactly like the data the model was trained on. An error is rethrown
 * with the step's position so the UI can point at it.
 */
export function applyPipeline(
  frame: Frame,
  steps: readonly PrepStep[],
  fitted?: readonly (FittedStep | null)[],
): PipelineResult {
  if (fitted && fitted.length !== steps.length) {
    throw new RangeError(`Got parameters for ${fitted.length} steps but the pipeline has ${steps.length}.`)
  }
  let current = frame
  const fits: (FittedStep | null)[] = []
  const effects: StepEffect[] = []
  steps.forEach((step, index) => {
    try {
      const result = applyStep(current, step, fitted?.[index] ?? null)
      current = result.frame
      fits.push(result.fitted)
      effects.push(result.effect)
    } catch (error) {
      if (error instanceof UserError) {
        throw new UserError(`Step ${index + 1}: ${error.userMessage}`, {
          detail: error.detail,
          code: error.code,
          cause: error,
        })
      }
      throw error
    }
  })
  return { frame: current, fitted: fits, effects }
}
