import { useCallback, useRef } from 'react'
import type { ReportPreview as Preview } from '../../../../shared/domain/report'

/**
 * The report as it will print, in a frame that can run nothing: `sandbox` without allow-scripts (and the report's own
 * policy forbids scripts too). allow-same-origin only lets this page apply the report's stylesheet as CSSOM: a srcdoc
 * frame inherits the renderer's policy (style-src 'self'), which refuses the report's inline styles, so main sends
 * them apart (report/previewHtml.ts) and they are adopted here — no policy is loosened.
 */
export function ReportPreview({ preview, title }: { preview: Preview; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null)
  // A new preview reloads the frame: keep the reader where they were.
  const scrolled = useRef(0)
  const applyStyles = useCallback(() => {
    const doc = frame.current?.contentDocument
    const win = frame.current?.contentWindow as (Window & typeof globalThis) | null | undefined
    if (!doc || !win) return
    const sheet = new win.CSSStyleSheet()
    sheet.replaceSync(preview.css)
    doc.adoptedStyleSheets = [sheet]
    win.scrollTo(0, scrolled.current)
    win.addEventListener('scroll', () => (scrolled.current = win.scrollY), { passive: true })
  }, [preview.css])
  return (
    <iframe
      ref={frame}
      className="report-preview__frame"
      title={title}
      sandbox="allow-same-origin"
      srcDoc={preview.html}
      onLoad={applyStyles}
    />
  )
}
