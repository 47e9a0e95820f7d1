import { getRun } from '../store/repos/runs'
import { currentPipeline } from '../store/repos/pipelines'
import { getRunProfile, saveRunProfile } from '../store/repos/runProfiles'
import { resetSegmentName, suggestNames, updateSegmentLabel, type LabelChange } from '../store/repos/segmentLabels'
import type { ClusterRun } from '../../shared/domain/cluster'
import type { JobInfo } from '../../shared/domain/jobs'
import type { RunProfile } from '../../shared/domain/understand'
import type { Emit, Session } from './session'
import type { JobService } from './jobService'

/** Step 4, Understand: segment profiles computed in a job and stored with their run; names, colours and notes. */
export function createUnderstandService(deps: { session: Session; jobs: JobService; emit: Emit }) {
  const { session, jobs, emit } = deps
  const db = () => session.requireProject().db

  return {
    profile(runId: number): RunProfile | null {
      getRun(db(), runId)
      return getRunProfile(db(), runId)
    },

    compute(runId: number): JobInfo {
      const project = db()
      const run = getRun(project, runId)
      const steps = run.pipeline ?? currentPipeline(project, run.datasetId).steps
      return jobs.start(
        { kind: 'understand', runId, steps, pipelineKnown: run.pipeline !== undefined },
        `Describing the segments of ${run.name}`,
        {
          apply: ({ profile }) => {
            // One transaction: a profile is never stored without the names it suggested, nor the reverse.
            project.transaction(() => {
              getRun(project, runId) // the run may have been deleted while the job ran
              saveRunProfile(project, profile)
              suggestNames(
                project,
                runId,
                profile.segments.map((s) => s.suggestedName),
              )
            })()
            emit('runs.changed', { datasetId: run.datasetId })
            return { runId }
          },
        },
      ).info
    },

    update(runId: number, segment: number, change: LabelChange): ClusterRun {
      const run = getRun(db(), runId)
      updateSegmentLabel(db(), runId, run.k, segment, change)
      emit('runs.changed', { datasetId: run.datasetId })
      return getRun(db(), runId)
    },

    resetName(runId: number, segment: number): ClusterRun {
      const run = getRun(db(), runId)
      resetSegmentName(db(), runId, run.k, segment)
      emit('runs.changed', { datasetId: run.datasetId })
      return getRun(db(), runId)
    },
  }
}
