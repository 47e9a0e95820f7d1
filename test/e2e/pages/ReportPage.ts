import { expect, type Download, type FrameLocator, type Locator, type Page } from '@playwright/test'

/** The Report step as a user sees it: by labels, roles and visible text only. */
export class ReportPage {
  constructor(readonly page: Page) {}

  section(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: false })
  }

  paper(name: 'A4' | 'US Letter'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${name}`) })
  }

  /** The preview's document: the report as it will print. */
  preview(): FrameLocator {
    return this.page.frameLocator('iframe[title^="Preview of the report"]')
  }

  previewStatus(): Locator {
    return this.page.getByRole('region', { name: 'Report preview' }).getByRole('status')
  }

  /** Waits until the preview is built for the current settings and shows its cover or first chapter. */
  async waitForPreview(timeout = 30_000): Promise<void> {
    await expect(this.page.locator('iframe[title^="Preview of the report"]')).toBeVisible({ timeout })
    await expect(this.previewStatus()).not.toHaveText(/Updating/, { timeout })
    await expect(this.preview().locator('h1').first()).toBeVisible({ timeout })
  }

  progress(what: string): Locator {
    return this.page.getByRole('status', { name: what })
  }

  /** Presses a button that makes a file and returns the browser's download. */
  async download(button: Locator, timeout = 90_000): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout }), button.click()])
    return download
  }

  savePdf(): Promise<Download> {
    return this.download(this.page.getByRole('button', { name: 'Save PDF' }))
  }

  saveHtml(): Promise<Download> {
    return this.download(this.page.getByRole('button', { name: 'Save HTML' }))
  }

  exportTable(title: 'segment membership' | 'segment profiles', format: 'CSV' | 'Excel'): Promise<Download> {
    return this.download(this.page.getByRole('button', { name: `Export ${title} as ${format}` }))
  }
}
