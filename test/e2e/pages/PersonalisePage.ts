import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** The Personalise step as a user sees it: by labels, roles and visible text only. */
export class PersonalisePage {
  constructor(readonly page: Page) {}

  setup(): Locator {
    return this.page.getByRole('region', { name: 'Data and method' })
  }

  method(name: RegExp): Locator {
    return this.setup().getByRole('radio', { name })
  }

  /** The Blend's share of descriptions (shown only while Blend is the method). */
  blendSlider(): Locator {
    return this.setup().getByRole('slider', { name: /^Blend/ })
  }

  async make(): Promise<void> {
    await this.page.getByRole('button', { name: /^Make recommendations/ }).click()
  }

  progress(): Locator {
    return this.page.getByRole('status', { name: 'Making recommendations' })
  }

  evaluation(): Locator {
    return this.page.getByRole('region', { name: 'How good are they?' })
  }

  verdict(): Locator {
    return this.evaluation().getByRole('status', { name: 'Verdict' })
  }

  /** Waits for a fit to finish and its evaluation to show. */
  async waitForEvaluation(timeout = 120_000): Promise<void> {
    await expect(this.verdict()).toBeVisible({ timeout })
    await expect(this.progress()).toHaveCount(0, { timeout })
  }

  async showCustomer(id: string): Promise<Locator> {
    const section = this.page.getByRole('region', { name: 'One customer’s recommendations' })
    await section.getByLabel(/^Customer/).fill(id)
    await section.getByRole('button', { name: 'Show' }).click()
    return section.getByRole('region', { name: `Recommendations for ${id}` })
  }

  segments(): Locator {
    return this.page.getByRole('region', { name: 'Each segment’s top items' })
  }

  segmentCards(): Locator {
    return this.segments().getByRole('article')
  }

  /** Finds an item by id or words of its name; returns its neighbours' region. */
  async showSimilar(query: string): Promise<Locator> {
    const section = this.page.getByRole('region', { name: 'Items like this one' })
    await section.getByLabel(/^Item \(id/).fill(query)
    await section.getByRole('button', { name: 'Find' }).click()
    return section.getByRole('region', { name: new RegExp(`^Items like .*${query}`, 'i') })
  }

  sensitive(): Locator {
    return this.page.getByRole('region', { name: 'Sensitive items' })
  }

  async exportAs(format: 'CSV' | 'Excel', timeout = 60_000): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout }),
      this.page.getByRole('button', { name: `Recommendations (${format})` }).click(),
    ])
    return download
  }
}
