import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'

test('in the browser, a project file from elsewhere opens by upload from "Open a project"', async ({ page, host }) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Handed over')
  await expect(page.getByText('Handed over').first()).toBeVisible()
  await new Workspace(page).closeProject()

  // A colleague's copy of the project, somewhere the host has never seen.
  const elsewhere = mkdtempSync(join(tmpdir(), 'segmentlab-e2e-copy-'))
  try {
    const projects = join(host.dataDir, 'projects')
    const [file] = readdirSync(projects).filter((f) => f.endsWith('.segmentlab'))
    const copy = join(elsewhere, 'From a colleague.segmentlab')
    copyFileSync(join(projects, file), copy)

    const card = page.getByRole('region', { name: 'Open a project' })
    await expect(card.getByText('Upload one from this computer, or open a recent one below.')).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/home-open-project.png' })
    await home.uploadProject(copy)
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible()
    await expect(page.getByText('Handed over').first()).toBeVisible()
  } finally {
    rmSync(elsewhere, { recursive: true, force: true })
  }
})
