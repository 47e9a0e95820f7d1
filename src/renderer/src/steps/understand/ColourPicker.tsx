import { useId } from 'react'
import { seriesColour, type ChartPalette } from '../../../../shared/charts/palette'

/** The palette's series colours by name (light and dark themes keep the hues, so the names hold in both). */
const colourNames = ['Blue', 'Vermilion', 'Green', 'Pink', 'Orange', 'Sky blue', 'Brown', 'Purple']

/**
 * A segment's colour, one of the chart palette's series colours, as a row of swatches. They are native radios, so Tab
 * reaches the group once and the arrow keys move between colours, as in any radio group; each colour has a name,
 * and says which other segments already have it (two segments in one colour cannot be told apart on a chart).
 */
export function ColourPicker({
  segmentName,
  value,
  palette,
  usedBy,
  onChange,
}: {
  segmentName: string
  value: number
  palette: ChartPalette
  /** Per colour, the names of the other segments that have it (empty when it is free). */
  usedBy: readonly (readonly string[])[]
  onChange: (colour: number) => void
}) {
  const name = useId()
  return (
    <fieldset className="colour-picker">
      <legend className="visually-hidden">Colour of {segmentName}</legend>
      {palette.series.map((_, i) => {
        const others = usedBy[i] ?? []
        const words = `${colourNames[i] ?? `Colour ${i + 1}`}${others.length > 0 ? ` (used by ${others.join(', ')})` : ''}`
        return (
          <label key={i} className="colour-picker__choice" title={words}>
            <input
              type="radio"
              name={name}
              className="visually-hidden"
              checked={value === i}
              onChange={() => onChange(i)}
              aria-label={words}
            />
            <span
              className={`colour-picker__swatch${others.length > 0 ? ' colour-picker__swatch--used' : ''}`}
              style={{ background: seriesColour(palette, i) }}
            />
          </label>
        )
      })}
    </fieldset>
  )
}
