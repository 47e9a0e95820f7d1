import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { ImportWizard } from './pages/ImportWizard'
import { PreparePage } from './pages/PreparePage'
import { snap, useTheme } from './pages/screens'

// The shared data sets sit beside the repository (CI clones it with shared/ next to it).
const data = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url))

test('build a pipeline: fill gaps, scale, see the effect, undo by button and by Ctrl+Z, accept a suggestion', async ({
  page,
  host,
}) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Bank prep')
  await new ImportWizard(page).importFile(data('customers/bank-additional.csv'), 'Bank marketing')
  await new Workspace(page).openStep('Prepare')
  const prep = new PreparePage(page)
  await expect(prep.dataset()).toHaveValue(/\d+/)
  await expect(page.getByText('No steps yet')).toBeVisible()
  await expect(prep.resultRows()).toBeVisible()
  await expect(prep.undo()).toBeDisabled()

  // Fill the "unknown" education values with the most frequent one.
  await prep.addStep('Fill missing values')
  await expect(prep.form()).toBeVisible()
  // The form checks before saving: no column chosen yet.
  await prep.submitStep()
  await expect(prep.form().getByRole('alert')).toHaveText('Columns: Choose at least one column.')
  await prep.tickColumns(['education'])
  await prep.form().getByLabel('Fill with').selectOption('mode')
  await prep.submitStep()
  await expect(prep.steps()).toHaveCount(1)
  await expect(prep.effects().first()).toContainText(/Filled 167 values in education/)

  // Standardise age and duration; the preview shows their distributions before and after.
  await prep.addStep('Put numbers on one scale')
  await prep.tickColumns(['age', 'duration'])
  await prep.submitStep()
  await expect(prep.steps()).toHaveCount(2)
  const scaled = prep.effects().nth(1)
  await expect(scaled).toContainText('Scaled age and duration to mean 0 and standard deviation 1.')
  await expect(scaled.getByRole('img', { name: /^age before: 4,119 values from 18 to 88,/ })).toBeVisible()
  // (18 − mean) / sd and (88 − mean) / sd with the population sd, computed independently from the file in Python.
  await expect(scaled.getByRole('img', { name: /^age after: 4,119 values from -2\.144 to 4\.644,/ })).toBeVisible()
  await scaled.getByRole('combobox').selectOption('duration')
  await expect(scaled.getByRole('img', { name: /^duration after/ })).toBeVisible()
  await expect(prep.previewStatus()).toHaveCount(0)
  await snap(page, 'prepare-pipeline')
  await useTheme(page, 'dark')
  await snap(page, 'prepare-pipeline-dark')
  await useTheme(page, 'light')

  // Turn a step off and back on, and move it.
  await page.getByRole('checkbox', { name: 'Use step 2' }).uncheck()
  await expect(prep.effects().nth(1)).toContainText('Skipped')
  await page.getByRole('checkbox', { name: 'Use step 2' }).check()
  await expect(prep.effects().nth(1)).toContainText('Scaled')
  await page.getByRole('button', { name: 'Move step 2 up' }).click()
  await expect(prep.steps().first()).toContainText('Scale age and duration')

  // Undo goes back one saved version at a time: the move, then the re-enable.
  await prep.undo().click()
  await expect(prep.steps().first()).toContainText('Fill gaps in education')
  await page.getByRole('heading', { level: 1, name: 'Prepare' }).click()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('checkbox', { name: 'Use step 2' })).not.toBeChecked()
  await prep.undo().click()
  await prep.undo().click()
  await expect(prep.steps()).toHaveCount(1)
  await expect(prep.effects()).toHaveCount(1)
  await expect(page.getByText('Scaled age')).toHaveCount(0)

  // Ctrl+Z in a text field belongs to the field, not to the pipeline.
  await prep.addStep('Filter rows')
  await prep.form().getByLabel('Comparison of condition 1').selectOption('>=')
  await prep.form().getByLabel('Value of condition 1').fill('30')
  await page.keyboard.press('Control+z')
  await expect(prep.steps()).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(prep.form()).toHaveCount(0)

  // Suggested fixes come from a quality check; accepting one adds it as a step.
  await page
    .getByRole('region', { name: 'Suggested fixes' })
    .getByRole('button', { name: 'Check data quality' })
    .click()
  const suggestion = page.getByRole('button', { name: /^Add: .*strongly right-skewed/ }).first()
  await expect(suggestion).toBeVisible()
  await suggestion.click()
  await expect(prep.steps()).toHaveCount(2)
  await expect(prep.steps().nth(1)).toContainText('Apply a log transform')
  await expect(page.getByRole('button', { name: /^Added: .*strongly right-skewed/ }).first()).toBeDisabled()
  await expect(prep.effects().nth(1)).toContainText('log')
  await snap(page, 'prepare-suggestions')

  // PCA: the effect says how much variation the components keep, and the card explains what that means.
  await prep.addStep('Combine columns')
  await prep.tickColumns(['emp.var.rate', 'euribor3m', 'nr.employed'])
  await prep.submitStep()
  const pca = prep.effects().nth(2)
  // Unscaled, nr.employed (around 5,000) dominates: one component keeps nearly all the variation, and the card says why.
  await expect(pca).toContainText(/Replaced 3 columns by 1 component that keeps (over )?9\d% of the variation/)
  await expect(pca).toContainText('the one with the largest numbers dominates')
  await expect(pca).toContainText('The new column PC1 is a weighted mix of emp.var.rate, euribor3m and nr.employed')
  await expect(prep.resultRows().getByRole('columnheader', { name: 'PC1' })).toBeVisible()
})

test('RFM from an online retail history: customer table with the ten segments', async ({ page, host }) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Retail')
  await new ImportWizard(page).importFile(data('transactions/online_retail_sample_20000.csv'))
  await new Workspace(page).openStep('Prepare')

  const rfm = page.getByRole('region', { name: /RFM/ })
  await expect(rfm.getByLabel('Customer column')).toHaveValue('CustomerID')
  await expect(rfm.getByLabel('Date column')).toHaveValue('InvoiceDate')
  await expect(rfm.getByLabel('Invoice column (optional)')).toHaveValue('InvoiceNo')
  await expect(rfm.getByRole('radio', { name: /quantity and a unit price/ })).toBeChecked()
  await expect(rfm.getByLabel('Quantity column')).toHaveValue('Quantity')
  await expect(rfm.getByLabel('Price column')).toHaveValue('UnitPrice')
  await expect(rfm.getByRole('radio', { name: 'Subtract returns from spend' })).toBeChecked()
  await expect(rfm.getByLabel('Analysis date')).toHaveValue('')
  await snap(page, 'prepare-rfm-form')

  await rfm.getByRole('button', { name: 'Build RFM table' }).click()
  const summary = page.getByRole('region', { name: 'RFM segments' })
  await expect(summary).toBeVisible()
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(/\d+/)
  await expect(page.getByLabel('Dataset', { exact: true }).locator('option:checked')).toHaveText(
    /^RFM of Online retail sample 20000 — customers/,
  )
  await expect(summary.getByRole('rowheader')).toHaveCount(10)
  await expect(summary.getByRole('rowheader', { name: 'Champions' })).toBeVisible()
  await expect(summary.getByRole('row', { name: /^Champions/ })).toContainText('Bought recently, buy often')
  await expect(summary.getByRole('img', { name: /^Customers per RFM segment: Champions: [\d,]+,/ })).toBeVisible()
  await expect(summary).toContainText('cancellation')
  await snap(page, 'prepare-rfm-summary')
  await useTheme(page, 'dark')
  await snap(page, 'prepare-rfm-summary-dark')
})

test('a year of birth: the suggested age step, then the suggested scaling of the age', async ({ page, host }, info) => {
  const path = info.outputPath('marketing.csv')
  const lines = ['ID,Year_Birth,Income,MntWines']
  for (let i = 0; i < 200; i++)
    // One impossible year, as in the public marketing data (1893): left empty, and said so.
    lines.push(
      [5000 + i, i === 7 ? 1893 : 1940 + ((i * 37) % 61), 20000 + ((i * 7919) % 60000), (i * 131) % 900].join(','),
    )
  writeFileSync(path, lines.join('\n') + '\n')
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Ages')
  await new ImportWizard(page).importFile(path, 'Marketing')
  await new Workspace(page).openStep('Prepare')
  const prep = new PreparePage(page)
  await expect(page.getByText('No steps yet')).toBeVisible()

  await page
    .getByRole('region', { name: 'Suggested fixes' })
    .getByRole('button', { name: 'Check data quality' })
    .click()
  await page.getByRole('button', { name: /^Add: Year_Birth holds years of birth/ }).click()
  await expect(prep.steps()).toHaveCount(1)
  await expect(prep.effects().first()).toContainText(/Turned Year_Birth into Age \(\d{4} − year of birth\)\./)
  await expect(prep.effects().first()).toContainText(
    /1 year of Year_Birth outside \d{4}–\d{4} \(for example 1893\) was left empty\./,
  )
  // Years read as years ("1893", not "1,893"); the ages made from them as numbers.
  await expect(
    prep
      .effects()
      .first()
      .getByRole('img', { name: /^Year_Birth before: 200 values from 1893 to 2000,/ }),
  ).toBeVisible()
  await expect(
    prep
      .effects()
      .first()
      .getByRole('img', { name: /^Age after: 199 values from \d\d to \d\d,/ }),
  ).toBeVisible()
  // Suggested on the imported columns, the scaling follows the rename.
  await page.getByRole('button', { name: /^Add: The numbers are on different scales/ }).click()
  await expect(prep.steps().nth(1)).toContainText('Scale Age, Income and MntWines')
  await expect(prep.effects().nth(1)).toContainText('Scaled Age, Income and MntWines')
  await expect(prep.resultRows().getByRole('columnheader', { name: 'Age' })).toBeVisible()
  await expect(prep.previewStatus()).toHaveCount(0)
  await snap(page, 'prepare-age')
})
