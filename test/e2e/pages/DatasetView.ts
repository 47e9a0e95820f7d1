import type { Page } from '@playwright/test'

/** The selected dataset on the Import step: header, import report, columns, quality and rows. */
export class DatasetView {
  constructor(readonly page: Page) {}

  tab(name: string) {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) })
  }

  importReport() {
    return this.page.getByLabel('Import report')
  }

  columnType(column: string) {
    return this.page.getByLabel(`Type of ${column}`, { exact: true })
  }

  columnRole(column: string) {
    return this.page.getByLabel(`Role of ${column}`, { exact: true })
  }

  /** The "Keep out of segments" box of a column (ticked for personal data). */
  personalData(column: string) {
    return this.page.getByRole('checkbox', { name: `Keep ${column} out of segments`, exact: true })
  }

  /** The words beside that box, which must say what ticking does whether it is ticked or not. */
  personalDataLabel(column: string) {
    return this.page.getByRole('row', { name: new RegExp(`^${column} `) }).locator('label.check')
  }

  async checkQuality(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Check data quality|Check again)$/ }).click()
  }

  findings() {
    return this.page.getByRole('list', { name: 'Findings' }).getByRole('listitem')
  }

  qualityPanel() {
    return this.page.getByRole('region', { name: 'Data quality' })
  }

  async rename(to: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Rename' }).click()
    await this.page.getByRole('textbox', { name: /^New name for/ }).fill(to)
    await this.page.getByRole('button', { name: 'Save name' }).click()
  }

  deleteDialog() {
    return this.page.getByRole('dialog', { name: /^Delete/ })
  }
}
