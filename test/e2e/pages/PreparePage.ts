import type { Page } from '@playwright/test'

/** The Prepare step: dataset picker, pipeline editor (left), preview (right), RFM builder for transactions. */
export class PreparePage {
  constructor(readonly page: Page) {}

  dataset() {
    return this.page.getByLabel('Dataset', { exact: true })
  }

  steps() {
    return this.page.getByRole('list', { name: 'Preparation steps' }).getByRole('listitem')
  }

  effects() {
    return this.page
      .getByRole('region', { name: 'What each step did' })
      .getByRole('listitem')
      .filter({ has: this.page.locator('.effect__head') })
  }

  /** Opens "Add a step" and picks a kind by the start of its label. */
  async addStep(label: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a step' }).click()
    await this.page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click()
  }

  form() {
    return this.page.getByRole('form', { name: /^(New step|Edit step):/ })
  }

  async tickColumns(names: readonly string[]): Promise<void> {
    for (const name of names) await this.form().getByRole('checkbox', { name, exact: true }).check()
  }

  async submitStep(): Promise<void> {
    await this.form()
      .getByRole('button', { name: /^(Add step|Save step)$/ })
      .click()
  }

  undo() {
    return this.page.getByRole('button', { name: /Undo/ })
  }

  previewStatus() {
    return this.page.getByRole('status').filter({ hasText: 'Updating the preview' })
  }

  resultRows() {
    return this.page.getByRole('region', { name: 'Prepared rows' })
  }
}
