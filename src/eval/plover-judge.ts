/**
 * The PLOVER sentence judge: a logistic regression per type that decides whether a sentence the
 * rules detected (an event of the type) reports one that happened. Trained and measured on the
 * PLOVER-coded sentences (plover.ts) by grouped cross-validation: the figure is that of the
 * whole system (rules, then judge) on sentences of articles the judge was never trained on.
 */
import type { Doc } from '../core/document.js';
import { JUDGE_FEATURE_VERSION, sentenceFeatures } from '../events/judge-features.js';
import { crossValidate, type CvItem, type CvOptions, type CvResult, type Trainer } from '../learn/cross-validate.js';
import { predictProbability, trainLogistic, type TrainOptions } from '../learn/logistic.js';
import type { PRF } from '../learn/metrics.js';
import type { SavedModel } from '../learn/model-file.js';
import { detectsPloverType, ploverArticleId, type PloverSentence, type PloverType } from './plover.js';

export interface JudgeOptions {
  train: TrainOptions;
  cv: CvOptions;
}

/**
 * Chosen by the mean held-out F1 over three fold seeds on a small grid (L2 0.001 to 10, step
 * 0.05 to 0.3, minimum count 1 to 3, 10 or 20 epochs), the same for both types: a strong L2
 * keeps thousands of word features learned from a few dozen positives in check.
 */
const OPTIONS: JudgeOptions = {
  train: { epochs: 20, learningRate: 0.1, l2: 3, seed: 1, minCount: 2, classWeight: 'balanced' },
  cv: { folds: 5, innerFolds: 4, seed: 1, rule: { kind: 'max-f1' } },
};

export const PLOVER_JUDGE_OPTIONS: Record<PloverType, JudgeOptions> = { ASSAULT: OPTIONS, PROTEST: OPTIONS };

/**
 * One item per sentence the coders agreed on (ambiguous ones are left out, as in scorePlover):
 * its features, gold label, article, and whether the rules detected the type in it.
 */
export function ploverJudgeItems(
  sentences: readonly PloverSentence[],
  docs: readonly Doc[],
  type: PloverType,
): CvItem[] {
  const items: CvItem[] = [];
  sentences.forEach((s, i) => {
    if (s.label === 'ambiguous') return;
    const doc = docs[i];
    items.push({
      features: sentenceFeatures(doc, { start: 0, end: doc.article.text.length }, type),
      label: s.label === 'yes',
      group: ploverArticleId(s.id),
      candidate: detectsPloverType(doc, type),
    });
  });
  return items;
}

/** The judge learns from the sentences it will be asked about: those the rules detected. */
function judgeTrainer(options: TrainOptions): Trainer {
  return (training) => {
    const model = trainLogistic(
      training.filter((i) => i.candidate),
      options,
    );
    return (features) => predictProbability(model, features);
  };
}

export function crossValidateJudge(items: readonly CvItem[], options: JudgeOptions): CvResult {
  return crossValidate(items, judgeTrainer(options.train), options.cv);
}

export interface TrainedJudge {
  saved: SavedModel;
  cv: CvResult;
  items: number;
  candidates: number;
}

/**
 * Cross-validates the judge, then trains the shipped one on every candidate; it decides at the
 * threshold picked on the cross-validated probabilities.
 */
export function trainPloverJudge(
  type: PloverType,
  items: readonly CvItem[],
  date: string,
  options: JudgeOptions = PLOVER_JUDGE_OPTIONS[type],
): TrainedJudge {
  const cv = crossValidateJudge(items, options);
  const model = trainLogistic(
    items.filter((i) => i.candidate),
    options.train,
  );
  const figure = (m: PRF) => ({ precision: round(m.precision), recall: round(m.recall), f1: round(m.f1) });
  const candidates = items.filter((i) => i.candidate).length;
  const sentences = `${items.length} sentences (${items.filter((i) => i.label).length} yes)`;
  return {
    saved: {
      model,
      threshold: cv.pooled.threshold,
      meta: {
        description: `PLOVER ${type} sentence judge: a logistic regression over the features of src/events/judge-features.ts that decides whether a sentence in which the rules found a ${type} event reports one that happened (not threatened, denied, remembered or only a topic). Probability at or above the threshold: keep the events.`,
        version: '1',
        provenance: `Trained by scripts/train.ts (npm run train) with src/learn/ on the labelled sentences of ../shared/datasets/plover-gsr/${type.toLowerCase()}-dev.jsonl: ${sentences}, ${candidates} detected by the rules; ambiguous sentences left out. Options: ${JSON.stringify(options.train)}.`,
        licence:
          'Weights: MIT, as Marsad. Trained on Arabic Gigaword newswire sentences as judged in openeventdata/arabic_event_gsr; no sentence is stored, but feature names include normalised words and word pairs seen in at least two training sentences. See packs/models/PLOVER-MODEL-LICENSE.md.',
        training_data: `openeventdata/arabic_event_gsr ${type} event-detection judgments (Arabic Gigaword sentences), development half as in ../shared/datasets/plover-gsr`,
        date,
        feature_version: JUDGE_FEATURE_VERSION,
        cross_validation: {
          method: `${options.cv.folds}-fold cross-validation grouped by article (seed ${options.cv.seed}); each test fold decided at a threshold chosen by an inner ${options.cv.innerFolds}-fold CV of its training folds (${options.cv.rule.kind}); a sentence is detected when the rules find a ${type} event and the judge keeps it; gold = unanimous yes`,
          figures: figure(cv.heldOut),
          rules_alone: figure(cv.rulesOnly),
          at_shipped_threshold: figure(cv.pooled.prf),
        },
      },
    },
    cv,
    items: items.length,
    candidates,
  };
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
