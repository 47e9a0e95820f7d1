/**
 * Printing HTML to PDF under plain Node (browser host, CLI): playwright-core drives the system Chromium headless. The
 * page gets the HTML directly and every network request is refused, so printing never reaches outside the machine
 * whatever the HTML says. Page size and numbers come from the document's own @page rules (preferCSSPageSize).
 */
import { chromium } from 'playwright-core'
import type { PdfOptions } from './types'

export const defaultChromium = '/usr/bin/chromium'

export async function printPdfWithChromium(html: string, options: PdfOptions): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: process.env.SEGMENTLAB_CHROMIUM ?? defaultChromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    return await page.pdf({
      format: options.paper,
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    })
  } finally {
    await browser.close()
  }
}
