import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** The Understand step as a user sees it: by labels, roles and visible text only. */
export class UnderstandPage {
  constructor(readonly page: Page) {}

  /** The profile being computed (a job with its own Cancel). */
  progress(): Locator {
    return this.page.getByRole('status', { name: 'Describing the segments' })
  }

  cards(): Locator {
    return this.page.getByRole('region', { name: 'The segments' }).getByRole('article')
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true })
  }

  /** Waits until the profile is there: one card per segment. */
  async waitForCards(timeout = 90_000): Promise<void> {
    await expect(this.cards().first()).toBeVisible({ timeout })
    await expect(this.progress()).toHaveCount(0)
  }

  /** The names on the cards, segment 1 first. */
  async names(): Promise<string[]> {
    return this.cards().locator('h3').allTextContents()
  }

  async startRename(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Rename ${name}`, exact: true }).click()
    return this.page.getByLabel(`New name for ${name}`)
  }

  async rename(name: string, to: string): Promise<void> {
    const box = await this.startRename(name)
    await box.fill(to)
    await box.press('Enter')
    await expect(this.card(to)).toBeVisible()
  }

  /** A chart's card, by its title. */
  chart(title: string | RegExp): Locator {
    return this.page.getByRole('figure', { name: title })
  }

  /** Presses a chart's export button and returns the download. */
  async exportChart(title: string | RegExp, format: 'PNG' | 'SVG'): Promise<Download> {
    const chart = this.chart(title)
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      chart.getByRole('button', { name: new RegExp(format) }).click(),
    ])
    return download
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true })
  }
}
