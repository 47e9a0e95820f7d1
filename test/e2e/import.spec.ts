import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { ImportWizard } from './pages/ImportWizard'
import { DatasetView } from './pages/DatasetView'
import { snap, useTheme } from './pages/screens'

// The shared data sets sit beside the repository (CI clones it with shared/ next to it).
const data = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url))
const bank = data('customers/bank-additional.csv')

test('import a semicolon file through the wizard, correct a column, check quality, rename and delete', async ({
  page,
  host,
}) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Bank campaign')
  const wizard = new ImportWizard(page)
  const view = new DatasetView(page)

  // An unreadable file gets a plain message, and the way forward stays open.
  const bad = join(host.dataDir, 'photo.csv')
  writeFileSync(
    bad,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0, 0]),
  )
  await wizard.chooseFile(bad)
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByRole('alert')).not.toHaveText(/^$/)
  await snap(page, 'import-error')

  // Detection, with reasons, and the preview.
  await wizard.chooseFile(bank)
  await expect(wizard.confirmation()).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(wizard.delimiter()).toHaveValue(';')
  await expect(wizard.encoding()).toHaveValue('utf-8')
  await expect(wizard.firstRow()).toHaveValue('yes')
  await expect(wizard.delimiter()).toHaveAccessibleDescription(/semicolon/i)
  await expect(wizard.encoding()).toHaveAccessibleDescription(/.+/)
  await expect(wizard.preview().getByRole('columnheader', { name: 'euribor3m' })).toBeVisible()
  await expect(wizard.kind('Customers')).toBeChecked()
  await snap(page, 'import-wizard')

  // Overriding a setting reads the file again: without a header row the names become data.
  await wizard.firstRow().selectOption('no')
  await expect(wizard.preview().getByRole('cell', { name: 'euribor3m' })).toBeVisible()
  await wizard.firstRow().selectOption('yes')
  await expect(wizard.preview().getByRole('columnheader', { name: 'euribor3m' })).toBeVisible()

  await wizard.datasetName().fill('Bank marketing')
  await wizard.start()
  await expect(view.tab('Bank marketing')).toHaveAttribute('aria-selected', 'true')
  await expect(view.tab('Bank marketing')).toContainText('4,119 rows')
  await expect(view.tab('Bank marketing')).toContainText('21 columns')
  await expect(view.importReport()).toContainText('4,119 rows imported from bank-additional.csv (semicolon-separated')
  await expect(wizard.confirmation()).toHaveCount(0)
  await snap(page, 'import-dataset')

  // Column corrections are saved: they survive a reload.
  await expect(view.columnType('age')).toHaveValue('number')
  await view.columnType('age').selectOption('category')
  await expect(view.columnType('age')).toBeEnabled()
  // The personal-data box says what ticking does, ticked or not.
  await expect(view.personalDataLabel('job')).toHaveText('Keep out of segments')
  await view.personalData('job').check()
  await expect(view.personalData('job')).toBeEnabled()
  await expect(view.personalDataLabel('job')).toHaveText('Keep out of segments')
  await view.personalData('job').scrollIntoViewIfNeeded()
  await snap(page, 'import-columns-personal')
  await useTheme(page, 'dark')
  await snap(page, 'import-columns-personal-dark')
  await useTheme(page, 'light')
  await page.reload()
  await expect(view.columnType('age')).toHaveValue('category')
  await expect(view.personalData('job')).toBeChecked()
  await view.columnType('age').selectOption('number')
  await expect(view.columnType('age')).toBeEnabled()
  await expect(view.columnType('age')).toHaveValue('number')

  // Data quality: a background job, then findings in sentences; the personal column is left out.
  await view.checkQuality()
  await expect(view.findings().first()).toBeVisible()
  // Strong right skew is told once, with its columns; a missing value written "unknown" is named as such.
  await expect(view.findings().filter({ hasText: 'strongly right-skewed' })).toHaveCount(1)
  await expect(view.findings().filter({ hasText: /columns are strongly right-skewed .*: .*duration/ })).toHaveCount(1)
  await expect(
    view.findings().filter({ hasText: '803 customers (19%) have “unknown” as default — treated as missing.' }),
  ).toHaveCount(1)
  await expect(view.qualityPanel()).toContainText('Not checked (kept out of segmentation): job.')
  await expect(view.qualityPanel().getByRole('img', { name: /^Distribution of age: 4,119 values/ })).toBeVisible()
  await view.qualityPanel().scrollIntoViewIfNeeded()
  await snap(page, 'import-quality')
  await view.qualityPanel().getByRole('region', { name: 'Column summary' }).scrollIntoViewIfNeeded()
  await snap(page, 'import-quality-columns')
  await useTheme(page, 'dark')
  await snap(page, 'import-quality-dark')
  await useTheme(page, 'light')

  // Rename, then delete — Escape backs out of the confirmation, the second time it goes through.
  await view.rename('Bank marketing 2014')
  await expect(view.tab('Bank marketing 2014')).toBeVisible()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(view.deleteDialog()).toBeVisible()
  await expect(view.deleteDialog().getByRole('button', { name: 'Cancel' })).toBeFocused()
  await snap(page, 'import-delete-confirm')
  await page.keyboard.press('Escape')
  await expect(view.deleteDialog()).toBeHidden()
  await expect(view.tab('Bank marketing 2014')).toBeVisible()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await view.deleteDialog().getByRole('button', { name: 'Delete dataset' }).click()
  await expect(page.getByRole('heading', { name: 'No data in this project yet' })).toBeVisible()
})

test('import by keyboard alone', async ({ page, host }) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Keyboard')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import a file…' }).focus()
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(data('transactions/online_retail_sample_20000.csv'))
  const wizard = new ImportWizard(page)
  await expect(wizard.confirmation()).toBeVisible()
  await expect(wizard.kind('Transactions')).toBeChecked()
  await expect(wizard.delimiter()).toHaveValue(',')
  // Tab from the name field to the kinds (one stop for the group) and on to the Import button; Space activates it.
  await wizard.datasetName().focus()
  await page.keyboard.press('Tab')
  await expect(wizard.kind('Transactions')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Import this file' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(new DatasetView(page).tab('Online retail sample 20000')).toContainText('20,000 rows')
})

test('try with sample data opens a project with its datasets', async ({ page, host }) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await snap(page, 'home-sample')
  await home.trySample()
  const workspace = new Workspace(page)
  await expect(workspace.steps().first()).toBeVisible()
  await expect(page.getByRole('tab')).toHaveCount(2)
  await expect(page.getByRole('tab', { name: /^Wholesale customers/ })).toContainText('440 rows')
})
