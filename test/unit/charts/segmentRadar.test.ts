import { describe, expect, it } from 'vitest'
import { segmentRadar } from '../../../src/shared/charts/segmentRadar'
import { lightChartPalette, seriesColour } from '../../../src/shared/charts/palette'
import { expectRendered, format, palettes, type Loose } from './understandHelpers'
import { labels, names, profile } from './understandFixture'

describe('segmentRadar', () => {
  it('draws one radar per segment over the strongest features, values clamped to ±2', () => {
    for (const palette of palettes) {
      const spec = segmentRadar(profile, labels, palette)
      const radars = spec.option.radar as Loose[]
      const series = spec.option.series as Loose[]
      expect(radars).toHaveLength(3)
      expect(radars[0].indicator).toEqual(
        ['Milk', 'PC1', 'Fresh', 'Grocery'].map((name) => ({ name, min: -2, max: 2 })),
      )
      expect(series.map((s) => s.name)).toEqual(names)
      expect(series.map((s) => s.radarIndex)).toEqual([0, 1, 2])
      expect(series.map((s) => s.lineStyle.color)).toEqual(labels.map((l) => seriesColour(palette, l.colour)))
      // Milk 3.1 and −2.7 are drawn at the rim and the centre.
      expect(series.map((s) => s.data[0].value)).toEqual([
        [-1.2, -0.8, -0.5, -0.2],
        [2, 0.6, 0.9, 0.4],
        [-2, 1.1, 0.6, 0.3],
      ])
      expect((spec.option.title as Loose[]).map((t) => t.text)).toEqual(names)
    }
  })

  it('overlays all segments on one radar when asked, with a legend, and limits the axes', () => {
    const spec = segmentRadar(profile, labels, lightChartPalette, { overlay: true, features: 3 })
    expect(spec.option.radar as Loose[]).toHaveLength(1)
    expect((spec.option.radar as Loose[])[0].indicator.map((i: Loose) => i.name)).toEqual(['Milk', 'PC1', 'Fresh'])
    expect((spec.option.series as Loose[]).map((s) => s.radarIndex)).toEqual([0, 0, 0])
    expect((spec.option.legend as Loose).show).toBe(true)
    expect(spec.option.title).toEqual([])
  })

  it('gives the true, unclamped difference in the tooltip', () => {
    const spec = segmentRadar(profile, labels, lightChartPalette)
    expect(format((spec.option.tooltip as Loose).formatter, { seriesIndex: 1 })).toBe(
      'Dairy Lovers\nMilk: +3.1 SD\nPC1: +0.6 SD\nFresh: +0.9 SD\nGrocery: +0.4 SD',
    )
  })

  it('renders to SVG in both layouts with every segment named', () => {
    const colours = (palette: typeof lightChartPalette) => labels.map((l) => seriesColour(palette, l.colour))
    expectRendered((palette) => segmentRadar(profile, labels, palette), [...names, 'Milk'], colours)
    expectRendered((palette) => segmentRadar(profile, labels, palette, { overlay: true }), names, colours)
  })

  it('refuses fewer than three axes', () => {
    expect(() => segmentRadar(profile, labels, lightChartPalette, { features: 2 })).toThrow(/at least 3 axes; 2/)
    const two = { ...profile, features: profile.features.filter((f) => f.feature === 'Milk' || f.feature === 'PC1') }
    expect(() => segmentRadar(two, labels, lightChartPalette)).toThrow(/at least 3 numeric features; the profile has 2/)
  })
})
