import { test as base, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export interface Host {
  readonly url: string
  readonly dataDir: string
  readonly process: ChildProcess
}

/** Starts the built browser host on a random port with a fresh data folder and reads its address from stdout. */
async function startHost(): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'segmentlab-e2e-'))
  const child = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The host printed no address within 20 s')), 20_000)
    child.once('exit', (code) => reject(new Error(`The host exited with code ${code} before printing its address`)))
    lines.on('line', (line) => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
  })
  return { url, dataDir, process: child }
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost()
    await use(host)
    host.process.kill('SIGTERM')
    await new Promise((resolve) => host.process.once('exit', resolve))
    rmSync(host.dataDir, { recursive: true, force: true })
  },
  page: async ({ page }, use) => {
    // Any console error or CSP violation is a bug: fail the test that caused it.
    const problems: string[] = []
    // Except one: the init script below runs in every frame, and the report preview's sandboxed frame (no
    // allow-scripts, by design) refuses it. The report itself has no script (report.spec checks it).
    const ownInitScript = (text: string) =>
      text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed")
    page.on('console', (m) => m.type() === 'error' && !ownInitScript(m.text()) && problems.push(m.text()))
    page.on('pageerror', (e) => problems.push(e.message))
    // A CSP refusal that the page's own code catches (zod probing for eval, say) never reaches the console: report it.
    page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('CSP violation') && problems.push(m.text()))
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.warn(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      ),
    )
    await use(page)
    expect(problems, 'browser console errors').toEqual([])
  },
})

export { expect }
