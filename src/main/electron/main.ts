/**
 * The desktop shell: the window, the IPC bridge, utility-process jobs and native dialogs around the same services the
 * browser host serves. The only folder that imports `electron`.
 */
import { app, BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { createServices } from '../services'
import { appVersion } from '../appVersion'
import { appUrlFor, bundledAppUrl, windowOptions } from './securityPolicy'
import { registerAppScheme, serveAppScheme } from './appProtocol'
import { hardenContents, hardenSession } from './hardening'
import { createElectronPlatform } from './platform'
import { bindIpc, sendEvent } from './ipc'
import { installMenu } from './menu'

// The built renderer is served from app://segmentlab/ (see appProtocol.ts), not from file://.
const appUrl = appUrlFor({
  packaged: app.isPackaged,
  devServer: process.env.ELECTRON_RENDERER_URL,
  bundled: bundledAppUrl,
})
const isDev = appUrl !== bundledAppUrl
let mainWindow: BrowserWindow | null = null

app.enableSandbox()
registerAppScheme()
if (!app.requestSingleInstanceLock()) app.quit()

app.whenReady().then(() => {
  serveAppScheme(join(__dirname, '../renderer'))
  hardenSession(session.defaultSession)
  installMenu(isDev)
  const platform = createElectronPlatform({
    jobEntry: join(__dirname, 'job.js'),
    sqliteBinding: join(app.getAppPath(), '.cache', 'electron-sqlite', 'better_sqlite3.node'),
    window: () => mainWindow,
  })
  const services = createServices(platform, (event, payload) => sendEvent(mainWindow, event, payload), {
    version: appVersion,
  })
  bindIpc(services.handlers, appUrl, () => mainWindow)

  mainWindow = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')))
  hardenContents(mainWindow.webContents, appUrl)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(appUrl)

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('before-quit', () => services.dispose())
})

app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl))
app.on('window-all-closed', () => app.quit())
