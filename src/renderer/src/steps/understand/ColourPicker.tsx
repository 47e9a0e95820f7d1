import { useId } from 'react'
import { seriesColour, type ChartPalette } from '../../../../shared/charts/palette'

/** The palette's series colours by name (light and dark themes keep the hues, so the names hold in both). */
const colourNames = ['Blue', 'Vermilion', 'Green', 'Pink', 'Orange', 'Sky blue', 'Brown', 'Purple']

/**
 * A segment's colour, one of the chart palette's series colours, as a row of swatches. They are native radios, so Tab
 * reaches the group once and the arrow keys move between colours, as in any radio group; each colour has a name.
 */
export function ColourPicker({
  segmentName,
  value,
  palette,
  disabled,
  onChange,
}: {
  segmentName: string
  value: number
  palette: ChartPalette
  disabled?: boolean
  onChange: (colour: number) => void
}) {
  const name = useId()
  return (
    <fieldset className="colour-picker" disabled={disabled}>
      <legend className="visually-hidden">Colour of {segmentName}</legend>
      {palette.series.map((_, i) => (
        <label key={i} className="colour-picker__choice" title={colourNames[i] ?? `Colour ${i + 1}`}>
          <input
            type="radio"
            name={name}
            className="visually-hidden"
            checked={value === i}
            onChange={() => onChange(i)}
            aria-label={colourNames[i] ?? `Colour ${i + 1}`}
          />
          <span className="colour-picker__swatch" style={{ background: seriesColour(palette, i) }} />
        </label>
      ))}
    </fieldset>
  )
}
