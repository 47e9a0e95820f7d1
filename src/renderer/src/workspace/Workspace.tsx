import { useEffect, useState } from 'react'
import type { ProjectSummary } from '../../../shared/domain/project'
import { useApi } from '../api/ApiContext'
import { useJobs } from '../jobs/useJobs'
import { JobsPanel } from '../jobs/JobsPanel'
import { Brand } from '../ui/Brand'
import { ThemeToggle } from '../ui/ThemeToggle'
import { StepNav } from './StepNav'
import { steps, type StepId } from './steps'
import { ImportStep } from '../steps/ImportStep'
import { NotBuiltYet } from '../steps/NotBuiltYet'
import { PrepareStep } from '../steps/prepare/PrepareStep'
import { SegmentStep } from '../steps/segment/SegmentStep'
import { UnderstandStep } from '../steps/understand/UnderstandStep'
import { ReportStep } from '../steps/report/ReportStep'
import { PersonaliseStep } from '../steps/personalise/PersonaliseStep'

export function Workspace({ project }: { project: ProjectSummary }) {
  const api = useApi()
  const jobs = useJobs()
  const [step, setStep] = useState<StepId>('import')

  // Alt+1 … Alt+6 jump straight to a step from anywhere in the window.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const index = Number(event.key) - 1
      if (index >= 0 && index < steps.length) {
        event.preventDefault()
        setStep(steps[index].id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const current = steps.find((s) => s.id === step)!
  return (
    <div className="workspace">
      <header className="topbar">
        <Brand />
        <div className="topbar__project" title={project.path}>
          {project.name}
        </div>
        <div className="topbar__actions">
          <ThemeToggle />
          <button type="button" className="button button--quiet" onClick={() => void api.invoke('project.close', {})}>
            Close project
          </button>
        </div>
      </header>
      <aside className="sidebar">
        <StepNav current={step} onSelect={setStep} />
      </aside>
      <main className="content" aria-labelledby="step-title">
        <h1 id="step-title">{current.label}</h1>
        <p className="lead">{current.summary}</p>
        {step === 'import' ? (
          <ImportStep />
        ) : step === 'prepare' ? (
          <PrepareStep />
        ) : step === 'segment' ? (
          <SegmentStep />
        ) : step === 'understand' ? (
          <UnderstandStep onGoToSegment={() => setStep('segment')} />
        ) : step === 'personalise' ? (
          <PersonaliseStep onGoTo={setStep} />
        ) : step === 'report' ? (
          <ReportStep onGoTo={setStep} />
        ) : (
          <NotBuiltYet step={step} />
        )}
      </main>
      <JobsPanel jobs={jobs} />
    </div>
  )
}
