import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { openProjectReadOnly } from '../../../src/main/store/projectFile'
import { listRuns } from '../../../src/main/store/repos/runs'

/** `segmentlab demo --out DIR` end to end (real job processes, real Chromium), then `segmentlab report` on its project. */
const dir = tempDir('segmentlab-cli-demo-')
afterAll(() => dir.remove())

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve('src/main/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 240_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function pdfText(path: string): string {
  const run = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
  expect(run.status).toBe(0)
  return run.stdout
}

/** Per page, the share of pixels that are not white, from a small grey rendering (PGM) of every page. */
function inkPerPage(path: string): number[] {
  const prefix = join(dir.path, `ink-${Math.random().toString(36).slice(2)}`)
  expect(spawnSync('pdftoppm', ['-gray', '-r', '20', path, prefix]).status).toBe(0)
  const pages = readdirSync(dir.path)
    .filter((f) => f.startsWith(prefix.split('/').pop()!) && f.endsWith('.pgm'))
    .sort()
  return pages.map((file) => {
    const data = readFileSync(join(dir.path, file))
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'))!
    const pixels = data.subarray(header[0].length)
    let ink = 0
    for (const p of pixels) if (p < 200) ink++
    return ink / pixels.length
  })
}

function expectReadable(text: string, names: readonly string[]) {
  for (const name of names) expect(text).toContain(name)
  for (const bad of ['undefined', 'NaN', 'null', '[object Object]']) expect(text).not.toContain(bad)
}

describe('segmentlab demo --out and segmentlab report', () => {
  let project: string
  let pdf: string
  let names: string[]

  beforeAll(() => {
    const out = join(dir.path, 'demo')
    const run = cli(['demo', '--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const files = readdirSync(out)
    project = join(
      out,
      files.find((f) => f.endsWith('.segmentlab'))!,
    )
    pdf = join(
      out,
      files.find((f) => f.endsWith('.pdf'))!,
    )
    expect(run.stdout).toContain(project)
    expect(run.stdout).toContain(pdf)
    const db = openProjectReadOnly(project)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const chosen = listRuns(db).filter((r) => r.chosen)
      expect(chosen).toHaveLength(1)
      names = chosen[0].segments.map((s) => s.name)
      expect(chosen[0].k).toBeGreaterThanOrEqual(3)
      // Named by the Understand step, not "Segment N".
      expect(names.some((n) => /^Segment \d+$/.test(n))).toBe(false)
    } finally {
      db.close()
    }
  }, 300_000)

  it('writes a PDF report that names every segment, has no broken values and no blank page', () => {
    const text = pdfText(pdf)
    expectReadable(text, names)
    expect(text).toContain('Executive summary')
    expect(text).toMatch(/Page 2 of \d+/)
    // Recommended after naming: the quality chapter with its verdict beside the best-sellers, items on every card.
    expect(text).toContain('Recommendation quality')
    expect(text).toMatch(
      /(better than|as good as|Worse than) recommending bestsellers \(NDCG@10 \d\.\d{3} vs \d\.\d{3}\)/,
    )
    expect(text).toContain('How this was measured')
    expect(text.match(/Top recommended items/g)?.length).toBeGreaterThanOrEqual(names.length)
    const ink = inkPerPage(pdf)
    expect(ink.length).toBeGreaterThanOrEqual(8)
    for (const share of ink) expect(share).toBeGreaterThan(0.003)
    expect(readdirSync(join(dir.path, 'demo')).filter((f) => f.endsWith('.part'))).toEqual([])
  })

  it('segmentlab report writes the chosen run’s report as PDF and HTML', () => {
    const out = join(dir.path, 'again.pdf')
    const html = join(dir.path, 'again.html')
    const run = cli(['report', project, '--pdf', out, '--html', html, '--paper', 'Letter'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expectReadable(pdfText(out), names)
    const page = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout
    expect(page).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
    const doc = readFileSync(html, 'utf8')
    expect(doc).toMatch(/^<!doctype html>/)
    expect(doc).not.toMatch(/<script/i)
    for (const name of names) expect(doc).toContain(name)
  }, 120_000)

  it('a failed print leaves no file behind', () => {
    const out = join(dir.path, 'failed.pdf')
    const run = cli(['report', project, '--pdf', out], { SEGMENTLAB_CHROMIUM: join(dir.path, 'no-such-chromium') })
    expect(run.code).toBe(1)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir.path).filter((f) => f.includes('failed.pdf'))).toEqual([])
  }, 60_000)

  it('refuses wrong usage with exit code 2', () => {
    expect(cli(['report', project]).code).toBe(2)
    expect(cli(['report', '--pdf', join(dir.path, 'x.pdf')]).code).toBe(2)
  })
})
