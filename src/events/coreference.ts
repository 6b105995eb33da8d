/**
 * Mention coreference within an article, learned: after the rules have merged what they are sure
 * of (merge.ts), a logistic regression over pairs of the remaining events (coreference-features.ts)
 * says whether the later one tells the same occurrence as an earlier one (the lead and a quote, a
 * lead that sums up and the detailed paragraph, an IED inside an ambush). Each event, in the
 * order told, joins the earlier event it most likely repeats when the probability reaches the
 * model's threshold; the higher ACLED type wins. The merge is recorded on the candidates with the
 * probability and the features that weighed most. The model is trained by `npm run train`
 * (coreference-train.ts) on the development gold and ships in packs/models/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../core/document.js';
import { repositoryPacksDir } from '../knowledge/pack.js';
import { predictProbability, readModel, type SavedModel } from '../learn/index.js';
import {
  COREFERENCE_FEATURE_VERSION,
  mayCorefer,
  mentionCues,
  pairFeatures,
  type MentionCues,
  type SentenceBags,
} from './coreference-features.js';
import { loadCoreferenceWords, type CoreferenceWords } from './coreference-words.js';
import { absorb, absorbState, placesOfOneWord, toldApart, toldApartWith } from './merge.js';
import type { Mention } from './mention.js';

export const COREFERENCE_MODEL_FILE = 'mention-coreference.json';
export const COREFERENCE_RULE = 'merge.coreference-model';

export interface CoreferenceModel {
  /** The probability that the pair tells one occurrence. */
  score(features: readonly string[]): number;
  threshold: number;
  /** The features that pushed the pair's score up most, for --explain. */
  for(features: readonly string[], n: number): string[];
  words: CoreferenceWords;
}

export function coreferenceModelOf(
  saved: SavedModel,
  words: CoreferenceWords = loadCoreferenceWords(),
): CoreferenceModel {
  const vector = (features: readonly string[]) => new Map(features.map((f) => [f, 1]));
  return {
    score: (features) => predictProbability(saved.model, vector(features)),
    threshold: saved.threshold,
    for: (features, n) =>
      features
        .map((f): [string, number] => {
          const column = saved.model.vocabulary.index.get(f);
          return [f, column === undefined ? 0 : saved.model.weights[column]];
        })
        .filter(([, w]) => w > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([f]) => f),
    words,
  };
}

/** The committed model, or null when there is none (the rules alone merge). */
export function loadCoreferenceModel(packsDir: string = repositoryPacksDir()): CoreferenceModel | null {
  const path = join(packsDir, 'models', COREFERENCE_MODEL_FILE);
  return existsSync(path)
    ? coreferenceModelOf(readModel(path, COREFERENCE_FEATURE_VERSION), loadCoreferenceWords(packsDir))
    : null;
}

/** Two events of one article and the features of the pair (the earlier first). */
export interface MentionPair {
  /** Indexes of the two events (i < j). */
  i: number;
  j: number;
  a: Mention;
  b: Mention;
  features: string[];
}

/** Every pair of the events (in the order told) that may corefer, with its features: what training labels. */
export function mentionPairs(doc: Doc, events: readonly Mention[], words: CoreferenceWords): MentionPair[] {
  const bags: SentenceBags = new Map();
  const cues = events.map((m) => mentionCues(doc, m, words, bags));
  const pairs: MentionPair[] = [];
  for (let j = 1; j < events.length; j++) {
    for (let i = 0; i < j; i++) {
      if (!mayCorefer(events[i], events[j])) continue;
      pairs.push({
        i,
        j,
        a: events[i],
        b: events[j],
        features: pairFeatures(events[i], events[j], cues[i], cues[j], events.length),
      });
    }
  }
  return pairs;
}

/**
 * Events (sorted as told) after the model's merges: each joins the earlier event it most likely
 * repeats, when that probability reaches the threshold. The events are the rules' merged
 * mentions (merge.ts's copies), grown in place.
 */
export function resolveCoreference(doc: Doc, events: Mention[], model: CoreferenceModel): Mention[] {
  if (events.length < 2) return events;
  const kept: Mention[] = [];
  const keptCues: MentionCues[] = [];
  const state = absorbState();
  const bags: SentenceBags = new Map();
  for (const m of events) {
    const cues = mentionCues(doc, m, model.words, bags);
    const apart = toldApart(doc, m, model.words.separate);
    let best = -1;
    let bestScore = 0;
    let bestFeatures: string[] = [];
    kept.forEach((e, i) => {
      // The labelled pairs the model learns from cannot tell a word's listed places apart (a
      // label is a trigger's), so the model is not asked.
      if (placesOfOneWord(e, m)) return;
      if (!mayCorefer(e, m)) return;
      if (apart && !toldApartWith(doc, e, m, model.words.separate)) return;
      const features = pairFeatures(e, m, keptCues[i], cues, events.length);
      const p = model.score(features);
      if (p >= model.threshold && p > bestScore) {
        best = i;
        bestScore = p;
        bestFeatures = features;
      }
    });
    if (best < 0) {
      kept.push(m);
      keptCues.push(cues);
      continue;
    }
    absorb(
      kept[best],
      m,
      {
        byPrecedence: true,
        rule: COREFERENCE_RULE,
        why: `same occurrence, p ${bestScore.toFixed(2)} ≥ ${model.threshold.toFixed(2)} (${model.for(bestFeatures, 3).join(', ')})`,
      },
      state,
    );
  }
  return kept;
}
