/**
 * Preparation: the pipeline steps that turn a profiled table into a model-ready matrix, their replay and inversion,
 * suggestions from a profile, PCA, and RFM customer features from transactions.
 */
export { applyStep, type StepResult } from './applyStep'
export { applyPipeline, type PipelineResult } from './applyPipeline'
export { toOriginalUnits } from './invert'
export { withReadableColumns } from './readableColumns'
export { toMatrix, type MatrixWithColumns } from './toMatrix'
export { suggestSteps, type SuggestOptions, DROP_MISSING_SHARE, ONE_HOT_MAX_VALUES } from './suggestSteps'
export {
  fitPca,
  pcaTransform,
  pcaInverse,
  columnSumsKernel,
  centredScatterKernel,
  scoresKernel,
  type PcaModel,
  type PcaOptions,
} from './pca'
export { symmetricEigen, type Eigen } from './symmetricEigen'
export { yeoJohnson, yeoJohnsonInverse, boxCox, boxCoxInverse, fitYeoJohnson, fitBoxCox } from './powerTransform'
export { brentMinimize } from './brent'
export { MAX_ONE_HOT_CATEGORIES } from './encode'
export * from './rfm'
