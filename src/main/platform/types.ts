import type { FromJob, ToJob } from '../jobs/protocol'

/** One running job process, whatever started it (Electron's utilityProcess or Node's child_process.fork). */
export interface JobChannel {
  readonly pid: number | undefined
  send(message: ToJob): void
  onMessage(listener: (message: FromJob) => void): void
  /** Called once, when the process has gone, whatever the reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void
  kill(): void
}

export interface PlatformPaths {
  /** Where SegmentLab keeps its own settings (recent projects). */
  readonly userData: string
  /** Default folder for new projects. */
  readonly projects: string
  /**
   * A private folder (0700, ours) for what a job must spill to disk; each job gets its own folder in it, removed when
   * the job's process has gone, and what a killed run left is swept at the next start.
   */
  readonly temp: string
  /** Bundled read-only resources (sample data). */
  readonly resources: string
}

export interface JobSpawnOptions {
  /** The job's temporary folder: its TMPDIR, so libraries that spill (exceljs) write where we clean up. */
  readonly tempDir?: string
}

/**
 * V8 flags of job processes forked by Node (the browser host, the CLI, tests). A larger young generation (V8's
 * default semi-space is 16 MB): jobs make millions of short-lived strings and rows, and an import of 1M × 20 spent
 * 0.8–1.0 s of its reading thread in scavenges by default, 0.27 s with 32 MB (CPU profiles of the job; 64 MB bought
 * no more).
 */
export const JOB_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32']

/** The environment of a job process: ours, with every temp-folder variable pointing at the job's own folder. */
export function jobEnvironment(options: JobSpawnOptions | undefined): NodeJS.ProcessEnv {
  const dir = options?.tempDir
  return dir ? { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir } : { ...process.env }
}

/** How a report is printed: the paper size when the document does not set one with @page. */
export interface PdfOptions {
  readonly paper: 'A4' | 'Letter'
}

/** The kind of file a save dialog offers: "PDF document" with extension pdf. */
export interface SaveFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

/** What differs between the Electron shell and plain Node; everything above it is the same code. */
export interface Platform {
  readonly shell: 'desktop' | 'browser'
  readonly paths: PlatformPaths
  /** Path of a better-sqlite3 addon for this runtime's ABI; undefined for Node's own build. */
  readonly sqliteBinding?: string
  spawnJob(options?: JobSpawnOptions): JobChannel
  /** A native "open file" dialog; absent where there is none (the browser host). Null when the user cancels. */
  readonly pickFile?: (purpose: 'project' | 'data') => Promise<string | null>
  /**
   * A native "save file" dialog suggesting `name` in the projects folder; absent where there is none (the browser host,
   * whose page downloads instead). Null when the user cancels.
   */
  readonly saveFile?: (name: string, filter: SaveFilter) => Promise<string | null>
  /** Prints self-contained HTML (no scripts, no remote resources) to PDF bytes; absent where nothing can print. */
  readonly printToPdf?: (html: string, options: PdfOptions) => Promise<Buffer>
}
