/**
 * Saving a chart as a file. Both formats draw an offscreen copy of the option at the on-screen size rather than
 * reading the visible chart: the screen's SVG instance cannot give a PNG (its getDataURL is always SVG), and a copy
 * is drawn at once — no progressive rendering caught half-way — on the theme's surface instead of a transparent one.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { echarts } from './echarts'

export interface ExportSize {
  readonly width: number
  readonly height: number
}

/** The option as exported: not animated, every series drawn in one pass, on an opaque background. */
export function exportOption(option: EChartsCoreOption, background: string): EChartsCoreOption {
  const series = option.series
  const whole = (s: unknown) => ({ ...(s as object), progressive: 0 })
  return {
    ...option,
    animation: false,
    backgroundColor: background,
    ...(series === undefined ? {} : { series: Array.isArray(series) ? series.map(whole) : whole(series) }),
  }
}

/** "Segment map" → "segment-map.png": lower case, accents dropped, anything else between words becomes one dash. */
export function chartFileName(title: string, extension: 'png' | 'svg'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${slug || 'chart'}.${extension}`
}

/** An SVG file of the option, rendered the way the report renders (ECharts' server-side mode works in a page too). */
export function chartSvg(option: EChartsCoreOption, size: ExportSize, background: string): Blob {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption(exportOption(option, background))
    return new Blob([chart.renderToSVGString()], { type: 'image/svg+xml' })
  } finally {
    chart.dispose()
  }
}

/** A PNG of the option at twice the on-screen resolution, drawn on a detached canvas. */
export function chartPng(option: EChartsCoreOption, size: ExportSize, background: string): Blob {
  const chart = echarts.init(document.createElement('div'), undefined, {
    renderer: 'canvas',
    width: size.width,
    height: size.height,
  })
  try {
    chart.setOption(exportOption(option, background))
    return dataUrlBlob(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }))
  } finally {
    chart.dispose()
  }
}

/** A base64 data URL as a Blob (fetch() of a data: URL would need the CSP's connect-src to allow it). */
function dataUrlBlob(url: string): Blob {
  const [head, data] = url.split(',', 2)
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
  return new Blob([bytes], { type })
}

/**
 * Hands a file to the user through a download link: Chromium saves it, Electron asks where (its default for a
 * download without a will-download handler). The object URL is released once the click has been handled.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
