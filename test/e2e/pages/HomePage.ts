import type { Page } from '@playwright/test'

export class HomePage {
  constructor(private readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url)
    await this.page.getByRole('heading', { name: 'Understand your customers, privately.' }).waitFor()
  }

  async createProject(name: string): Promise<void> {
    await this.page.getByLabel('Project name').fill(name)
    await this.page.getByRole('button', { name: 'Create project' }).click()
  }

  async trySample(): Promise<void> {
    await this.page.getByRole('button', { name: 'Try with sample data' }).click()
  }

  /** Uploads a .segmentlab file through the browser's file chooser ("Open a project"). */
  async uploadProject(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('button', { name: 'Upload project file…' }).click()
    await (await chooser).setFiles(path)
  }

  recentProject(name: string) {
    return this.page.getByRole('button', { name: new RegExp(`^${name}`) })
  }
}
