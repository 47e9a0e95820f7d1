import { expect, type Page } from '@playwright/test'

/** The Import step's wizard: choose a file, check what was detected, name it, import it. */
export class ImportWizard {
  constructor(readonly page: Page) {}

  /** Chooses a file through the browser's file chooser, from the first screen or the confirmation screen. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: /^(Import a file…|Choose another file…)$/ }).click()
    await (await chooser).setFiles(path)
  }

  confirmation() {
    return this.page.getByRole('region', { name: 'Check the file before importing' })
  }

  encoding() {
    return this.page.getByLabel('Text encoding')
  }

  delimiter() {
    return this.page.getByLabel('Values separated by')
  }

  firstRow() {
    return this.page.getByLabel('First row')
  }

  preview() {
    return this.page.getByRole('region', { name: 'Preview of the file' })
  }

  datasetName() {
    return this.page.getByLabel('Dataset name')
  }

  kind(label: 'Customers' | 'Transactions' | 'Items' | 'Interactions') {
    return this.page.getByRole('radio', { name: label })
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import this file' }).click()
  }

  /** The whole journey for a file whose detection is right: returns when the new dataset's tab is selected. */
  async importFile(path: string, name?: string): Promise<void> {
    await this.chooseFile(path)
    await expect(this.confirmation()).toBeVisible()
    if (name) await this.datasetName().fill(name)
    const finalName = await this.datasetName().inputValue()
    await this.start()
    await expect(
      this.page.getByRole('tab', { name: new RegExp(`^${escape(finalName)}`), selected: true }),
    ).toBeVisible()
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
