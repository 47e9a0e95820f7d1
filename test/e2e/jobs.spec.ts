import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { ImportWizard } from './pages/ImportWizard'
import { snap, useTheme } from './pages/screens'

/**
 * Issue 17, job toasts: a finished job's toast fades after a few seconds and never covers the content; the project's
 * jobs stay one click away; a reload brings no old toast back, and another project shows none of these jobs.
 */
test('job toasts fade, stay off the content, and the task list belongs to the project', async ({ page, host }) => {
  const file = join(host.dataDir, 'visits.csv')
  writeFileSync(file, ['id,visits', ...Array.from({ length: 50 }, (_, i) => `${i},${i % 7}`)].join('\n') + '\n')
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Toasts')
  const workspace = new Workspace(page)
  await new ImportWizard(page).importFile(file, 'Visits')

  // The toast sits in the step list's column, clear of the content, and goes by itself.
  const toast = workspace.jobs().filter({ hasText: 'Importing visits.csv' })
  await expect(toast).toContainText('Done')
  await snap(page, 'jobs-toast')
  const box = (await toast.boundingBox())!
  const content = (await page.locator('main.content').boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(content.x)
  await expect(workspace.jobs()).toHaveCount(0, { timeout: 10_000 })

  // One click to every job of the project.
  const tasks = page.getByRole('button', { name: /^Tasks/ })
  await tasks.click()
  const list = page.getByRole('region', { name: 'Tasks of this project' })
  await expect(list.getByRole('listitem').filter({ hasText: 'Importing visits.csv' })).toContainText('Done')
  await snap(page, 'jobs-list')
  await useTheme(page, 'dark')
  await snap(page, 'jobs-list-dark')
  await useTheme(page, 'light')

  // A reload brings no finished toast back; the list still has the job.
  await page.reload()
  await expect(page.getByRole('tab', { name: /^Visits/ })).toBeVisible()
  await expect(workspace.jobs()).toHaveCount(0)
  await page.getByRole('button', { name: /^Tasks/ }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)

  // Another project: none of these jobs.
  await workspace.closeProject()
  await home.createProject('Another')
  await expect(workspace.steps().first()).toBeVisible()
  await expect(workspace.jobs()).toHaveCount(0)
  await page.getByRole('button', { name: /^Tasks/ }).click()
  await expect(list).toContainText('Nothing has run in this project yet.')
})
