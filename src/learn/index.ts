/** A linear classifier library: sparse features, logistic regression, grouped cross-validation, model files. */
export { buildVocabulary, encode, vocabularyOf } from './vocabulary.js';
export type { EncodedVector, FeatureVector, Vocabulary } from './vocabulary.js';
export {
  DEFAULT_TRAIN_OPTIONS,
  logOdds,
  orderSeed,
  predictProbability,
  sigmoid,
  shuffle,
  topFeatures,
  trainLogistic,
  varyOptions,
} from './logistic.js';
export type { Example, LinearModel, TrainOptions, TrainVariation } from './logistic.js';
export { chooseThreshold, prfAt, prfOf } from './metrics.js';
export type { PRF, Scored, ThresholdChoice, ThresholdRule } from './metrics.js';
export { groupedFolds } from './folds.js';
export { crossValidate, crossValidateProbabilities } from './cross-validate.js';
export type { CvItem, CvOptions, CvResult, Trainer } from './cross-validate.js';
export {
  fromModelFile,
  LINEAR_MODEL_FORMAT,
  LinearModelFileSchema,
  LinearModelMetaSchema,
  readModel,
  readModelFile,
  serializeModel,
  toModelFile,
  writeModel,
} from './model-file.js';
export type { LinearModelFile, LinearModelMeta, SavedModel } from './model-file.js';
