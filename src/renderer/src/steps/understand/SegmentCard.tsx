import { useId, useState, type CSSProperties } from 'react'
import type { ChartPalette } from '../../../../shared/charts/palette'
import { ruleText } from '../../../../shared/ruleText'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import type { SegmentLabel, SegmentProfile, SegmentRule } from '../../../../shared/domain/understand'
import { ErrorNote } from '../../ui/ErrorNote'
import { countOf, formatPercent } from '../../ui/format'
import { RenameForm } from '../../ui/RenameForm'
import { silhouetteVerdict } from '../segment/explanations'
import { SegmentSwatch } from '../segment/segmentLabels'
import { ColourPicker } from './ColourPicker'
import { NoteField } from './NoteField'
import { formatSilhouette } from './silhouette'
import { TraitList } from './TraitList'
import { useSegmentUpdate } from './useSegmentUpdate'

/**
 * One segment on one card, read top-down: who they are (name, size, value), what sets them apart (traits, rules), and
 * what the user makes of it (name, colour, description, action), all saved with the run.
 */
export function SegmentCard({
  runId,
  label,
  profile,
  colour,
  palette,
  monetaryFeature,
  rules,
  recall,
  coloursUsedBy,
  onRun,
}: {
  runId: number
  label: SegmentLabel
  profile: SegmentProfile
  colour: string
  palette: ChartPalette
  monetaryFeature: string | null
  /** The explaining tree's rules that end in this segment. */
  rules: readonly SegmentRule[]
  /** Share of this segment's customers its rules describe correctly; null without rules. */
  recall: number | null
  /** Per palette colour, the names of the other segments that have it. */
  coloursUsedBy: readonly (readonly string[])[]
  onRun: (run: ClusterRun) => void
}) {
  const titleId = useId()
  const [renaming, setRenaming] = useState(false)
  const { update, resetName, busy, error, dismiss } = useSegmentUpdate(runId, label.segment, onRun)
  const renamed = !label.suggested

  return (
    <article
      className="segment-card"
      aria-labelledby={titleId}
      style={{ '--segment-colour': colour } as CSSProperties}
      data-segment={label.segment}
    >
      <header className="segment-card__head">
        <SegmentSwatch colour={colour} />
        {renaming ? (
          <RenameForm
            name={label.name}
            label={`New name for ${label.name}`}
            className="segment-card__rename"
            busy={busy}
            onSave={(name) => void update({ name }).then((ok) => ok && setRenaming(false))}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <>
            <h3 id={titleId} className="segment-card__name">
              {label.name}
            </h3>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setRenaming(true)}
              aria-label={`Rename ${label.name}`}
            >
              Rename
            </button>
          </>
        )}
      </header>
      {renaming && (
        <h3 id={titleId} className="visually-hidden">
          {label.name}
        </h3>
      )}

      <div className="segment-card__suggestion">
        {renamed ? (
          <p>
            Suggested name: <strong>{profile.suggestedName}</strong>.{' '}
            <span className="muted">{profile.nameReason}</span>{' '}
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void resetName()}
              aria-label={`Use suggested name ${profile.suggestedName} for ${label.name}`}
            >
              Use suggested name
            </button>
          </p>
        ) : (
          <p>
            <span className="badge">suggested name</span> <span className="muted">{profile.nameReason}</span>
          </p>
        )}
      </div>

      <dl className="segment-card__facts">
        <div>
          <dt>Customers</dt>
          <dd>
            {countOf(profile.size, 'customer')} <span className="muted">({formatPercent(profile.share)})</span>
          </dd>
        </div>
        {profile.valueShare !== null && (
          <div>
            <dt>Share of {monetaryFeature ?? 'value'}</dt>
            <dd>
              {formatPercent(profile.valueShare)}
              <span className="muted small"> {valueVersusSize(profile.valueShare, profile.share)}</span>
            </dd>
          </div>
        )}
        {profile.silhouette !== null && (
          <div>
            <dt>Fit</dt>
            <dd title="Mean silhouette of the segment's customers, from −1 to 1">
              {formatSilhouette(profile.silhouette)}{' '}
              <span className="muted small">{silhouetteVerdict(profile.silhouette)}</span>
            </dd>
          </div>
        )}
      </dl>

      <h4 className="segment-card__heading">What sets them apart</h4>
      <TraitList traits={profile.distinguishing} />

      {rules.length > 0 && (
        <>
          <h4 className="segment-card__heading">How to recognise them</h4>
          <ul className="segment-card__rules">
            {[...rules]
              .sort((a, b) => b.covers - a.covers)
              .slice(0, CARD_RULES)
              .map((rule, i) => (
                <li key={i}>
                  {conditionsOf(rule)}{' '}
                  <span className="muted small">
                    ({countOf(rule.covers, 'customer')}, {formatPercent(rule.correct / Math.max(1, rule.covers))} of
                    them in this segment)
                  </span>
                </li>
              ))}
          </ul>
          {recall !== null && (
            <p className="muted small segment-card__recall">
              {rules.length > CARD_RULES
                ? `These and ${countOf(rules.length - CARD_RULES, 'more rule')}`
                : 'These rules'}{' '}
              recognise {formatPercent(recall)} of this segment’s customers.
            </p>
          )}
        </>
      )}

      <NoteField
        label="Description"
        value={label.description}
        placeholder="Who these customers are, in your words"
        onSave={(description) => update({ description })}
      />
      <NoteField
        label="Suggested action"
        value={label.action}
        placeholder="What to do for them: an offer, a message, a channel"
        onSave={(action) => update({ action })}
      />
      <div className="segment-card__colour">
        <span className="muted small" aria-hidden="true">
          Colour
        </span>
        <ColourPicker
          segmentName={label.name}
          value={label.colour}
          palette={palette}
          usedBy={coloursUsedBy}
          onChange={(c) => void update({ colour: c })}
        />
      </div>
      {(coloursUsedBy[label.colour]?.length ?? 0) > 0 && (
        <p className="segment-card__clash small" role="note">
          Same colour as {coloursUsedBy[label.colour].join(' and ')}: choose another so the charts tell them apart.
        </p>
      )}
      <ErrorNote message={error} onDismiss={dismiss} />
    </article>
  )
}

/** The card shows its segment's broadest rules; the Rules section lists them all. */
const CARD_RULES = 3

/** A rule's conditions alone, in the words of ruleText: the card already says which segment they lead to. */
function conditionsOf(rule: SegmentRule): string {
  const text = ruleText(rule, () => '')
  return text.endsWith(' → ') ? text.slice(0, -3) : text
}

/** "— more than its share of customers" when value and size differ enough to matter. */
function valueVersusSize(valueShare: number, share: number): string {
  if (share <= 0) return ''
  const ratio = valueShare / share
  if (ratio >= 1.25) return 'more than its share of customers'
  if (ratio <= 0.8) return 'less than its share of customers'
  return 'about its share of customers'
}
