import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { ImportWizard } from './pages/ImportWizard'
import { snap } from './pages/screens'

const data = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url))

test('RFM features join a customer table by id, keeping every customer', async ({ page, host }) => {
  // A customer list: 20 customers who bought in the retail sample and 2 who never did.
  const retail = data('transactions/online_retail_sample_20000.csv')
  const rows = Papa.parse<Record<string, string>>(readFileSync(retail, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data
  const ids = [...new Set(rows.map((r) => r.CustomerID).filter((id) => id && id !== 'NA'))].slice(0, 20)
  const customers = join(host.dataDir, 'shop-customers.csv')
  writeFileSync(
    customers,
    ['CustomerID,Region', ...ids.map((id, i) => `${id},R${i % 3}`), '99999,R0', '99998,R1'].join('\n'),
  )

  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Join')
  const wizard = new ImportWizard(page)
  await wizard.importFile(customers, 'Shop customers')
  await wizard.importFile(retail, 'Retail')
  await new Workspace(page).openStep('Prepare')
  const picker = page.getByLabel('Dataset', { exact: true })
  await picker.selectOption((await picker.locator('option', { hasText: /^Retail —/ }).getAttribute('value'))!)
  await page.getByRole('region', { name: /RFM/ }).getByRole('button', { name: 'Build RFM table' }).click()
  await expect(page.getByRole('region', { name: 'RFM segments' })).toBeVisible()

  const joinPanel = page.getByRole('region', { name: 'Add these features to a customer table' })
  await expect(joinPanel.getByLabel('Customer table')).toHaveValue(/\d+/)
  await joinPanel.getByRole('button', { name: 'Add to customer table' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Created/ })).toHaveText(
    'Created “Shop customers + RFM of Retail”. 20 of 22 customers in "Shop customers" were found in "RFM of Retail"; the others have empty values for its columns.',
  )
  await expect(picker.locator('option:checked')).toHaveText(/^Shop customers \+ RFM of Retail — customers, 22 rows/)
  await snap(page, 'prepare-join')
})
