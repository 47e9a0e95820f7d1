/**
 * Printing a report in the desktop app: the HTML goes to a private temporary file, a hidden sandboxed window without
 * JavaScript loads it in an in-memory session that refuses every other request, and Chromium's own printToPDF makes
 * the PDF (page size and numbers from the document's @page rules). The file and the window go whatever happens.
 */
import { BrowserWindow, session } from 'electron'
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PdfOptions } from '../platform/types'

export function electronPrintToPdf(tempDir: string): (html: string, options: PdfOptions) => Promise<Buffer> {
  return async (html, options) => {
    const file = join(tempDir, `report-${randomBytes(8).toString('hex')}.html`)
    const url = pathToFileURL(file).href
    writeFileSync(file, html, { mode: 0o600 })
    const printing = session.fromPartition('segmentlab-print')
    printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }))
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: printing,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
      },
    })
    try {
      await window.loadURL(url)
      return await window.webContents.printToPDF({
        pageSize: options.paper,
        preferCSSPageSize: true,
        printBackground: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      })
    } finally {
      window.destroy()
      rmSync(file, { force: true })
    }
  }
}
