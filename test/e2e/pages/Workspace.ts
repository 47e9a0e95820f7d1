import type { Page } from '@playwright/test'

export class Workspace {
  constructor(readonly page: Page) {}

  steps() {
    return this.page.getByRole('navigation', { name: 'Steps' }).getByRole('button')
  }

  async openStep(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: label }).click()
    await this.page.getByRole('heading', { level: 1, name: label }).waitFor()
  }

  jobs() {
    return this.page.getByTestId('job')
  }

  async closeProject(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close project' }).click()
  }
}
