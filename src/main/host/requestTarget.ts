/**
 * What the host reads from a request's target, without ever throwing: the target is whatever bytes a client sent
 * (`http://[`, `/%c0`), and an exception on the request path would end the host, the only writer of the project.
 */

/** The request-target as a URL on our own origin, or null when it is not one (answer 400). */
export function parseRequestTarget(target: string | undefined, port: number): URL | null {
  try {
    const url = new URL(target ?? '/', 'http://127.0.0.1')
    // An absolute-form target may name any host; only the path and query matter, read against our own origin.
    return new URL(`${url.pathname}${url.search}`, `http://127.0.0.1:${port}`)
  } catch {
    return null
  }
}

/** The percent-decoded path, or null when it does not decode to text (`/%c0`). */
export function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}
