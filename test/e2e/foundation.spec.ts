import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'

test('create a project, walk the journey steps by keyboard, reopen it from recents', async ({ page, host }) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Spring campaign')

  const workspace = new Workspace(page)
  await expect(page.getByText('Spring campaign').first()).toBeVisible()
  await expect(workspace.steps()).toHaveText([/Import/, /Prepare/, /Segment/, /Understand/, /Personalise/, /Report/])
  await page.screenshot({ path: 'test-results/screens/workspace-import-empty.png' })

  await workspace.steps().first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('heading', { level: 1, name: 'Prepare' })).toBeVisible()
  await page.keyboard.press('Alt+6')
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible()
  // An empty project has nothing to report: the step says so and leads to the step that makes segments.
  await expect(page.getByRole('heading', { name: 'Nothing to report yet' })).toBeVisible()
  await page.getByRole('button', { name: 'Go to Segment' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Segment' })).toBeVisible()

  await workspace.closeProject()
  await page.screenshot({ path: 'test-results/screens/home-recent.png' })
  await expect(home.recentProject('Spring campaign')).toBeVisible()
  await home.recentProject('Spring campaign').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible()
})

test('the host refuses requests without its token', async ({ page, host }) => {
  const bare = host.url.replace(/\?token=.*/, '')
  const response = await page.request.get(bare)
  expect(response.status()).toBe(403)
})
