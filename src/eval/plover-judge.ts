/**
 * The PLOVER sentence judge: a logistic regression per type that decides whether a sentence the
 * rules detected (an event of the type) reports one that happened. Trained and measured on the
 * PLOVER-coded sentences (plover.ts) by grouped cross-validation: the figure is that of the
 * whole system (rules, then judge) on sentences of articles the judge was never trained on.
 */
import type { Doc } from '../core/document.js';
import { JUDGE_FEATURE_VERSION, sentenceFeatures } from '../events/judge-features.js';
import { crossValidate, type CvItem, type CvOptions, type CvResult, type Trainer } from '../learn/cross-validate.js';
import { predictProbability, trainLogistic, type LinearModel, type TrainOptions } from '../learn/logistic.js';
import type { PRF } from '../learn/metrics.js';
import type { SavedModel } from '../learn/model-file.js';
import { detectsPloverType, ploverArticleId, type PloverSentence, type PloverType } from './plover.js';

export interface JudgeOptions {
  train: TrainOptions;
  cv: CvOptions;
}

const CV: CvOptions = { folds: 5, innerFolds: 4, seed: 1, rule: { kind: 'max-f1' } };

/**
 * Chosen by the mean held-out F1 over fold seeds 1–3 on a small grid (L2 0.001 to 10, step 0.05
 * to 0.3, minimum count 1 to 5, 10 or 20 epochs). A strong L2 keeps thousands of word features
 * learned from a few dozen positives in check; PROTEST, with 48, does better with fewer words.
 * Each model is averaged over five shuffled orders of its examples (orders: 5; the grid used one).
 */
export const PLOVER_JUDGE_OPTIONS: Record<PloverType, JudgeOptions> = {
  ASSAULT: {
    train: { epochs: 20, learningRate: 0.05, l2: 3, seed: 1, minCount: 2, classWeight: 'balanced', orders: 5 },
    cv: CV,
  },
  PROTEST: {
    train: { epochs: 20, learningRate: 0.1, l2: 3, seed: 1, minCount: 3, classWeight: 'balanced', orders: 5 },
    cv: CV,
  },
};

export interface JudgeItem extends CvItem {
  /** The rules found a trigger of the type in the sentence, whether or not they made an event of it. */
  proposed: boolean;
}

/**
 * What the judge decides over. 'events': the sentences where the rules made an event of the type
 * (the system measured: the pipeline's events, filtered by the judge). 'triggers': every sentence
 * with a trigger of the type, so that the judge may also keep one the rules turned down.
 */
export type JudgeCandidates = 'events' | 'triggers';

/**
 * One item per sentence the coders agreed on (ambiguous ones are left out, as in scorePlover):
 * its features, gold label, article, and whether it is a candidate.
 */
export function ploverJudgeItems(
  sentences: readonly PloverSentence[],
  docs: readonly Doc[],
  type: PloverType,
  candidates: JudgeCandidates = 'events',
): JudgeItem[] {
  const items: JudgeItem[] = [];
  sentences.forEach((s, i) => {
    if (s.label === 'ambiguous') return;
    const doc = docs[i];
    const detected = detectsPloverType(doc, type);
    const proposed = detected || doc.triggers.some((t) => t.plover.type === type);
    items.push({
      features: sentenceFeatures(doc, { start: 0, end: doc.article.text.length }, type),
      label: s.label === 'yes',
      group: ploverArticleId(s.id),
      candidate: candidates === 'events' ? detected : proposed,
      proposed,
    });
  });
  return items;
}

/**
 * The judge learns from every sentence where the rules found a trigger of the type: those they
 * turned down teach it too (in cross-validation this raised the held-out F1 of both types).
 */
function trainJudgeModel(items: readonly JudgeItem[], options: TrainOptions): LinearModel {
  return trainLogistic(
    items.filter((i) => i.proposed),
    options,
  );
}

function judgeTrainer(options: TrainOptions): Trainer<JudgeItem> {
  return (training) => {
    const model = trainJudgeModel(training, options);
    return (features) => predictProbability(model, features);
  };
}

export function crossValidateJudge(items: readonly JudgeItem[], options: JudgeOptions): CvResult {
  return crossValidate(items, judgeTrainer(options.train), options.cv);
}

export interface TrainedJudge {
  saved: SavedModel;
  cv: CvResult;
  /** The held-out figure with other fold seeds: how much it owes to one split of the articles. */
  otherSeeds: { seed: number; heldOut: PRF }[];
  items: number;
  candidates: number;
  proposed: number;
}

/** Fold seeds besides the one of record, whose figures are reported beside it. */
export const OTHER_FOLD_SEEDS = [2, 3];

/**
 * Cross-validates the judge, then trains the shipped one on every sentence the rules proposed; it
 * decides at the threshold picked on the cross-validated probabilities.
 */
export function trainPloverJudge(
  type: PloverType,
  items: readonly JudgeItem[],
  date: string,
  options: JudgeOptions = PLOVER_JUDGE_OPTIONS[type],
): TrainedJudge {
  const cv = crossValidateJudge(items, options);
  const otherSeeds = OTHER_FOLD_SEEDS.map((seed) => ({
    seed,
    heldOut: crossValidateJudge(items, { ...options, cv: { ...options.cv, seed } }).heldOut,
  }));
  const model = trainJudgeModel(items, options.train);
  const figure = (m: PRF) => ({ precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) });
  const candidates = items.filter((i) => i.candidate).length;
  const proposed = items.filter((i) => i.proposed).length;
  const sentences = `${items.length} sentences (${items.filter((i) => i.label).length} yes)`;
  return {
    saved: {
      model,
      threshold: cv.pooled.threshold,
      meta: {
        description: `PLOVER ${type} sentence judge: a logistic regression over the features of src/events/judge-features.ts that decides whether a sentence in which the rules found a ${type} trigger reports an event of the type that happened (not threatened, denied, remembered or only a topic). Probability at or above the threshold: the sentence reports one.`,
        version: '1',
        provenance: `Trained by scripts/train.ts (npm run train) with src/learn/ on the labelled sentences of ../shared/datasets/plover-gsr/${type.toLowerCase()}-dev.jsonl: ${sentences}, a trigger of the type in ${proposed} (the training examples), ${candidates} it decides over; ambiguous sentences left out. Options: ${JSON.stringify(options.train)}.`,
        licence:
          'Weights: MIT, as Marsad. Trained on Arabic Gigaword newswire sentences as judged in openeventdata/arabic_event_gsr; no sentence is stored, but feature names include normalised words and word pairs seen in at least `minCount` training sentences. See packs/models/PLOVER-MODEL-LICENSE.md.',
        training_data: `openeventdata/arabic_event_gsr ${type} event-detection judgments (Arabic Gigaword sentences), development half as in ../shared/datasets/plover-gsr`,
        date,
        feature_version: JUDGE_FEATURE_VERSION,
        cross_validation: {
          method: `${options.cv.folds}-fold cross-validation grouped by article (seed ${options.cv.seed}); each test fold decided at a threshold chosen by an inner ${options.cv.innerFolds}-fold CV of its training folds (${options.cv.rule.kind}); a sentence is detected when the rules find a ${type} trigger in it and the judge keeps it; gold = unanimous yes`,
          figures: figure(cv.heldOut),
          rules_alone: figure(cv.rulesOnly),
          at_shipped_threshold: figure(cv.pooled.prf),
          other_fold_seeds: otherSeeds.map((o) => ({ seed: o.seed, ...figure(o.heldOut) })),
        },
      },
    },
    cv,
    otherSeeds,
    items: items.length,
    candidates,
    proposed,
  };
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
