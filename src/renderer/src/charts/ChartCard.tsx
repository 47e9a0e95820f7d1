/**
 * A chart in a card: its title and one-line caption, the chart, and "PNG" / "SVG" buttons that save it under a file
 * name made from the title. Give it the spec a builder in src/shared/charts returns and a sentence for screen readers:
 *
 *   const palette = useChartPalette()
 *   const spec = useMemo(() => segmentMap(profile.map, labels, palette), [profile.map, labels, palette])
 *   <ChartCard spec={spec} label={`Map of ${n} customers in ${k} segments.`} />
 *
 * Builders throw on malformed data, and they run in the caller (in useMemo), so wrap the component that builds the
 * spec in a <ChartBoundary>, not only the card. `height` overrides the spec's; `actions` go beside the export buttons
 * (a feature picker for the box plots); `children` go under the chart (notes, a table).
 */
import { useId, useRef, useState, type ReactNode } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import type { ChartSpec } from '../../../shared/charts/chartSpec'
import { EChart } from './EChart'
import { chartFileName, chartPng, chartSvg, saveFile } from './exportChart'
import { useChartPalette } from './useChartPalette'

export interface ChartCardProps {
  readonly spec: ChartSpec<EChartsCoreOption>
  /** What a screen reader announces instead of the drawing: the chart's message in words. */
  readonly label: string
  /** Height of the chart in CSS pixels; the spec's height by default. */
  readonly height?: number
  readonly actions?: ReactNode
  readonly children?: ReactNode
  readonly className?: string
}

export function ChartCard({ spec, label, height, actions, children, className }: ChartCardProps) {
  const palette = useChartPalette()
  const titleId = useId()
  const plot = useRef<HTMLDivElement>(null)
  const [error, setError] = useState<string | null>(null)
  const chartHeight = height ?? spec.height

  const save = (format: 'png' | 'svg') => {
    setError(null)
    try {
      // The file has the size the chart has on screen, so it looks like what the user chose to save.
      const size = { width: Math.max(320, plot.current?.clientWidth ?? 640), height: chartHeight }
      const blob = (format === 'png' ? chartPng : chartSvg)(spec.option, size, palette.surface)
      saveFile(blob, chartFileName(spec.title, format))
    } catch (e) {
      setError(`The chart could not be saved as ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  return (
    <figure className={`card chart-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <figcaption className="chart-card__head">
        <h3 id={titleId}>{spec.title}</h3>
        <p className="help">{spec.caption}</p>
      </figcaption>
      <div className="toolbar chart-card__actions">
        {actions}
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={`Export ${spec.title} as PNG`}
          onClick={() => save('png')}
        >
          PNG
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={`Export ${spec.title} as SVG`}
          onClick={() => save('svg')}
        >
          SVG
        </button>
      </div>
      {error && (
        <p className="note note--error small" role="alert">
          {error}
        </p>
      )}
      <div ref={plot}>
        <EChart option={spec.option} label={label} height={chartHeight} />
      </div>
      {children}
    </figure>
  )
}
