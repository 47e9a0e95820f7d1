import { expect, type Locator, type Page } from '@playwright/test'

/** The Segment step as a user sees it: by labels, roles and visible text only. */
export class SegmentPage {
  constructor(readonly page: Page) {}

  async chooseTable(name: string): Promise<void> {
    const select = this.page.getByLabel('Table to segment')
    const value = await select.locator('option', { hasText: name }).first().getAttribute('value')
    await select.selectOption(value!)
  }

  /** Waits until every named table is offered in the picker (imports still running are not listed yet). */
  async waitForTables(names: readonly string[], timeout = 90_000): Promise<void> {
    const select = this.page.getByLabel('Table to segment')
    for (const name of names) await expect(select.locator('option', { hasText: name })).toHaveCount(1, { timeout })
  }

  feature(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true })
  }

  features(): Locator {
    return this.page.getByRole('group', { name: 'Features to segment on' }).getByRole('checkbox')
  }

  /** The columns a run cannot use as they stand, each with its reason and fixes. */
  unusable(): Locator {
    return this.page.getByRole('region', { name: /^Not usable as they stand/ })
  }

  unusableFeature(name: string): Locator {
    return this.unusable()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(name, { exact: true }) })
  }

  /** Presses a one-click fix of an unusable column ("Fill the 6 gaps with the median…"). */
  async fix(name: string, label: RegExp): Promise<void> {
    await this.unusable()
      .getByRole('button', { name: new RegExp(`^${name}: ${label.source}`) })
      .click()
  }

  /** The line under the form saying whether it holds the settings of the run shown below. */
  settingsSync(): Locator {
    return this.page.locator('.setup__sync')
  }

  async selectAllFeatures(): Promise<void> {
    await this.page.getByRole('button', { name: 'Select all' }).click()
  }

  async selectNoFeatures(): Promise<void> {
    await this.page.getByRole('button', { name: 'Select none' }).click()
  }

  async automatic(): Promise<void> {
    await this.page.getByRole('radio', { name: /^Automatic/ }).check()
  }

  async advanced(): Promise<void> {
    await this.page.getByRole('radio', { name: /^Advanced/ }).check()
  }

  async method(label: RegExp): Promise<void> {
    await this.page.getByRole('group', { name: 'Method', exact: true }).getByRole('radio', { name: label }).check()
  }

  async fixedSegments(k: number): Promise<void> {
    await this.page.getByRole('radio', { name: 'Exactly this many' }).check()
    await this.page.getByLabel('Number of segments', { exact: true }).fill(String(k))
  }

  async segmentsToTry(from: number, to: number): Promise<void> {
    await this.page.getByRole('radio', { name: 'Recommend a number for me' }).check()
    await this.page.getByLabel('Fewest to try').fill(String(from))
    await this.page.getByLabel('Most to try').fill(String(to))
  }

  findButton(): Locator {
    return this.page.getByRole('button', { name: 'Find segments' })
  }

  progress(): Locator {
    return this.page.getByRole('status', { name: 'Finding segments' })
  }

  async cancelRun(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel: Finding segments' }).click()
  }

  result(): Locator {
    return this.page.getByRole('region', { name: /./ }).filter({ has: this.page.locator('#run-title') })
  }

  runTitle(): Locator {
    return this.page.locator('#run-title')
  }

  recommendation(): Locator {
    return this.page.getByRole('note', { name: 'Recommendation' })
  }

  criteriaCharts(): Locator {
    return this.page.getByRole('group', { name: 'Scores for each number of segments' }).getByRole('figure')
  }

  dendrogram(): Locator {
    return this.page.getByRole('img', { name: /^Dendrogram/ })
  }

  history(): Locator {
    return this.page.getByRole('table', { name: /Segmentation runs/ })
  }

  /**
   * Waits for a new run to be shown, by its title. (Waiting for the progress to disappear is not enough: a run started
   * a moment ago may not show its progress yet.)
   */
  async waitForRun(title: string | RegExp, timeout = 90_000): Promise<void> {
    await expect(this.runTitle()).toContainText(title, { timeout })
    await expect(this.progress()).toHaveCount(0, { timeout })
  }
}
