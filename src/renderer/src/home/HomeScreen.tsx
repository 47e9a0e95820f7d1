import { useEffect, useState, type FormEvent } from 'react'
import type { ProjectSummary, RecentProject } from '../../../shared/domain/project'
import { messageOf, useApi } from '../api/ApiContext'
import { Brand } from '../ui/Brand'
import { ErrorNote } from '../ui/ErrorNote'
import { ThemeToggle } from '../ui/ThemeToggle'

export function HomeScreen({ onOpened }: { onOpened: (project: ProjectSummary) => void }) {
  const api = useApi()
  const [recent, setRecent] = useState<RecentProject[]>([])
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void api.invoke('projects.recent', {}).then(setRecent)
  }, [api])

  async function run(action: () => Promise<ProjectSummary | null>) {
    setBusy(true)
    setError(null)
    try {
      const project = await action()
      if (project) onOpened(project)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const create = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim()) void run(() => api.invoke('project.create', { name: name.trim() }))
  }

  const openFromDisk = () =>
    void run(async () => {
      const path = await api.pickFile('project')
      return path ? api.invoke('project.open', { path }) : null
    })

  return (
    <div className="home">
      <header className="home__header">
        <Brand />
        <ThemeToggle />
      </header>
      <main className="home__main">
        <section className="home__intro">
          <h1>Understand your customers, privately.</h1>
          <p>
            Bring in your customer list or sales history, find the groups hiding in it, and get a report you can share.
            Everything stays on this computer.
          </p>
        </section>
        <ErrorNote message={error} onDismiss={() => setError(null)} />
        <div className="home__cards">
          <form className="card" onSubmit={create} aria-labelledby="new-project">
            <h2 id="new-project">New project</h2>
            <label className="field">
              <span>Project name</span>
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="e.g. Spring campaign 2026"
                maxLength={120}
                autoFocus
              />
            </label>
            <button className="button button--primary" type="submit" disabled={busy || !name.trim()}>
              Create project
            </button>
          </form>
          <section className="card card--feature" aria-labelledby="sample-project">
            <h2 id="sample-project">New here?</h2>
            <p className="muted">
              Open a sample project with real wholesale customers and an online shop's transactions, and try every step.
            </p>
            <button
              className="button button--primary"
              type="button"
              disabled={busy}
              onClick={() => void run(() => api.invoke('project.createSample', {}))}
            >
              Try with sample data
            </button>
          </section>
          <section className="card" aria-labelledby="open-project">
            <h2 id="open-project">Open a project</h2>
            <p className="muted">
              Projects are single files ending in .segmentlab.
              {api.shell === 'browser' && ' Upload one from this computer, or open a recent one below.'}
            </p>
            <button className="button" type="button" onClick={openFromDisk} disabled={busy}>
              {api.shell === 'desktop' ? 'Open project file…' : 'Upload project file…'}
            </button>
          </section>
        </div>
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent projects</h2>
          {recent.length === 0 ? (
            <p className="muted">No projects yet. Create one above to get started.</p>
          ) : (
            <ul className="recent__list">
              {recent.map((r) => (
                <li key={r.path} className="recent__item">
                  <button
                    type="button"
                    className="recent__open"
                    disabled={busy || !r.exists}
                    onClick={() => void run(() => api.invoke('project.open', { path: r.path }))}
                  >
                    <strong>{r.name}</strong>
                    <span className="muted">{r.exists ? r.path : 'File not found — moved or deleted?'}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Remove ${r.name} from recent projects`}
                    onClick={() => void api.invoke('projects.forget', { path: r.path }).then(setRecent)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  )
}
