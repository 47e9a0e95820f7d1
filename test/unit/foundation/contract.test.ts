import { afterAll, describe, expect, it } from 'vitest'
import { eventNames, parseRequestInput, requestNames, requests } from '../../../src/shared/api'
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

  it('names every request and event once, in dotted form', () => {
    expect(new Set(requestNames).size).toBe(requestNames.length)
    for (const name of [...requestNames, ...eventNames]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
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
