import { useEffect, useState } from 'react'
import type { JobInfo } from '../../../shared/domain/jobs'
import { useApi, useEvent } from '../api/ApiContext'

/** Every job the host knows of, kept current by `job.updated` events. */
export function useJobs(): JobInfo[] {
  const api = useApi()
  const [jobs, setJobs] = useState<Map<string, JobInfo>>(new Map())
  useEffect(() => {
    void api.invoke('jobs.list', {}).then((list) => setJobs(new Map(list.map((j) => [j.id, j]))))
  }, [api])
  useEvent('job.updated', (job) => setJobs((old) => new Map(old).set(job.id, job)))
  return [...jobs.values()]
}
