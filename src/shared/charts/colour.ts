/**
 * Colour arithmetic for builders that colour by value (heatmaps) or need a lighter twin of a segment colour. Works on
 * "#rgb" and "#rrggbb"; the palettes' colours are all in that form.
 */

type Rgb = readonly [number, number, number]

function parseHex(colour: string): Rgb {
  const hex = colour.trim().replace(/^#/, '')
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new RangeError(`"${colour}" is not a #rrggbb colour.`)
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb
}

function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** The colour `t` of the way from `a` to `b` (0 gives a, 1 gives b), mixed in sRGB. */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [parseHex(a), parseHex(b)]
  return toHex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as unknown as Rgb)
}

/** The colour at `t` in 0..1 along evenly spaced stops (t outside 0..1 is held at the ends). */
export function scaleColour(stops: readonly string[], t: number): string {
  const at = Math.min(1, Math.max(0, t)) * (stops.length - 1)
  const i = Math.min(Math.floor(at), stops.length - 2)
  return mix(stops[i], stops[i + 1], at - i)
}

/** "rgba(…)" of a hex colour: a see-through fill that keeps the segment's hue on either theme's surface. */
export function withAlpha(colour: string, alpha: number): string {
  const [r, g, b] = parseHex(colour)
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  const [r, g, b] = parseHex(colour).map(lin)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Near-black or white, whichever contrasts more with `background`: for numbers written on coloured cells. */
export function textOn(background: string): string {
  const l = luminance(background)
  // Contrast with white is 1.05 / (l + 0.05), with #111 it is (l + 0.05) / 0.0555; they cross near l = 0.19.
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.0555 ? '#ffffff' : '#111111'
}
