export { GOLD_CORPORA, GoldFileSchema, loadGold, parseGold } from './gold.js';
export type { GoldCorpus, GoldDocument, GoldEvent, GoldFile, GoldNotEvent } from './gold.js';
export { matchEvents, overlapScore, placeDistanceKm } from './match.js';
export type { DocumentMatch, EventPair, MatchableEvent } from './match.js';
export { ACTOR_TOKEN_OVERLAP, actorMatches, actorTokens, compareActors, tokenOverlapRatio } from './actors.js';
export type { NamedActor } from './actors.js';
export { PLACE_NEAR_KM, prf, rate, scoreDocument, scoreDocuments, scorePair } from './score.js';
export type {
  DocumentInput,
  DocumentScores,
  NotEventHit,
  PairScore,
  PlaceScores,
  PredictedEvent,
  PRF,
  Rate,
  Scores,
} from './score.js';
export { evaluateGold, loadGoldArticles, MissingSharedDataError, pipelinePredictor } from './harness.js';
export type { EvalReport, EvalRun, EvaluatedDocument, GoldArticle, LoadedArticles, Predictor } from './harness.js';
