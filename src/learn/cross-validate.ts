/**
 * Grouped k-fold cross-validation of a binary classifier that decides over candidates.
 *
 * Items are everything gold knows about (every labelled sentence); the rules propose some of them
 * as candidates. A model is trained on the training folds and scores the candidates of the test
 * fold; an item that is no candidate is never predicted positive, yet a positive one counts as
 * missed, so the figures are those of the whole system (rules, then model).
 *
 * The threshold a test fold is decided at is chosen by an inner cross-validation on the training
 * folds alone (or fixed in advance by a cost rule), so the reported figure rests on nothing tuned
 * on the test sentences. The
 * threshold chosen on all the out-of-fold probabilities is reported too: it is the one a model
 * trained on everything ships with, and its figure is slightly optimistic.
 */
import type { FeatureVector } from './vocabulary.js';
import type { Example } from './logistic.js';
import { groupedFolds } from './folds.js';
import { chooseThreshold, prfOf, type PRF, type ThresholdChoice, type ThresholdRule } from './metrics.js';

export interface CvItem extends Example {
  /** Items of one group (an article) never sit in both the training and the test folds. */
  group: string;
  /** Proposed by the rules: only candidates are scored by the model. */
  candidate: boolean;
}

/** Trains on items and returns the scorer of the trained model (a probability). */
export type Trainer<T extends CvItem = CvItem> = (training: readonly T[]) => (features: FeatureVector) => number;

export interface CvOptions {
  folds: number;
  /** Folds of the inner cross-validation that picks each test fold's threshold (unused by a cost rule). */
  innerFolds?: number;
  seed: number;
  rule: ThresholdRule;
}

export interface CvResult {
  /** The fold of each item. */
  fold: number[];
  /** Each candidate's probability from the model that never saw its fold; null for the others. */
  probability: (number | null)[];
  /** The threshold each test fold was decided at (chosen on its training folds). */
  thresholds: number[];
  /** Whether each item was predicted positive, at its fold's threshold. */
  decided: boolean[];
  /** The system's figure: every fold decided at a threshold it had no part in choosing. */
  heldOut: PRF;
  /** The threshold chosen on all out-of-fold probabilities, and its (optimistic) figure. */
  pooled: ThresholdChoice;
  /** The rules alone: every candidate predicted positive. */
  rulesOnly: PRF;
}

export function crossValidate<T extends CvItem>(items: readonly T[], train: Trainer<T>, options: CvOptions): CvResult {
  const fold = groupedFolds(
    items.map((i) => i.group),
    items.map((i) => i.label),
    options.folds,
    options.seed,
  );
  const probability = new Array<number | null>(items.length).fill(null);
  const thresholds: number[] = [];
  for (let f = 0; f < options.folds; f++) {
    const training = items.filter((_, i) => fold[i] !== f);
    thresholds.push(innerThreshold(training, train, options));
    const scorer = train(training);
    items.forEach((item, i) => {
      if (fold[i] === f && item.candidate) probability[i] = scorer(item.features);
    });
  }
  const decided = probability.map((p, i) => p !== null && p >= thresholds[fold[i]]);
  const scored = items.map((item, i) => ({ probability: probability[i], label: item.label }));
  return {
    fold,
    probability,
    thresholds,
    decided,
    heldOut: countDecisions(items, decided),
    pooled: chooseThreshold(scored, options.rule),
    rulesOnly: countDecisions(
      items,
      items.map((i) => i.candidate),
    ),
  };
}

/** The threshold the rule picks on out-of-fold probabilities of an inner split of `training`. */
function innerThreshold<T extends CvItem>(training: readonly T[], train: Trainer<T>, options: CvOptions): number {
  // A threshold from costs reads nothing off the data: no inner models to train.
  if (options.rule.kind === 'cost') return chooseThreshold([], options.rule).threshold;
  if (options.innerFolds === undefined) throw new RangeError(`the ${options.rule.kind} rule needs innerFolds`);
  const inner = crossValidateProbabilities(training, train, options.innerFolds, options.seed + 1);
  return chooseThreshold(
    training.map((item, i) => ({ probability: inner[i], label: item.label })),
    options.rule,
  ).threshold;
}

/** Each candidate's probability from a model trained on the other folds (grouped by `group`). */
export function crossValidateProbabilities<T extends CvItem>(
  items: readonly T[],
  train: Trainer<T>,
  folds: number,
  seed: number,
): (number | null)[] {
  const fold = groupedFolds(
    items.map((i) => i.group),
    items.map((i) => i.label),
    folds,
    seed,
  );
  const probability = new Array<number | null>(items.length).fill(null);
  for (let f = 0; f < folds; f++) {
    const scorer = train(items.filter((_, i) => fold[i] !== f));
    items.forEach((item, i) => {
      if (fold[i] === f && item.candidate) probability[i] = scorer(item.features);
    });
  }
  return probability;
}

function countDecisions(items: readonly CvItem[], decided: readonly boolean[]): PRF {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  items.forEach((item, i) => {
    if (item.label) gold++;
    if (decided[i]) predicted++;
    if (decided[i] && item.label) tp++;
  });
  return prfOf(tp, predicted, gold);
}
