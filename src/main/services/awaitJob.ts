import type { JobOutcome } from '../jobs/runJobProcess'
import { fromErrorPayload, UserError } from '../../shared/errors'

/** For requests that wait for their job (previews, inspections): the result, or the job's own error. */
export async function resultOf<T>(done: Promise<JobOutcome>): Promise<T> {
  const outcome = await done
  switch (outcome.status) {
    case 'succeeded':
      return outcome.result as T
    case 'cancelled':
      throw new UserError('Cancelled.', { code: 'job.cancelled' })
    case 'failed':
      throw fromErrorPayload(outcome.error)
  }
}
