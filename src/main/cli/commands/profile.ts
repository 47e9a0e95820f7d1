import type { Command } from '../command'
import { writeJson } from '../output'
import { segmentFile, segmentUsage } from '../segmentFile'
import { profileSegments } from '../../engine/profile/segments'

/**
 * `segmentlab profile`: segments a file exactly as `segmentlab cluster` does with the same flags (same labels), then
 * describes each segment in the file's units with the Understand step's engine.
 */
export const profileCommand: Command = {
  name: 'profile',
  summary: 'Segment a CSV file and describe each segment: sizes, means, index, distinguishing features, a name',
  usage: `segmentlab profile ${segmentUsage}`,
  async run(args) {
    const { out, frame, outcome } = await segmentFile(args)
    const { k, fit } = outcome
    const numeric = frame.columns.map((c) => ({
      name: c.name,
      values: c.values as Float64Array,
      units: 'original' as const,
    }))
    const { segments, features } = profileSegments(fit.labels, k, { numeric, categories: [], monetary: null })
    writeJson(out, {
      k,
      n: fit.labels.length,
      labels: fit.labels,
      segments: segments.map((s) => ({
        segment: s.segment,
        size: s.size,
        share: s.share,
        name: s.suggestedName,
        reason: s.nameReason,
        distinguishing: s.distinguishing.map((t) => t.feature),
        features: s.features.map((f) => ({
          feature: f.feature,
          mean: f.mean,
          median: f.median,
          overallMean: f.overallMean,
          index: f.index,
          smd: f.smd,
        })),
      })),
      features: features.map((f) => ({ feature: f.feature, eta2: f.eta2, f: f.f })),
    })
    return 0
  },
}
