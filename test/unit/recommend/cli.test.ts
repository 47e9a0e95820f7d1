import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJsonCommand } from '../helpers/cli'
import { tempDir } from '../helpers/projects'
import { sharedData } from '../helpers/services'

/** `segmentlab recommend`: the contract of issue 13, run as a separate process as the automated checks do. */
const dir = tempDir('segmentlab-recommend-')
afterAll(() => dir.remove())
const file = (name: string) => join(dir.path, name)
const METRIC_KEYS = ['precision', 'recall', 'ndcg', 'map', 'hitRate', 'coverage']

beforeAll(() => {
  // MovieLens split by a fixed rule (the reference's), and a small slice of it for the slower paths.
  const [header, ...lines] = readFileSync(sharedData('ratings/ml-latest-small/ratings.csv'), 'utf8').trim().split('\n')
  const isTest = (l: string) => {
    const [u, m] = l.split(',')
    return (Number(u) + Number(m)) % 4 === 0
  }
  writeFileSync(file('train.csv'), [header, ...lines.filter((l) => !isTest(l))].join('\n'))
  writeFileSync(file('test.csv'), [header, ...lines.filter(isTest)].join('\n'))
  const small = lines.filter((l) => Number(l.split(',')[0]) <= 40)
  writeFileSync(file('small.csv'), [header, ...small].join('\n'))
  const tiny = lines.filter((l) => Number(l.split(',')[0]) <= 12)
  writeFileSync(file('tiny.csv'), [header, ...tiny].join('\n'))
})

describe('segmentlab recommend --train --test', () => {
  it('writes the contract’s JSON; popularity equals the independent reference', () => {
    const reference = JSON.parse(
      readFileSync(new URL('../../fixtures/recommend/popularity_reference.json', import.meta.url), 'utf8'),
    )
    const run = runJsonCommand(
      dir.path,
      'recommend',
      ...['--train', file('train.csv'), '--test', file('test.csv'), '--user', 'userId', '--item', 'movieId'],
      ...['--rating', 'rating', '--method', 'popular', '--top', '10'],
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(Object.keys(run.json)).toEqual(['method', 'k', 'metrics', 'baseline', 'users'])
    expect(run.json).toMatchObject({ method: 'popular', k: 10, users: reference.users })
    expect(Object.keys(run.json.metrics)).toEqual(METRIC_KEYS)
    expect(Object.keys(run.json.baseline)).toEqual(METRIC_KEYS)
    for (const key of METRIC_KEYS) {
      expect(run.json.metrics[key]).toBeCloseTo(reference.metrics[key], 12)
      expect(run.json.baseline[key]).toBeCloseTo(reference.metrics[key], 12)
    }
  })

  it('thresholds test ratings only when asked', () => {
    const run = runJsonCommand(
      dir.path,
      'recommend',
      ...['--train', file('train.csv'), '--test', file('test.csv'), '--user', 'userId', '--item', 'movieId'],
      ...['--rating', 'rating', '--threshold', '4', '--method', 'user-knn'],
    )
    expect(run.code).toBe(0)
    expect(run.json.method).toBe('user-knn')
    expect(run.json.users).toBeLessThan(610)
    expect(run.json.users).toBeGreaterThan(500)
  })
})

describe('segmentlab recommend --input', () => {
  it('fits on everything and writes each customer’s items with a score and a reason', () => {
    const run = runJsonCommand(
      dir.path,
      'recommend',
      ...['--input', file('small.csv'), '--user', 'userId', '--item', 'movieId', '--method', 'content', '--top', '5'],
      ...['--items', sharedData('ratings/ml-latest-small/movies.csv'), '--item-id', 'movieId', '--text', 'title'],
      ...['--text', 'genres'],
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(Object.keys(run.json)).toEqual(['method', 'users'])
    expect(run.json.method).toBe('content')
    expect(run.json.users).toHaveLength(40)
    const first = run.json.users[0]
    expect(first.user).toBe('1')
    expect(first.items).toHaveLength(5)
    expect(Object.keys(first.items[0])).toEqual(['item', 'score', 'reason'])
    expect(first.items[0].reason).toMatch(/^because you bought .+\(\d{4}\)$/)
    const seen = new Set(
      readFileSync(file('small.csv'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('1,'))
        .map((l) => l.split(',')[1]),
    )
    for (const { item } of first.items) expect(seen.has(item)).toBe(false)
  })

  it('Automatic keeps the contract’s keys exactly, with the method as given', () => {
    const run = runJsonCommand(
      dir.path,
      'recommend',
      ...['--input', file('tiny.csv'), '--user', 'userId', '--item', 'movieId', '--method', 'auto', '--top', '3'],
    )
    expect(run.code).toBe(0)
    expect(Object.keys(run.json)).toEqual(['method', 'users'])
    expect(run.json.method).toBe('auto')
    expect(run.json.users.length).toBeGreaterThan(0)
  })
})

describe('segmentlab recommend errors', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', resolve('src/main/cli/main.ts'), 'recommend', ...args], {
      encoding: 'utf8',
    })

  it('exits 2 on wrong flags and 1 with one line on a wrong column', () => {
    const bad = cli(
      '--input',
      file('small.csv'),
      '--user',
      'userId',
      '--item',
      'movieId',
      '--method',
      'svd',
      '--json',
      file('x.json'),
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--method must be one of/)
    const missing = cli(
      '--input',
      file('small.csv'),
      '--user',
      'customer',
      '--item',
      'movieId',
      '--json',
      file('x.json'),
    )
    expect(missing.status).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toMatch(/--user "customer" is not a column/)
  })
})
