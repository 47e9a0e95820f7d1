import { useCallback, useEffect, useRef } from 'react'

/**
 * For lists kept current by events: returns a function to call with each fresh list's ids, which tells `onAppeared`
 * the ids that were not in the previous list of the same scope (an import or a run finishing), so a screen can show
 * what the user just made. The first list of a scope only sets what is known: all of it was there already.
 */
export function useAppeared(
  onAppeared?: (ids: number[]) => void,
): (scope: number | null, ids: readonly number[]) => void {
  const known = useRef<{ scope: number | null; ids: Set<number> } | null>(null)
  const latest = useRef(onAppeared)
  useEffect(() => {
    latest.current = onAppeared
  })
  return useCallback((scope, ids) => {
    const before = known.current?.scope === scope ? known.current.ids : null
    known.current = { scope, ids: new Set(ids) }
    if (!before) return
    const fresh = ids.filter((id) => !before.has(id))
    if (fresh.length > 0) latest.current?.(fresh)
  }, [])
}
