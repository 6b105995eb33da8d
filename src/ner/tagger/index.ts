/** Statistical Arabic NER: load the committed model and tag tokenised sentences with BIO tags. */
export {
  DEFAULT_MODEL_URL,
  loadNerModel,
  serializeNerModel,
  tagConll,
  tagSentences,
  tagTokens,
  type NerModel,
} from './model.js';
export { trainNerModel, type LabelledSentence, type TrainOptions } from './train.js';
export { TAGS, ENTITY_TYPES } from './tags.js';
