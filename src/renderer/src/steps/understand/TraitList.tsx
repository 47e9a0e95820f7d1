import type { Trait } from '../../../../shared/domain/understand'
import { formatCount } from '../../ui/format'

/** Index bars run from 0 to this at least (twice the average), further when a trait goes beyond it. */
const MIN_SCALE = 200
/** Beyond this the bar stops growing and says so: a 40× trait would flatten all the others. */
const MAX_SCALE = 500

/**
 * The traits that set a segment apart, strongest first, each in words with a small bar of its index (100 = the
 * average customer) where the index means something (original units, an average above 0).
 */
export function TraitList({ traits }: { traits: readonly Trait[] }) {
  if (traits.length === 0)
    return <p className="muted small">Nothing sets this segment clearly apart from the others.</p>
  const indices = traits.map((t) => (t.ratio === null ? null : t.ratio * 100))
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, ...indices.map((i) => i ?? 0)))
  return (
    <ul className="traits">
      {traits.map((trait, i) => {
        const index = indices[i]
        return (
          <li key={trait.feature} className="trait">
            <span className="trait__words">{trait.words}</span>
            {index === null ? (
              <span className="trait__index muted">index n/a</span>
            ) : (
              <>
                <span className="index-bar" aria-hidden="true">
                  <span
                    className={`index-bar__fill${index >= 100 ? '' : ' index-bar__fill--below'}${index > scale ? ' index-bar__fill--beyond' : ''}`}
                    style={{ width: `${(Math.min(index, scale) / scale) * 100}%` }}
                  />
                  <span className="index-bar__average" style={{ left: `${(100 / scale) * 100}%` }} />
                </span>
                <span className="trait__index" title="Index: 100 is the average customer">
                  {formatCount(index)}
                  <span className="visually-hidden"> (index; 100 is the average customer)</span>
                </span>
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}
