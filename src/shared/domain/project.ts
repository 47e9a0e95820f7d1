export interface ProjectSummary {
  readonly path: string
  readonly name: string
  readonly createdAt: string
  readonly datasetCount: number
}

export interface RecentProject {
  readonly path: string
  readonly name: string
  readonly openedAt: string
  /** False when the file has been moved or deleted since; the home screen offers to forget it. */
  readonly exists: boolean
}

export interface AppInfo {
  readonly version: string
  /** 'desktop' in Electron, 'browser' when served by the browser host. */
  readonly shell: 'desktop' | 'browser'
  readonly projectsDir: string
}
