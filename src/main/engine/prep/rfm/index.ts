/** RFM: recency, frequency and monetary value per customer, quintile scores, segment names and summaries. */
export { computeRfm, DAY_MS, type Transactions, type RfmOptions, type RfmResult, type RfmReport } from './computeRfm'
export { quintileScores, qcut, firstRanks, QUINTILE_PROBABILITIES, type QuintileScores } from './quintiles'
export { segmentOf, RF_SEGMENT_MAP } from './segments'
export { rfmToFrame } from './rfmFrame'
export { summariseSegments, describeRfmReport, type SegmentSummary } from './describeRfm'
