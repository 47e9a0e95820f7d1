import { randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_COOKIE = 'segmentlab_token'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response timing. */
export function tokenMatches(expected: string, candidate: string | null | undefined): boolean {
  if (!candidate) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(candidate)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function tokenFromCookie(header: string | undefined): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === TOKEN_COOKIE) return rest.join('=')
  }
  return null
}

/** Requests that change something (uploads) carry the token in this header, not only in the cookie. */
export const TOKEN_HEADER = 'x-segmentlab-token'

/** The meta element through which index.html hands the token to the page's own code (the cookie is HttpOnly). */
export const TOKEN_META = 'segmentlab-token'
