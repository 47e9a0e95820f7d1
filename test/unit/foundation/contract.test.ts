import { afterAll, describe, expect, it, vi } from 'vitest'
import { eventNames, parseRequestInput, requestNames, requests, type Bridge } from '../../../src/shared/api'
import { IPC_EVENT, IPC_INVOKE } from '../../../src/shared/ipcChannels'
import { createServices } from '../../../src/main/services'
import { dispatch } from '../../../src/main/services/dispatch'
import { tempDir, testPlatform } from '../helpers/projects'

describe('Api contract', () => {
  const dir = tempDir()
  const services = createServices(testPlatform(dir.path), () => {}, { version: '0.0.0-test' })
  afterAll(() => {
    services.dispose()
    dir.remove()
  })

  it('has a handler for every request and no handler without a request', () => {
    expect(Object.keys(services.handlers).sort()).toEqual([...requestNames].sort())
    for (const name of requestNames) expect(typeof services.handlers[name]).toBe('function')
  })

  it('names requests and events in dotted form, and no event like a request', () => {
    for (const name of [...requestNames, ...eventNames]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
    expect(eventNames.filter((name) => (requestNames as readonly string[]).includes(name))).toEqual([])
  })

  it('refuses unknown requests and malformed input at the boundary, naming the field', async () => {
    const unknown = await dispatch(services.handlers, 'fs.readFile', {}, () => {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'request.invalid' } })
    expect(() => parseRequestInput('datasets.page', { datasetId: -1, offset: 0, limit: 10 })).toThrow(/datasetId/)
    expect(() => parseRequestInput('project.create', { name: 'x', extra: true })).toThrow(/Unrecognized key/i)
    expect(requests['project.create'].input.safeParse({ name: '  ' }).success).toBe(false)
  })

  it('turns a service error into a reply a person can read', async () => {
    const reply = await dispatch(services.handlers, 'datasets.list', {}, () => {})
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({ userMessage: 'Open or create a project first.' }),
    })
  })
})

/** The Electron preload, run against a stand-in for Electron that records what it exposes and what it sends. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  subscribed: new Map<string, ((...args: unknown[]) => void)[]>(),
}))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args)
      return { ok: true, value: null }
    },
    on: (channel: string, handler: (...args: unknown[]) => void) =>
      electron.subscribed.set(channel, [...(electron.subscribed.get(channel) ?? []), handler]),
    removeListener: (channel: string, handler: (...args: unknown[]) => void) =>
      electron.subscribed.set(
        channel,
        (electron.subscribed.get(channel) ?? []).filter((h) => h !== handler),
      ),
  },
}))

describe('Electron preload', () => {
  async function preload(): Promise<Bridge> {
    await import('../../../src/preload/index')
    expect([...electron.exposed.keys()]).toEqual(['segmentlab'])
    return electron.exposed.get('segmentlab') as Bridge
  }

  it('exposes the Bridge methods and nothing else', async () => {
    expect(Object.keys(await preload()).sort()).toEqual(['invoke', 'listen', 'pickFile', 'shell'])
  })

  it('sends every contract request, and only those, on the one invoke channel', async () => {
    const bridge = await preload()
    electron.invoked.length = 0
    for (const name of requestNames) await bridge.invoke(name, {} as never)
    await bridge.pickFile('data')
    expect(electron.invoked).toEqual([
      ...requestNames.map((name) => [IPC_INVOKE, name, {}]),
      [IPC_INVOKE, 'shell.pickFile', { purpose: 'data' }],
    ])
    electron.invoked.length = 0
    await expect(bridge.invoke('fs.readFile' as never, {} as never)).rejects.toThrow(/Unknown request "fs.readFile"/)
    expect(electron.invoked).toEqual([])
  })

  it('listens to every contract event, and only those, on the one event channel, and unsubscribes', async () => {
    const bridge = await preload()
    for (const name of eventNames) {
      const heard: unknown[] = []
      const stop = bridge.listen(name, (payload) => heard.push(payload))
      const handlers = electron.subscribed.get(IPC_EVENT) ?? []
      for (const handler of handlers) {
        handler({}, 'some.otherEvent', 'not for this listener')
        handler({}, name, { n: 1 })
      }
      expect(heard).toEqual([{ n: 1 }])
      stop()
      expect(electron.subscribed.get(IPC_EVENT)).toEqual([])
    }
    expect(() => bridge.listen('ipc.anything' as never, () => {})).toThrow(/Unknown event "ipc.anything"/)
    expect([...electron.subscribed.entries()]).toEqual([[IPC_EVENT, []]])
  })
})
