import { useEffect, useState } from 'react'
import type { ProjectSummary } from '../../shared/domain/project'
import { useApi, useEvent } from './api/ApiContext'
import { HomeScreen } from './home/HomeScreen'
import { Workspace } from './workspace/Workspace'

export function App() {
  const api = useApi()
  const [project, setProject] = useState<ProjectSummary | null | undefined>(undefined)
  useEffect(() => {
    void api.invoke('project.current', {}).then(setProject)
  }, [api])
  useEvent('project.changed', setProject)

  if (project === undefined) return <div className="splash">SegmentLab</div>
  return project ? <Workspace project={project} /> : <HomeScreen onOpened={setProject} />
}
