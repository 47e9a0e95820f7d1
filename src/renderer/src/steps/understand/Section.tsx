import type { ReactNode } from 'react'

/** One part of the Understand screen: a panel with a heading (its landmark name and its anchor) and a line of intro. */
export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string
  title: string
  intro?: ReactNode
  children: ReactNode
}) {
  return (
    <section className="panel understand__section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p className="muted understand__intro">{intro}</p>}
      {children}
    </section>
  )
}
