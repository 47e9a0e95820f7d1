import { existsSync } from 'node:fs'
import type { Handlers } from '../../shared/api'
import type { JobInfo } from '../../shared/domain/jobs'
import { UserError } from '../../shared/errors'
import type { UploadFolder } from './uploadFolder'
import { adoptUploadedProject } from './adoptProject'

interface Upload {
  /** The window that sent it, when it said (the `client` parameter of its upload and its WebSocket). */
  readonly client: string | null
  /** The import job reading it, once one has started. */
  job: string | null
}

const ENDED: readonly JobInfo['status'][] = ['succeeded', 'failed', 'cancelled']

/**
 * Decides when an uploaded file is no longer needed, and removes it then: when the import that reads it ends
 * (succeeded, failed or cancelled); when it was never imported and its window uploads another file or goes away; and
 * when the host stops (the folder goes as a whole). An uploaded project is moved to the projects folder when opened,
 * so the user's work on it is kept. The host sees only requests and events, so this wraps both; the services do not
 * know that uploads exist.
 */
export class UploadLifetime {
  private readonly uploads = new Map<string, Upload>()

  constructor(
    private readonly folder: UploadFolder,
    private readonly projectsDir: string | undefined,
  ) {}

  /** A file has arrived; the same window's earlier uploads that no import reads are dropped. */
  added(path: string, client: string | null): void {
    if (client)
      for (const [other, upload] of this.uploads) if (upload.client === client && !upload.job) this.drop(other)
    this.uploads.set(path, { client, job: null })
  }

  /** A window's WebSocket closed: what it uploaded and did not import will not be imported. */
  clientGone(client: string): void {
    for (const [path, upload] of this.uploads) if (upload.client === client && !upload.job) this.drop(path)
  }

  /** Sees every event the services send; an import's end releases its upload. */
  onEvent(event: string, payload: unknown): void {
    if (event !== 'job.updated') return
    const info = payload as JobInfo
    if (!ENDED.includes(info.status)) return
    for (const [path, upload] of this.uploads) if (upload.job === info.id) this.drop(path)
  }

  /** The same handlers, with the requests that take an upload's path watched. */
  wrap(handlers: Handlers): Handlers {
    return {
      ...handlers,
      'import.inspect': async (input) => handlers['import.inspect']({ ...input, path: this.present(input.path) }),
      'import.start': async (input) => {
        const job = await handlers['import.start']({ ...input, path: this.present(input.path) })
        const upload = this.uploads.get(input.path)
        if (upload) upload.job = job.id
        return job
      },
      'project.open': async (input) => {
        if (!this.folder.owns(input.path) || !this.projectsDir) return handlers['project.open'](input)
        const path = this.present(input.path)
        this.uploads.delete(path)
        return adoptUploadedProject(path, this.projectsDir, (adopted) => handlers['project.open']({ path: adopted }))
      },
    }
  }

  /** An upload's path, or a message that says why it is gone (its import ended; the window may still offer it). */
  private present(path: string): string {
    if (this.folder.owns(path) && !existsSync(path))
      throw new UserError('This upload has been removed since its import ended. Choose the file again.', {
        code: 'upload.gone',
      })
    return path
  }

  private drop(path: string): void {
    this.uploads.delete(path)
    void this.folder.remove(path).catch((error: unknown) => console.error(`[host] ${String(error)}`))
  }
}
