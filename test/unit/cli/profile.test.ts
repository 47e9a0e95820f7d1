import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { runJsonCommand } from '../helpers/cli'
import { sharedData } from '../helpers/services'

const dir = tempDir('segmentlab-cli-profile-')
afterAll(() => dir.remove())
const wholesale = sharedData('customers/Wholesale customers data.csv')
const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']

const cli = (command: string, ...args: string[]) => runJsonCommand(dir.path, command, ...args)

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length

describe('segmentlab profile', () => {
  it('gives the labels of segmentlab cluster with the same flags, and profiles in the file’s units', () => {
    const flags = [
      '--features',
      spend.join(','),
      '--method',
      'kmeans',
      '--k',
      '4',
      '--scale',
      'standard',
      '--seed',
      '3',
    ]
    const profile = cli('profile', wholesale, ...flags)
    expect(profile.stderr).toBe('')
    const cluster = cli('cluster', wholesale, ...flags)
    expect(profile.json.labels).toEqual(cluster.json.labels)
    expect(Object.keys(profile.json)).toEqual(['k', 'n', 'labels', 'segments', 'features'])
    expect(profile.json).toMatchObject({ k: 4, n: 440 })

    // Independent check against the file read as plain numbers.
    const [header, ...lines] = readFileSync(wholesale, 'utf8').trim().split(/\r?\n/)
    const names = header.split(',')
    const rows = lines.map((l) => l.split(',').map(Number))
    const labels: number[] = profile.json.labels
    for (const segment of profile.json.segments) {
      expect(Object.keys(segment)).toEqual(['segment', 'size', 'share', 'name', 'reason', 'distinguishing', 'features'])
      const members = rows.filter((_, i) => labels[i] === segment.segment)
      expect(segment.size).toBe(members.length)
      expect(segment.share).toBeCloseTo(members.length / 440, 12)
      expect(typeof segment.name).toBe('string')
      expect(segment.reason.length).toBeGreaterThan(10)
      expect(segment.distinguishing.length).toBeGreaterThanOrEqual(3)
      for (const f of segment.features) {
        expect(Object.keys(f)).toEqual(['feature', 'mean', 'median', 'overallMean', 'index', 'smd'])
        const j = names.indexOf(f.feature)
        const all = rows.map((r) => r[j])
        const own = members.map((r) => r[j])
        const overall = mean(all)
        const sd = Math.sqrt(mean(all.map((v) => (v - overall) ** 2)))
        expect(f.mean).toBeCloseTo(mean(own), 6)
        expect(f.overallMean).toBeCloseTo(overall, 6)
        expect(f.index).toBeCloseTo((100 * mean(own)) / overall, 6)
        expect(f.smd).toBeCloseTo((mean(own) - overall) / sd, 9)
      }
    }
    expect(new Set(profile.json.segments.map((s: { name: string }) => s.name)).size).toBe(4)
    expect(profile.json.features.map((f: { feature: string }) => f.feature)).toEqual(spend)
    for (const f of profile.json.features) {
      expect(f.eta2).toBeGreaterThanOrEqual(0)
      expect(f.eta2).toBeLessThanOrEqual(1)
      expect(f.f).toBeGreaterThan(0)
    }
  })

  it('says "n/a" (null) for the index of a column whose overall mean is 0', () => {
    const file = join(dir.path, 'centred.csv')
    writeFileSync(file, ['a,b', '-1,1', '1,2', '-2,10', '2,11', '-3,20', '3,21'].join('\n'))
    const { json, stderr } = cli('profile', file, '--features', 'a,b', '--k', '3')
    expect(stderr).toBe('')
    for (const segment of json.segments) {
      expect(segment.features[0]).toMatchObject({ feature: 'a', overallMean: 0, index: null })
      expect(segment.features[1].index).not.toBeNull()
    }
  })

  it('refuses bad flags like segmentlab cluster', () => {
    expect(cli('profile', wholesale, '--features', 'Fresh', '--k', 'many').code).toBe(2)
    const missing = cli('profile', wholesale, '--features', 'Nope', '--k', '2')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/"Nope" is not a column/)
  })
})
