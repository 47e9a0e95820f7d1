/**
 * `npm run bench`: speed and memory figures for the product's heavy paths, printed as measurements and ratios (never
 * asserted: this machine is shared and noisy). BENCH_QUICK=1 skips the largest cases. Each part can also run alone:
 *   node --import tsx bench/import/readRows.ts
 *   node --import tsx bench/import/loadFrame.ts
 *   node --import tsx bench/import/qualityCheck.ts
 *   node --import tsx bench/import/join.ts
 *   node --import tsx bench/cluster/kmeans.ts
 *   node --import tsx bench/recommend/recommend.ts
 */
import { existsSync } from 'node:fs'

interface Part {
  readonly title: string
  readonly module: string
}

const parts: Part[] = [
  { title: 'Import: streaming read with column typing (rows per second, peak memory)', module: './import/readRows.ts' },
  {
    title:
      'Import end to end: job process (reading and typing thread → staging writer thread) → project file, beside sqlite3 .import of the same file (median ratio of 3 pairs, peak memory; run npm run build first to time the bundled job)',
    module: './import/endToEnd.ts',
  },
  {
    title: "A job's frame load, 1M × 20 numbers: from text vs from the typed store vs a plain REAL read",
    module: './import/loadFrame.ts',
  },
  {
    title: 'Data-quality check of the 1M × 20 table: asked for as its import ends, and again with its values stored',
    module: './import/qualityCheck.ts',
  },
  {
    title: 'Join 100k × 100k customers to features by id: match job + write (request → stored)',
    module: './import/join.ts',
  },
  {
    title: 'Clustering: k-means per iteration vs scikit-learn, linkage memory, silhouette',
    module: './cluster/kmeans.ts',
  },
  {
    title: 'Recommendations: TF-IDF + cosine and user-KNN vs scikit-learn, fit + evaluate on 1M purchases',
    module: './recommend/recommend.ts',
  },
]

for (const part of parts) {
  const url = new URL(part.module, import.meta.url)
  console.log(`\n=== ${part.title}`)
  if (!existsSync(url)) {
    console.log(`(missing: ${part.module})`)
    continue
  }
  const mod = (await import(url.href)) as { main: () => Promise<unknown> }
  await mod.main()
}
