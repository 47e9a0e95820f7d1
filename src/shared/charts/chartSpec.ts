/**
 * What every Understand builder returns: the option and the words that go with it, so the screen, the exported image
 * and the printed report cannot disagree about what a chart is called or what it shows.
 */
export interface ChartSpec<O> {
  /** A few words: "Segment map". */
  readonly title: string
  /** One sentence saying what the chart shows and how to read it, for a marketer. */
  readonly caption: string
  readonly option: O
  /** A height in CSS pixels at which the chart reads well at 600–900 pixels wide (it grows with rows or panels). */
  readonly height: number
}
