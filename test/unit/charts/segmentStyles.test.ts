import { describe, expect, it } from 'vitest'
import { columnLabelWidth, segmentNamesAxis, segmentStyles } from '../../../src/shared/charts/segmentStyles'
import { clampSmd, formatSmd, orderedNumericFeatures } from '../../../src/shared/charts/profileFeatures'
import { darkChartPalette, lightChartPalette } from '../../../src/shared/charts/palette'
import { labels, profile } from './understandFixture'

describe('segmentStyles', () => {
  it("takes each segment's name and its colour from the palette by the label's colour index", () => {
    for (const palette of [lightChartPalette, darkChartPalette]) {
      expect(segmentStyles(labels, 3, palette)).toEqual([
        { segment: 0, name: 'Thrifty Regulars', colour: palette.series[2] },
        { segment: 1, name: 'Dairy Lovers', colour: palette.series[0] },
        { segment: 2, name: 'Fresh Fans', colour: palette.series[5] },
      ])
    }
  })

  it('gives an unlabelled segment the default name and colour, and wraps colours past the palette', () => {
    const styles = segmentStyles([{ segment: 1, name: 'Big', colour: 9 }], 3, lightChartPalette)
    expect(styles.map((s) => s.name)).toEqual(['Segment 1', 'Big', 'Segment 3'])
    expect(styles.map((s) => s.colour)).toEqual([
      lightChartPalette.series[0],
      lightChartPalette.series[1],
      lightChartPalette.series[2],
    ])
  })

  it('refuses labels for missing segments, twice-labelled segments, bad colours and empty names', () => {
    const l = (segment: number, name = 'A', colour = 0) => ({ segment, name, colour })
    expect(() => segmentStyles([l(3)], 3, lightChartPalette)).toThrow(/label for segment 4 \("A"\).*3 segments/)
    expect(() => segmentStyles([l(0), l(0)], 3, lightChartPalette)).toThrow(/Segment 1 has two labels/)
    expect(() => segmentStyles([l(1, 'A', -1)], 3, lightChartPalette)).toThrow(/Segment 2 has colour -1/)
    expect(() => segmentStyles([l(2, ' ')], 3, lightChartPalette)).toThrow(/Segment 3 has an empty name/)
    expect(() => segmentStyles([], 0, lightChartPalette)).toThrow(/at least one segment/)
  })
})

describe('profile features', () => {
  it('gives each column of segment names its share of the width, so long names break instead of overlapping', () => {
    // About 600 px of plot: three names keep 150 px; six get 92 px each; never narrower than 72 px.
    expect([2, 3, 6, 10].map(columnLabelWidth)).toEqual([150, 150, 92, 72])
    const axis = segmentNamesAxis(segmentStyles([], 6, lightChartPalette), lightChartPalette, columnLabelWidth(6))
    expect(axis.axisLabel).toMatchObject({ width: 92, overflow: 'break', interval: 0, lineHeight: 15 })
  })

  it('orders the numeric features by eta² descending and leaves categories out', () => {
    expect(orderedNumericFeatures(profile)).toEqual(['Milk', 'PC1', 'Fresh', 'Grocery'])
  })

  it('clamps differences to ±2 and writes them signed', () => {
    expect([3.1, -2.7, 0.4, 2, -2].map(clampSmd)).toEqual([2, -2, 0.4, 2, -2])
    expect(formatSmd(1.23)).toBe('+1.2 SD')
    expect(formatSmd(-0.44)).toBe('−0.4 SD')
    expect(formatSmd(0)).toBe('0 SD')
  })

  it('refuses profiles whose segments are out of order or miss a feature', () => {
    const [a, b, c] = profile.segments
    expect(() => orderedNumericFeatures({ ...profile, segments: [b, a, c] })).toThrow(/Profile 1 is for segment 2/)
    const noMilk = { ...c, features: c.features.filter((f) => f.feature !== 'Milk') }
    expect(() => orderedNumericFeatures({ ...profile, segments: [a, b, noMilk] })).toThrow(
      /Segment 3 has no profile for "Milk"/,
    )
    const nan = { ...c, features: c.features.map((f) => ({ ...f, smd: NaN })) }
    expect(() => orderedNumericFeatures({ ...profile, segments: [a, b, nan] })).toThrow(/no finite mean difference/)
    expect(() => orderedNumericFeatures({ ...profile, segments: [] })).toThrow(/no segments/)
  })
})
