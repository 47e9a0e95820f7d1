import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from '../command'
import { parseFlags } from '../args'
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

/** A tour of the engine on the bundled sample data, in plain words: RFM segments, then customer segments. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Show what SegmentLab finds in the bundled sample data (RFM segments and spending segments)',
  usage: 'segmentlab demo',
  async run(args) {
    parseFlags(args, {})
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
  },
}
