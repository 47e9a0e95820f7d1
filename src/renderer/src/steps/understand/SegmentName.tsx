import { SegmentSwatch } from '../segment/segmentLabels'

/** A segment named in a table or a sentence: its colour square, then its name. */
export function SegmentName({ name, colour }: { name: string; colour: string }) {
  return (
    <span className="segment-name">
      <SegmentSwatch colour={colour} />
      {name}
    </span>
  )
}
