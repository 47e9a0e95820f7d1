import { mkdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from '../command'
import { parseFlags } from '../args'
import { headless } from './report'
import { projectFileFor } from '../../services/projectService'
import { createProjectFile, PROJECT_EXTENSION } from '../../store/projectFile'
import { writeReport } from '../../report/writeReport'
import { defaultReportOptions } from '../../report/model'
import { parseRequestInput, type RequestInput, type RequestName } from '../../../shared/api'
import { readTable, typedColumn } from '../readTable'
import { computeRfm, summariseSegments } from '../../engine/prep'
import { elementwiseProduct } from '../../engine/vectors'
import { prepareFeatures } from '../../engine/segmentation/prepareFeatures'
import { sweepSegments } from '../../engine/segmentation/sweep'
import { fitSegmentation } from '../../engine/segmentation/fitSegmentation'
import { unscaleCenters } from '../../engine/cluster/unscale'
import { segmentSizes } from '../../engine/segmentation/scores'
import { labelsOf, type Frame } from '../../engine/frame'
import type { ClusterSettings } from '../../../shared/domain/cluster'

const spend = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']

/** The bundled sample folder: resources/sample beside the built out/ (or the source tree under tsx). */
function sampleDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  return join(here, here.includes(`${join('src', 'main')}`) ? '../../../../resources/sample' : '../../resources/sample')
}

/**
 * `segmentlab demo`: a tour of the engine on the bundled sample data, in plain words (RFM segments, then customer
 * segments). `segmentlab demo --out DIR`: the whole journey headless, as the app does it, ending in a project and its
 * PDF report in DIR.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Show what SegmentLab finds in the bundled sample data; with --out DIR, make a project and its PDF report',
  usage: 'segmentlab demo [--out DIR]',
  async run(args) {
    const { values } = parseFlags(args, { out: { type: 'string' } })
    return values.out ? journey(resolve(values.out)) : tour()
  },
}

/** The demo project's name; its file and report are DIR/<name>.segmentlab and DIR/<name>.pdf. */
const DEMO_NAME = 'Online retail customers'
/** The RFM features the demo segments by. */
const RFM_FEATURES = ['recency_days', 'frequency', 'monetary']

/**
 * Import the sample transactions, check their quality, build RFM per customer, prepare (keep customers who spent,
 * cap the extreme 1%), segment with the recommended number of segments, choose that run, describe and name the
 * segments, recommend products with the Personalise step's defaults (Automatic, a random split, the transactions'
 * descriptions as the catalogue), and print the report: the app's services and job processes, headless.
 */
async function journey(out: string): Promise<number> {
  mkdirSync(out, { recursive: true })
  const projectPath = projectFileFor(out, DEMO_NAME)
  createProjectFile(projectPath, DEMO_NAME).close()
  const pdfPath = join(out, `${basename(projectPath, PROJECT_EXTENSION)}.pdf`)
  const h = headless()
  const api = h.services.handlers
  const call = <K extends RequestName>(name: K, input: RequestInput<K>) =>
    (api[name] as (input: unknown) => ReturnType<(typeof api)[K]>)(parseRequestInput(name, input))
  const say = (line: string) => console.log(line)
  try {
    await call('project.open', { path: projectPath })
    say('Importing the sample transactions…')
    const file = join(sampleDir(), 'online-retail-transactions.csv')
    const imported = await h.finish(
      call('import.start', { path: file, name: 'Online retail transactions', kind: 'transactions' }),
    )
    const transactions = imported.produced!.datasetId!
    say('Checking data quality…')
    await h.finish(call('jobs.profile', { datasetId: transactions }))
    say('Building recency, frequency and monetary value per customer…')
    const rfm = await h.finish(
      call('rfm.build', {
        datasetId: transactions,
        customer: 'CustomerID',
        date: 'InvoiceDate',
        quantity: 'Quantity',
        price: 'UnitPrice',
        invoice: 'InvoiceNo',
        cancellations: 'net',
      }),
    )
    const customers = rfm.produced!.datasetId!
    say('Preparing: keeping customers who spent, capping the most extreme 1%…')
    await call('prep.save', {
      datasetId: customers,
      steps: [
        { id: 'spent', kind: 'filterRows', conditions: [{ column: 'monetary', op: '>', value: 0 }] },
        {
          id: 'cap',
          kind: 'outliers',
          columns: ['frequency', 'monetary'],
          method: 'percentile',
          action: 'cap',
          lower: 0.01,
          upper: 0.99,
        },
      ],
    })
    say('Segmenting with the recommended number of segments…')
    const segmented = await h.finish(call('cluster.run', { datasetId: customers, features: RFM_FEATURES, k: 'auto' }))
    const runId = segmented.produced!.runId!
    await call('runs.choose', { runId })
    say('Describing and naming the segments…')
    await h.finish(call('jobs.understand', { runId }))
    const run = await call('runs.get', { runId })
    say(`Found ${run.k} segments: ${run.segments.map((s) => s.name).join(', ')}.`)
    say('Recommending products (the transactions are their own catalogue)…')
    await h.finish(
      call('jobs.recommend', {
        datasetId: transactions,
        customer: 'CustomerID',
        item: 'StockCode',
        value: { column: 'Quantity', kind: 'quantity', threshold: null },
        date: 'InvoiceDate',
        split: 'random',
        catalogue: { datasetId: transactions, item: 'StockCode', text: ['Description'], category: null },
        method: 'auto',
        top: 10,
        seed: 0,
      }),
    )
    const model = await call('recommend.model', {})
    if (model) say(model.evaluation.verdict)
    say('Writing the report…')
    const db = h.services.session.requireProject().db
    await writeReport(db, h.platform, { pdf: pdfPath }, { ...defaultReportOptions, runId })
  } finally {
    h.close()
  }
  say(`\nProject: ${projectPath}\nReport:  ${pdfPath}`)
  return 0
}

/** Today's printout: RFM segments of the sample transactions, then segments of the wholesale customers. */
async function tour(): Promise<number> {
  const dir = sampleDir()
  const tx = await readTable(join(dir, 'online-retail-transactions.csv'))
  const rfm = computeRfm(
    {
      customer: labelsOf(typedColumn(tx, 'CustomerID', 'customer', 'category')),
      date: typedColumn(tx, 'InvoiceDate', 'date', 'date').values as Float64Array,
      amount: elementwiseProduct(
        typedColumn(tx, 'Quantity', 'quantity', 'number').values as Float64Array,
        typedColumn(tx, 'UnitPrice', 'price', 'number').values as Float64Array,
      ),
      invoice: labelsOf(typedColumn(tx, 'InvoiceNo', 'invoice', 'category')),
    },
    { cancellations: 'net' },
  )
  console.log(
    `Online retail sample: ${tx.rows.length.toLocaleString('en')} transactions, ${rfm.customers.length.toLocaleString('en')} customers with purchases.`,
  )
  console.log(`RFM segments as of ${new Date(rfm.report.asOf).toISOString().slice(0, 10)}:`)
  for (const s of summariseSegments(rfm).filter((s) => s.customers > 0)) {
    console.log(`  ${s.segment.padEnd(20)} ${String(s.customers).padStart(5)} customers  ${s.description}`)
  }

  const wholesale = await readTable(join(dir, 'wholesale-customers.csv'))
  const frame: Frame = {
    rowCount: wholesale.rows.length,
    columns: spend.map((f) => typedColumn(wholesale, f, 'feature', 'number')),
  }
  const space = prepareFeatures(frame, spend, 'standard')
  const settings: ClusterSettings = {
    datasetId: 0,
    features: spend,
    method: 'kmeans',
    k: 'auto',
    kRange: [2, 8],
    scale: 'standard',
    // The demo shows the engine as the CLI contract runs it: no transform, the criteria alone choose k.
    transform: 'none',
    preferK: null,
    seed: 42,
    nInit: 10,
    maxIter: 300,
    stability: false,
    sampleSize: null,
  }
  const { recommendation } = await sweepSegments(space.x, settings, async () => {})
  const fit = await fitSegmentation(space.x, { ...settings, k: recommendation.k })
  const centres = unscaleCenters(fit.centers, space.centre, space.scale)
  const sizes = segmentSizes(fit.labels, recommendation.k)
  console.log(`\nWholesale customers (${space.x.rows}): ${recommendation.reason}`)
  for (const w of recommendation.warnings) console.log(`  Note: ${w}`)
  sizes.forEach((size, c) => {
    const profile = spend
      .map((f, j) => `${f} ${Math.round(centres.data[c * spend.length + j]).toLocaleString('en')}`)
      .join(', ')
    console.log(`  Segment ${c + 1}: ${size} customers; average yearly spend ${profile}`)
  })
  return 0
}
