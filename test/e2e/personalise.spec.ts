import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { SegmentPage } from './pages/SegmentPage'
import { PersonalisePage } from './pages/PersonalisePage'
import { useTheme } from './pages/screens'

const screens = process.env.SCREENS_DIR ?? 'test-results/screens'
const BROKEN_VALUES = /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]/

/** A screenshot of the whole step: the viewport grows to the scrolling content's height for the shot. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  const height = await page.locator('main.content').evaluate((el) => el.scrollHeight + 56)
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 4000)) })
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  )
  await page.screenshot({ path: `${screens}/${name}.png` })
  await page.setViewportSize(size)
}

test('sample transactions → RFM → segments → recommendations with reasons, per segment, evaluated and exported', async ({
  page,
  host,
}) => {
  test.setTimeout(300_000)
  const out = mkdtempSync(join(tmpdir(), 'segmentlab-personalise-e2e-'))
  try {
    const home = new HomePage(page)
    await home.goto(host.url)
    await home.trySample()
    const workspace = new Workspace(page)

    // RFM from the transactions: a customer table whose ids are the transactions' CustomerID.
    await workspace.openStep('Prepare')
    const picker = page.getByLabel('Dataset', { exact: true })
    await expect(picker.locator('option', { hasText: 'Online retail transactions' })).toHaveCount(1, {
      timeout: 90_000,
    })
    const txValue = await picker.locator('option', { hasText: 'Online retail transactions' }).getAttribute('value')
    await picker.selectOption(txValue!)
    const rfm = page.getByRole('region', { name: /RFM/ })
    await rfm.getByRole('button', { name: 'Build RFM table' }).click()
    await expect(page.getByRole('region', { name: 'RFM segments' })).toBeVisible({ timeout: 90_000 })

    // Segment the RFM table and keep it for the next steps.
    await workspace.openStep('Segment')
    const segment = new SegmentPage(page)
    await segment.waitForTables(['RFM of Online retail transactions'])
    await segment.chooseTable('RFM of Online retail transactions')
    await expect(segment.features().first()).toBeVisible({ timeout: 60_000 })
    await segment.selectNoFeatures()
    for (const f of ['recency_days', 'frequency', 'monetary']) await segment.feature(f).check()
    await segment.automatic()
    await segment.findButton().click()
    await segment.waitForRun('K-means')
    await page.getByRole('button', { name: 'Use as the segmentation' }).click()
    await expect(page.getByText('✓ Used by the next steps')).toBeVisible()

    // Personalise opens on the sample's columns, with Automatic explained.
    await workspace.openStep('Personalise')
    const personalise = new PersonalisePage(page)
    const setup = personalise.setup()
    await expect(setup.getByLabel('Purchases', { exact: true })).toHaveValue(txValue!)
    await expect(setup.getByLabel('Customer column', { exact: true })).toHaveValue('CustomerID')
    await expect(setup.getByLabel('Item column', { exact: true })).toHaveValue('StockCode')
    await expect(setup.getByLabel('Item text', { exact: true })).toHaveValue('Description')
    await expect(personalise.method(/^Automatic/)).toBeChecked()
    await expect(setup).toContainText('keeps the one that ranks held-back purchases best')
    await expect(setup).toContainText(/Each segment’s top items use “.+”, the segmentation chosen in Segment/)
    // The Blend's slider shows with the Blend only, and says what its share means.
    await personalise.method(/^Blend/).check()
    await personalise.blendSlider().fill('60')
    await expect(setup).toContainText('60% similar descriptions, 40% bought together')
    await setup.screenshot({ path: `${screens}/personalise-blend.png` })
    await personalise.method(/^Automatic/).check()
    await expect(personalise.blendSlider()).toHaveCount(0)
    await personalise.make()
    await expect(personalise.progress()).toBeVisible()
    await personalise.waitForEvaluation()

    // The evaluation: every measure beside the best-sellers, the protocol beside the numbers, a plain verdict.
    const evaluation = personalise.evaluation()
    await expect(personalise.verdict()).toHaveText(
      /(\d+\.\d× better than|About as good as|Worse than) recommending bestsellers \(NDCG@10 0\.\d{3} vs 0\.\d{3}\)/,
    )
    const metrics = evaluation.getByRole('table', { name: 'Evaluation beside the best-sellers' })
    await expect(metrics.getByRole('columnheader', { name: 'Best-sellers' })).toBeVisible()
    await expect(metrics.getByRole('row')).toHaveCount(7)
    for (const m of ['NDCG@10', 'Precision@10', 'Recall@10', 'MAP@10', 'Hit rate', 'Catalogue coverage'])
      await expect(metrics.getByRole('rowheader', { name: new RegExp(`^${m}`) })).toBeVisible()
    const protocol = evaluation.getByRole('complementary', { name: 'How this was measured' })
    await expect(protocol).toContainText("a random 25% of each customer's items held out (seed 0)")
    await expect(protocol).toContainText('Automatic tried:')
    await expect(evaluation).not.toContainText(BROKEN_VALUES)
    await expect(evaluation.getByRole('figure', { name: 'Recommendation quality' })).toBeVisible()

    // One customer by id: ten items, each with its reason, none already bought.
    const list = await personalise.showCustomer('12347')
    await expect(list).toContainText('12347')
    await expect(list).toContainText(/bought \d+ items/)
    const rows = list.locator('tbody tr')
    await expect(rows).toHaveCount(10)
    for (const reason of await rows.locator('td:nth-child(3)').allTextContents())
      expect(reason).toMatch(
        /^(because you bought .+|bought by \d+ of the \d+ customers most like you|one of the best-sellers)$/,
      )
    await expect(list).toContainText(/items in \S/)

    // Each segment's top items, under the segment's name and colour.
    const segmentsCard = personalise.segments()
    await expect(segmentsCard).toContainText(
      /[\d,]+ of the [\d,]+ customers in “.+” matched the purchases by customer = CustomerID/,
    )
    const cards = personalise.segmentCards()
    expect(await cards.count()).toBeGreaterThanOrEqual(2)
    await expect(cards.first().getByRole('listitem').first()).toContainText(/×.*bought it/)
    await segmentsCard.getByRole('radio', { name: /^What most of it buys/ }).check()
    await expect(cards.first().getByRole('listitem')).toHaveCount(10)

    // Items like this one: by description (how new items are reached) and bought together, each with why.
    const similar = await personalise.showSimilar('heart')
    await expect(similar.getByRole('list', { name: 'Similar descriptions' })).toContainText(
      /descriptions share “.*heart/,
    )
    await expect(similar.getByRole('list', { name: 'Bought together' })).toContainText(
      /bought together by \d+ customers/,
    )

    await shot(page, 'personalise-light')
    await useTheme(page, 'dark')
    await shot(page, 'personalise-dark')
    await useTheme(page, 'light')

    // A word marked sensitive disappears from the lists at once.
    const sensitive = personalise.sensitive()
    await sensitive.getByLabel('Mark a word').fill('bag')
    await sensitive.getByRole('button', { name: 'Mark', exact: true }).click()
    await expect(sensitive.getByRole('list', { name: 'Marked as sensitive' })).toContainText('Word “bag”')
    await expect(sensitive).toContainText('Changed since the recommendations were made')
    const again = await personalise.showCustomer('12347')
    await expect(again.locator('tbody')).not.toContainText(/\bBAG\b/)

    // The export: customer, rank, item, score, reason — every list of the fit, formula-safe.
    const csv = await personalise.exportAs('CSV')
    expect(csv.suggestedFilename()).toMatch(/recommendations\.csv$/)
    const csvPath = join(out, 'recommendations.csv')
    await csv.saveAs(csvPath)
    const table = Papa.parse<string[]>(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data
    expect(table[0]).toEqual(['CustomerID', 'Rank', 'StockCode', 'Item', 'Score', 'Reason'])
    const mine = table.filter((r) => r[0] === '12347')
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.map((r) => r[1])).toEqual(mine.map((_, i) => String(i + 1)))
    expect(table.some((r) => /\bBAG\b/.test(r[3]))).toBe(false)
    expect(table.slice(1).every((r) => r[5] !== '' && !/^[=+\-@]/.test(r[3]))).toBe(true)
    await expect(page.getByText(/Downloaded “.*recommendations\.csv”/)).toBeVisible()
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

test('without purchases Personalise leads to Import', async ({ page, host }) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.createProject('Empty')
  const workspace = new Workspace(page)
  await workspace.openStep('Personalise')
  await expect(page.getByText('No purchases to learn from yet')).toBeVisible()
  await page.getByRole('button', { name: 'Go to Import' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible()
})
