import { useEffect, useState } from 'react'
import { darkChartPalette, lightChartPalette, type ChartPalette } from '../../../shared/charts/palette'

function currentPalette(): ChartPalette {
  const base = document.documentElement.dataset.theme === 'dark' ? darkChartPalette : lightChartPalette
  const css = getComputedStyle(document.documentElement)
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return {
    ...base,
    text: read('--text', base.text),
    muted: read('--muted', base.muted),
    border: read('--border', base.border),
    accent: read('--accent', base.accent),
    warn: read('--warn', base.warn),
    surface: read('--surface', base.surface),
    font: read('--font', base.font),
  }
}

/** The chart colours and font of the current theme, from its CSS variables; charts redraw when the theme flips. */
export function useChartPalette(): ChartPalette {
  const [palette, setPalette] = useState(currentPalette)
  useEffect(() => {
    const observer = new MutationObserver(() => setPalette(currentPalette()))
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  }, [])
  return palette
}
