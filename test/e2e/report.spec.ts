import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { test, expect } from './fixtures'
import { HomePage } from './pages/HomePage'
import { Workspace } from './pages/Workspace'
import { SegmentPage } from './pages/SegmentPage'
import { UnderstandPage } from './pages/UnderstandPage'
import { ReportPage } from './pages/ReportPage'
import { snap, useTheme } from './pages/screens'

const screens = process.env.SCREENS_DIR ?? 'test-results/screens'

/** A screenshot of the whole step: the viewport grows to the scrolling content's height for the shot. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  const height = await page.locator('main.content').evaluate((el) => el.scrollHeight + 56)
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 3000)) })
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  )
  await page.screenshot({ path: `${screens}/${name}.png` })
  await page.setViewportSize(size)
}

const BROKEN_VALUES = /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]/

/** Segments the sample's wholesale customers automatically, keeps the run and describes it; returns the names. */
async function segmentAndUnderstand(page: Page, workspace: Workspace): Promise<string[]> {
  await workspace.openStep('Segment')
  const segment = new SegmentPage(page)
  await segment.waitForTables(['Wholesale customers'])
  await expect(segment.features().first()).toBeVisible({ timeout: 30_000 })
  for (const code of ['Channel', 'Region']) {
    if ((await segment.feature(code).count()) > 0) await segment.feature(code).uncheck()
  }
  await segment.automatic()
  await segment.findButton().click()
  await segment.waitForRun('K-means')
  await page.getByRole('button', { name: 'Use as the segmentation' }).click()
  await expect(page.getByText('✓ Used by the next steps')).toBeVisible()
  await workspace.openStep('Understand')
  const understand = new UnderstandPage(page)
  await understand.waitForCards()
  return understand.names()
}

test('report on the sample customers: sections change the preview, the PDF names every segment, membership exports', async ({
  page,
  host,
}) => {
  const out = mkdtempSync(join(tmpdir(), 'segmentlab-report-e2e-'))
  try {
    const home = new HomePage(page)
    await home.goto(host.url)
    await home.trySample()
    const workspace = new Workspace(page)

    // Before any segmentation, Report says where to go instead of showing an empty screen.
    await workspace.openStep('Report')
    await expect(page.getByText('Nothing to report yet')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Go to Segment' })).toBeVisible()

    const names = await segmentAndUnderstand(page, workspace)
    expect(names.length).toBeGreaterThanOrEqual(2)

    // Understand offers the segment tables too: the profiles as a workbook, one row per segment and one for all.
    const report = new ReportPage(page)
    const xlsx = await report.download(page.getByRole('button', { name: 'Profiles (Excel)' }))
    expect(xlsx.suggestedFilename()).toMatch(/segment profiles\.xlsx$/)
    const xlsxPath = join(out, 'profiles.xlsx')
    await xlsx.saveAs(xlsxPath)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsxPath)
    const sheet = book.getWorksheet('Segment profiles')!
    const column = sheet.getColumn(2).values.slice(2)
    expect(column).toEqual([...names, 'All customers'])

    await workspace.openStep('Report')
    await report.waitForPreview()
    const preview = report.preview()
    for (const name of names) await expect(preview.getByRole('heading', { name, exact: true }).first()).toBeVisible()
    // The report's styles reached the frame (applied as CSSOM, no CSP refusal): the cover's band is laid out.
    await expect(preview.locator('#appendix')).toHaveCount(1)
    await expect(preview.locator('script')).toHaveCount(0)
    const bodyFont = await preview.locator('body').evaluate((b) => getComputedStyle(b).fontSize)
    expect(bodyFont).not.toBe('16px')
    await snap(page, 'report-light')
    await shot(page, 'report-full-light')
    await useTheme(page, 'dark')
    await snap(page, 'report-dark')
    await shot(page, 'report-full-dark')
    await useTheme(page, 'light')

    // Switching the appendix off takes it out of the preview; switching it on brings it back.
    await report.section('Appendix').uncheck()
    await expect(preview.locator('#appendix')).toHaveCount(0)
    await report.waitForPreview()
    await report.section('Appendix').check()
    await expect(preview.locator('#appendix')).toHaveCount(1)
    await report.paper('US Letter').check()
    await report.waitForPreview()

    // Every section off: nothing to save, and the screen says why.
    const sections = [
      'Cover',
      'Executive summary',
      'Data and method',
      'Segment overview',
      'Segment cards',
      'Recommendations',
      'Appendix',
    ]
    for (const s of sections) await report.section(s).uncheck()
    await expect(page.getByText('Every section is switched off')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save PDF' })).toBeDisabled()
    for (const s of sections) await report.section(s).check()
    await report.waitForPreview()

    // Save PDF shows its progress where it was pressed, with a Cancel that leaves nothing behind.
    await page.getByRole('button', { name: 'Save PDF' }).click()
    await expect(report.progress('Making the PDF')).toBeVisible()
    await snap(page, 'report-progress-light')
    await page.getByRole('button', { name: 'Cancel: Making the PDF' }).click()
    await expect(page.getByText('Cancelled: nothing was saved.')).toBeVisible()

    // The PDF: a download whose text names every segment and carries no broken value.
    const pdf = await report.savePdf()
    expect(pdf.suggestedFilename()).toMatch(/report\.pdf$/)
    const pdfPath = join(out, 'report.pdf')
    await pdf.saveAs(pdfPath)
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    for (const name of names) expect(text.replace(/\s+/g, ' ')).toContain(name)
    expect(text).not.toMatch(BROKEN_VALUES)
    await expect(page.getByText(/Downloaded “.*report\.pdf”/)).toBeVisible()
    await shot(page, 'report-saved-light')

    // The same report as one self-contained HTML file.
    const html = await report.saveHtml()
    expect(html.suggestedFilename()).toMatch(/report\.html$/)
    const htmlPath = join(out, 'report.html')
    await html.saveAs(htmlPath)
    const doc = readFileSync(htmlPath, 'utf8')
    expect(doc).toContain('size: letter portrait')
    for (const name of names) expect(doc).toContain(name)
    expect(doc).not.toMatch(/<script/i)

    // Membership as CSV: one row per customer, each in a named segment.
    const csv = await report.exportTable('segment membership', 'CSV')
    expect(csv.suggestedFilename()).toMatch(/segment membership\.csv$/)
    const csvPath = join(out, 'membership.csv')
    await csv.saveAs(csvPath)
    const csvText = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '')
    const rows = Papa.parse<string[]>(csvText, { skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['Row', 'Segment', 'Segment number'])
    expect(rows).toHaveLength(441)
    const inFile = new Set(rows.slice(1).map((r) => r[1]))
    expect([...inFile].sort()).toEqual([...names].sort())
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})
