import { useRef, type KeyboardEvent } from 'react'
import { steps, type StepId } from './steps'

/** The journey as a vertical list; ↑/↓ (or Home/End) move between steps, as in any desktop sidebar. */
export function StepNav({ current, onSelect }: { current: StepId; onSelect: (step: StepId) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = steps.length - 1
    const target =
      event.key === 'ArrowDown'
        ? Math.min(last, index + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (target === null) return
    event.preventDefault()
    refs.current[target]?.focus()
    onSelect(steps[target].id)
  }
  return (
    <nav className="steps" aria-label="Steps">
      <ol>
        {steps.map((step, i) => (
          <li key={step.id}>
            <button
              ref={(el) => void (refs.current[i] = el)}
              type="button"
              className="steps__item"
              aria-current={step.id === current ? 'step' : undefined}
              tabIndex={step.id === current ? 0 : -1}
              onClick={() => onSelect(step.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              title={`${step.summary} (Alt+${i + 1})`}
            >
              <span className="steps__number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="steps__label">{step.label}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
