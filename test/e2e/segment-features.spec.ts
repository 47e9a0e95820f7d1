import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { ImportWizard } from './pages/ImportWizard'
import { SegmentPage } from './pages/SegmentPage'
import { snap, useTheme } from './pages/screens'

/**
 * Issue 17, no traps on Segment: columns a run cannot use are listed with the reason and a one-click fix (recorded in
 * Prepare), never ticked; back on the step after a run, the form holds the run's settings or says what changed.
 */
test('unusable columns are listed with their fix, and the form follows the run shown', async ({ page, host }) => {
  const rows = ['customer_id,Plan,IsActive,Spend,Visits,Tenure']
  for (let i = 0; i < 60; i++) {
    rows.push(
      [
        `C${String(i).padStart(4, '0')}`,
        ['Gold', 'Silver', 'Bronze'][i % 3],
        i % 4 === 0 ? 'yes' : 'no',
        i % 10 === 3 ? '' : String(100 + ((i * 37) % 90)),
        String((i * 7) % 13),
        String(1 + ((i * 11) % 48)),
      ].join(','),
    )
  }
  const file = join(host.dataDir, 'members.csv')
  writeFileSync(file, rows.join('\n') + '\n')

  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Members')
  await new ImportWizard(page).importFile(file, 'Members')
  const workspace = new Workspace(page)
  await workspace.openStep('Segment')
  const segment = new SegmentPage(page)

  // Only the gap-free numbers can be ticked; the rest are listed apart with the reason, none vanishes.
  await expect(segment.features().first()).toBeVisible({ timeout: 30_000 })
  await expect(segment.features()).toHaveCount(2)
  await expect(segment.feature('Visits')).toBeChecked()
  await expect(segment.feature('Spend')).toHaveCount(0)
  await expect(segment.unusable().getByRole('listitem')).toHaveCount(4)
  await expect(segment.unusableFeature('Spend')).toContainText('6 values are missing')
  await expect(segment.unusableFeature('Plan')).toContainText('A category')
  await expect(segment.unusableFeature('IsActive')).toContainText('A yes/no column')
  await expect(segment.unusableFeature('customer_id')).toContainText('The customer key')
  await snap(page, 'segment-unusable')
  await useTheme(page, 'dark')
  await snap(page, 'segment-unusable-dark')
  await useTheme(page, 'light')

  // One click records the fix in Prepare; the column is then offered, ticked.
  await segment.fix('Spend', /Fill the 6 gaps with the median/)
  await expect(page.getByRole('status').filter({ hasText: 'Recorded in Prepare for Spend' })).toBeVisible()
  await expect(segment.feature('Spend')).toBeChecked()
  await segment.fix('Plan', /Use it as 3 0\/1 columns/)
  await expect(segment.feature('Plan=Gold')).toBeChecked()
  await expect(segment.unusable().getByRole('listitem')).toHaveCount(2)
  await snap(page, 'segment-fixed')

  // A run on three features; its settings are what the form shows.
  for (const name of ['Plan=Bronze', 'Plan=Gold', 'Plan=Silver']) await segment.feature(name).uncheck()
  await expect(segment.feature('Tenure')).toBeChecked()
  await segment.findButton().click()
  await segment.waitForRun('K-means')
  await expect(segment.settingsSync()).toContainText('These are the settings of')

  // Away and back: the form opens on the run's own features, not the recommendation.
  await workspace.openStep('Prepare')
  await expect(page.getByText(/median/i).first()).toBeVisible()
  await workspace.openStep('Segment')
  await expect(segment.feature('Plan=Gold')).not.toBeChecked({ timeout: 30_000 })
  for (const name of ['Visits', 'Tenure', 'Spend']) await expect(segment.feature(name)).toBeChecked()
  await expect(segment.settingsSync()).toContainText('These are the settings of')

  // A change says so, and one click goes back.
  await segment.feature('Plan=Gold').check()
  await expect(segment.settingsSync()).toContainText('The form has changed since')
  await expect(segment.settingsSync()).toContainText('(features)')
  await segment.settingsSync().scrollIntoViewIfNeeded()
  await snap(page, 'segment-form-changed')
  await useTheme(page, 'dark')
  await snap(page, 'segment-form-changed-dark')
  await useTheme(page, 'light')
  await page.getByRole('button', { name: 'Back to its settings' }).click()
  await expect(segment.feature('Plan=Gold')).not.toBeChecked()
  await expect(segment.settingsSync()).toContainText('These are the settings of')
})
