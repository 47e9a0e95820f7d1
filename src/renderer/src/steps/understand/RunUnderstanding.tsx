import { useMemo } from 'react'
import type { ClusterRun } from '../../../../shared/domain/cluster'
import { seriesColour } from '../../../../shared/charts/palette'
import { useChartPalette } from '../../charts/useChartPalette'
import { ErrorNote } from '../../ui/ErrorNote'
import { InfoNote } from '../../ui/InfoNote'
import { JobProgress } from '../../ui/JobProgress'
import { NoteList } from '../../ui/NoteList'
import { segmentLabels } from '../segment/segmentLabels'
import { BorderlineSection } from './BorderlineSection'
import { FeatureCharts } from './FeatureCharts'
import { Overview } from './Overview'
import { RfmSection } from './RfmSection'
import { RulesSection } from './RulesSection'
import { SegmentCard } from './SegmentCard'
import { SeparationSection } from './SeparationSection'
import { SegmentExports } from '../report/SegmentExports'
import { useRunProfile } from './useRunProfile'
import { useSegmentNaming } from './naming'

/**
 * One run understood: the overview charts, a card per segment, then the evidence (what separates the segments, rules,
 * borderline customers, RFM, feature by feature). The profile is computed on first visit, in a job.
 */
export function RunUnderstanding({ run, onRun }: { run: ClusterRun; onRun: (run: ClusterRun) => void }) {
  const { profile, job, error, cancelled, compute } = useRunProfile(run.id)
  const palette = useChartPalette()
  const labels = segmentLabels(run)
  const naming = useSegmentNaming(run)
  const names = useMemo(() => naming.map((l) => l.name), [naming])
  const colours = useMemo(() => naming.map((l) => seriesColour(palette, l.colour)), [naming, palette])

  if (profile === undefined) {
    return (
      <>
        <JobProgress job={job} label="Describing the segments" />
        {(!job || job.status === 'succeeded') && <p className="muted">Loading the segments’ profiles…</p>}
      </>
    )
  }
  if (profile === null) {
    return (
      <div className="understand__retry">
        <div>
          <ErrorNote message={error} />
          <InfoNote
            message={cancelled ? 'Cancelled: the segments have not been described. Nothing was changed.' : null}
          />
        </div>
        <button type="button" className="button button--primary" onClick={compute}>
          {error ? 'Try again' : 'Describe the segments'}
        </button>
      </div>
    )
  }

  const rules = profile.rules
  const sections = [
    { id: 'understand-overview', title: 'Overview' },
    { id: 'understand-segments', title: 'The segments' },
    { id: 'understand-separation', title: 'What separates them' },
    rules && { id: 'understand-rules', title: 'Rules' },
    (profile.silhouette || profile.borderline.length > 0) && { id: 'understand-borderline', title: 'Borderline' },
    profile.rfm && { id: 'understand-rfm', title: 'RFM × clusters' },
    { id: 'understand-features', title: 'Feature by feature' },
  ].filter((s): s is { id: string; title: string } => Boolean(s))

  return (
    <>
      <nav aria-label="On this page">
        <ul className="understand__toc">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <NoteList notes={profile.notes} className="run__notes" />
      <Overview profile={profile} naming={naming} palette={palette} />

      <section id="understand-segments" aria-labelledby="understand-segments-title" className="understand__section">
        <h2 id="understand-segments-title">The segments</h2>
        <p className="muted understand__intro">
          Each name is suggested from the segment’s strongest traits. Rename a segment to the words your team uses; the
          new name appears on every chart, table and export.
        </p>
        <div className="segment-cards">
          {profile.segments.map((segment) => (
            <SegmentCard
              key={segment.segment}
              runId={run.id}
              label={labels[segment.segment]}
              profile={segment}
              colour={colours[segment.segment]}
              palette={palette}
              monetaryFeature={profile.monetaryFeature}
              rules={rules?.rules.filter((r) => r.segment === segment.segment) ?? []}
              recall={rules?.recallBySegment[segment.segment] ?? null}
              coloursUsedBy={palette.series.map((_, c) =>
                labels.filter((l) => l.colour === c && l.segment !== segment.segment).map((l) => l.name),
              )}
              onRun={onRun}
            />
          ))}
        </div>
        <SegmentExports runId={run.id} />
      </section>

      <SeparationSection profile={profile} names={names} colours={colours} clustered={run.features} />
      {rules && <RulesSection rules={rules} names={names} colours={colours} />}
      <BorderlineSection naming={naming} profile={profile} palette={palette} names={names} colours={colours} />
      {profile.rfm && <RfmSection rfm={profile.rfm} naming={naming} palette={palette} />}
      <FeatureCharts profile={profile} naming={naming} palette={palette} />
    </>
  )
}
