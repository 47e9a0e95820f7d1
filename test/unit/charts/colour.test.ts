import { describe, expect, it } from 'vitest'
import { mix, scaleColour, textOn, withAlpha } from '../../../src/shared/charts/colour'

describe('colour arithmetic', () => {
  it('mixes in sRGB, holding the ends of a scale', () => {
    expect(mix('#000000', '#ffffff', 0)).toBe('#000000')
    expect(mix('#000', '#fff', 1)).toBe('#ffffff')
    expect(mix('#000000', '#ff8000', 0.5)).toBe('#804000')
    const stops = ['#0000ff', '#ffffff', '#ff8000']
    expect(scaleColour(stops, 0)).toBe('#0000ff')
    expect(scaleColour(stops, 0.5)).toBe('#ffffff')
    expect(scaleColour(stops, 1)).toBe('#ff8000')
    expect(scaleColour(stops, 7)).toBe('#ff8000')
    expect(scaleColour(stops, -1)).toBe('#0000ff')
    expect(scaleColour(stops, 0.25)).toBe('#8080ff')
  })

  it('makes see-through fills and picks readable text', () => {
    expect(withAlpha('#0072b2', 0.3)).toBe('rgba(0, 114, 178, 0.3)')
    expect(textOn('#ffffff')).toBe('#111111')
    expect(textOn('#f4f4f1')).toBe('#111111')
    expect(textOn('#2166ac')).toBe('#ffffff')
    expect(textOn('#2c3036')).toBe('#ffffff')
  })

  it('refuses colours it cannot read, naming them', () => {
    expect(() => mix('rgb(1,2,3)', '#fff', 0.5)).toThrow(/"rgb\(1,2,3\)" is not a #rrggbb colour/)
  })
})
