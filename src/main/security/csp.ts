/**
 * The renderer's Content-Security-Policy: only our own bundle, no remote origins, no inline scripts, no eval.
 * `connect` adds the one extra origin a shell needs (the browser host's WebSocket on loopback).
 */
export function contentSecurityPolicy(options: { connect?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connect ?? [])].join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Directives a `<meta>` element cannot carry: browsers ignore them there (with a console warning). */
const headerOnly = new Set(['frame-ancestors', 'report-uri', 'sandbox'])

/** The policy as a `<meta http-equiv>` may state it: the same, without the header-only directives. */
export function metaContentSecurityPolicy(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !headerOnly.has(d.split(/\s+/)[0]))
    .join('; ')
}

/**
 * The page with the policy in a `<meta>` as the first element of its head, before anything it governs. A response
 * header may not reach a page loaded from disk or from a custom protocol; the meta element travels with the page.
 * Both apply where both are present, so the page gets the stricter of the two.
 */
export function withCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`
  let done = false
  const out = html.replace(/<head[^>]*>/i, (head) => {
    done = true
    return `${head}\n    ${meta}`
  })
  if (!done) throw new Error('The page has no <head> to put its Content-Security-Policy in.')
  return out
}
