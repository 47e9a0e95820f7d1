import { useId } from 'react'

/** The words for a blend weight: what the mix is made of and what the ends of the slider mean. */
export function blendSentence(weight: number): string {
  const content = Math.round(weight * 100)
  if (content === 0) return 'Only what is bought together counts: the same as “Bought together”.'
  if (content === 100) return 'Only the descriptions count: the same as “Similar descriptions”.'
  return (
    `${content}% similar descriptions, ${100 - content}% bought together: each customer’s scores from both are ` +
    'scaled to their best and mixed in this proportion. More descriptions reach items few have bought yet.'
  )
}

/** The Blend's share of descriptions, 0–100% in steps of 5%. */
export function BlendSlider({ weight, onChange }: { weight: number; onChange: (weight: number) => void }) {
  const id = useId()
  const content = Math.round(weight * 100)
  return (
    <div className="field personalise__blend">
      <label htmlFor={id}>
        Blend: <strong>{content}%</strong> descriptions
      </label>
      <div className="personalise__blend-row">
        <span className="muted">Bought together</span>
        <input
          id={id}
          type="range"
          min={0}
          max={100}
          step={5}
          value={content}
          aria-describedby={`${id}-says`}
          aria-valuetext={`${content}% descriptions, ${100 - content}% bought together`}
          onChange={(e) => onChange(Number(e.target.value) / 100)}
        />
        <span className="muted">Similar descriptions</span>
      </div>
      <p id={`${id}-says`} className="help" aria-live="polite">
        {blendSentence(weight)}
      </p>
    </div>
  )
}
