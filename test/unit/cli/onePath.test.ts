import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/projects'
import { runJsonCommand } from '../helpers/cli'
import { serviceHarness, sharedData } from '../helpers/services'
import { parseRequestInput } from '../../../src/shared/api'
import { runArrays } from '../../../src/main/store/repos/runs'

const dir = tempDir('segmentlab-cli-one-path-')
afterAll(() => dir.remove())
const wholesale = sharedData('customers/Wholesale customers data.csv')
const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']

const cli = (...args: string[]) => runJsonCommand(dir.path, 'cluster', ...args)

describe('the CLI runs the app’s own segmentation path', () => {
  it('gives the labels the app stores for the same settings, fixed k and Automatic alike', async () => {
    const h = serviceHarness()
    try {
      const api = h.services.handlers
      await api['project.create']({ name: 'One path' })
      const job = await api['import.start']({ path: wholesale, name: 'Wholesale', kind: 'customers' })
      expect((await h.finished(job.id)).status).toBe('succeeded')
      const datasetId = (await api['datasets.list']({}))[0].id
      const db = () => h.services.session.requireProject().db
      const appLabels = async (input: Record<string, unknown>) => {
        const started = await api['cluster.run'](
          parseRequestInput('cluster.run', { datasetId, features: spend, ...input }),
        )
        expect((await h.finished(started.id)).status).toBe('succeeded')
        const [run] = await api['runs.list']({ datasetId })
        return { run, labels: Array.from(runArrays(db(), run.id).labels) }
      }

      const fixed = await appLabels({ k: 4, scale: 'standard', transform: 'none', preferK: null, seed: 5 })
      const fixedCli = cli(wholesale, '--features', spend.join(','), '--k', '4', '--scale', 'standard', '--seed', '5')
      expect(fixedCli.json.labels).toEqual(fixed.labels)
      expect(fixedCli.json.inertia).toBe(fixed.run.inertia)

      // The app's Automatic (transforms, 3–8 preferred) with the sweep's stability check, as the CLI runs it.
      const auto = await appLabels({ k: 'auto', kRange: [2, 8], seed: 0, stability: true })
      const autoCli = cli(
        wholesale,
        ...['--features', spend.join(','), '--k', 'auto', '--k-range', '2-8', '--scale', 'standard'],
        ...['--transform', 'auto', '--prefer-k', '3-8'],
      )
      expect(autoCli.json.k).toBe(auto.run.k)
      expect(autoCli.json.labels).toEqual(auto.labels)
    } finally {
      h.dispose()
    }
  })

  it('refuses what the app refuses, with the app’s limits and words', () => {
    const base = [wholesale, '--features', spend.join(',')]
    const one = cli(...base, '--k', '1')
    expect(one.code).toBe(2)
    expect(one.stderr).toMatch(/--k/)
    expect(cli(...base, '--k', '100000').code).toBe(2)
    expect(cli(...base, '--k', '3', '--n-init', '0').code).toBe(2)

    // 30,000 rows: average linkage's distance matrix would need far more memory than a job may use; the app refuses it too.
    const big = join(dir.path, 'big.csv')
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i % 97},${(i * 7) % 113}`)
    writeFileSync(big, ['a,b', ...rows].join('\n'))
    const average = cli(big, '--features', 'a,b', '--method', 'average', '--k', '3')
    expect(average.code).toBe(1)
    expect(average.stderr).toMatch(/big\.csv: Clustering all 30,000 customers this way needs about/)
  })
})
