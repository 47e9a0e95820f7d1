import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { SegmentPage } from './pages/SegmentPage'
import { UnderstandPage } from './pages/UnderstandPage'
import { useTheme } from './pages/screens'

const screens = process.env.SCREENS_DIR ?? 'test-results/screens'

/** A screenshot of the whole step: the viewport grows to the scrolling content's height for the shot. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  const height = await page.locator('main.content').evaluate((el) => el.scrollHeight + 56)
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 8000)) })
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  )
  await page.screenshot({ path: `${screens}/${name}.png` })
  await page.setViewportSize(size)
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

test('understand the sample customers: a card per named segment, a rename shown everywhere, charts exported', async ({
  page,
  host,
}) => {
  const home = new HomePage(page)
  await home.goto(host.url)
  await home.trySample()
  const workspace = new Workspace(page)

  // Before any segmentation, Understand says where to go instead of showing an empty screen.
  await workspace.openStep('Understand')
  await expect(page.getByText('No segments to understand yet')).toBeVisible()
  await page.getByRole('button', { name: 'Go to Segment' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Segment' })).toBeVisible()

  // Segment the wholesale customers automatically and keep the run.
  const segment = new SegmentPage(page)
  await segment.waitForTables(['Wholesale customers'])
  await expect(segment.features().first()).toBeVisible({ timeout: 30_000 })
  // Channel and Region are codes, not amounts: leave them out, as a marketer would.
  for (const code of ['Channel', 'Region']) {
    if ((await segment.feature(code).count()) > 0) await segment.feature(code).uncheck()
  }
  await segment.automatic()
  await segment.findButton().click()
  await segment.waitForRun('K-means')
  await page.getByRole('button', { name: 'Use as the segmentation' }).click()
  await expect(page.getByText('✓ Used by the next steps')).toBeVisible()

  // Understand: the profile is computed on arrival, then one card per segment, each named with its reason.
  await workspace.openStep('Understand')
  const understand = new UnderstandPage(page)
  await understand.waitForCards()
  const overview = (await understand.section('Overview').textContent()) ?? ''
  const k = Number(/(\d+) segments of/.exec(overview)?.[1])
  const cards = understand.cards()
  const count = await cards.count()
  expect(k).toBeGreaterThanOrEqual(2)
  expect(count).toBe(k)
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i)
    await expect(card.getByText('suggested name')).toBeVisible()
    await expect(card.locator('.segment-card__suggestion .muted')).not.toBeEmpty()
    await expect(card.locator('.trait').first()).toBeVisible()
  }
  const names = await understand.names()
  expect(new Set(names).size).toBe(count)
  expect(names.every((n) => !/^Segment \d+$/.test(n))).toBe(true)
  await expect(page.getByRole('table', { name: /Features by how strongly/ })).toBeVisible()
  await expect(understand.chart(/Customers and value by segment|Segment sizes/)).toBeVisible()
  await expect(understand.chart('Segment map')).toBeVisible()
  await shot(page, 'understand-light')

  // Rename: Escape leaves the name as it was; Enter keeps the new one, shown on the card, the charts and the tables.
  const first = names[0]
  const box = await understand.startRename(first)
  await box.fill('Not this')
  await box.press('Escape')
  await expect(understand.card(first)).toBeVisible()
  const renamed = 'Fresh food regulars'
  await understand.rename(first, renamed)
  const card = understand.card(renamed)
  await expect(card.getByRole('button', { name: /^Use suggested name/ })).toBeVisible()
  await expect(card).toContainText(`Suggested name: ${first}`)
  const shares = understand.chart(/Customers and value by segment|Segment sizes/)
  await expect(shares.locator('svg text', { hasText: renamed })).toHaveCount(1)
  await expect(understand.chart('Segment map').locator('svg text', { hasText: renamed })).toHaveCount(1)
  await expect(page.getByRole('table', { name: /Features by how strongly|Rules that sort/ }).first()).toBeVisible()

  // Colour by keyboard: the arrow keys move along the swatches; a colour another segment has is pointed out.
  const colours = card.getByRole('group', { name: `Colour of ${renamed}` }).getByRole('radio')
  await expect(colours).toHaveCount(8)
  await expect(colours.first()).toBeChecked()
  await colours.first().focus()
  await page.keyboard.press('ArrowRight')
  await expect(colours.nth(1)).toBeChecked()
  await expect(card.getByRole('note').filter({ hasText: /^Same colour as / })).toBeVisible()
  // Segments 1..k have colours 1..k: colour k is free.
  for (let i = 2; i <= k; i++) {
    await page.keyboard.press('ArrowRight')
    await expect(colours.nth(i)).toBeChecked()
  }
  await expect(card.getByRole('note').filter({ hasText: /^Same colour as / })).toHaveCount(0)
  await expect(colours.nth(k)).toBeFocused()

  // Description and action are saved when the box is left.
  await card.getByLabel('Description').fill('Restaurants and cafés buying fresh produce every week.')
  await card.getByLabel('Suggested action').focus()
  await expect(card.getByText('Saved')).toBeVisible()

  // Export the shares chart as PNG and as SVG, and open both files.
  const png = await understand.exportChart(/Customers and value by segment|Segment sizes/, 'PNG')
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const pngBytes = readFileSync((await png.path())!)
  expect(pngBytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  const svg = await understand.exportChart(/Customers and value by segment|Segment sizes/, 'SVG')
  expect(svg.suggestedFilename()).toMatch(/\.svg$/)
  const svgText = readFileSync((await svg.path())!, 'utf8')
  expect(svgText).toContain('<svg')
  expect(svgText).toContain(renamed)

  await shot(page, 'understand-renamed-light')
  await useTheme(page, 'dark')
  await shot(page, 'understand-dark')
  await useTheme(page, 'light')

  // "Use suggested name" puts the suggestion back.
  await card.getByRole('button', { name: /^Use suggested name/ }).click()
  await expect(understand.card(first)).toBeVisible()
  await understand.rename(first, renamed)

  // The Segment step names the segments the same way.
  await workspace.openStep('Segment')
  await segment.waitForRun('K-means')
  await expect(page.getByRole('table', { name: /Average customer of each segment/ })).toContainText(renamed)
  await expect(page.getByRole('img', { name: /^Segment sizes/ })).toHaveAccessibleName(new RegExp(renamed))
  await shot(page, 'understand-segment-step-light')
})
