/**
 * Article relevance: how much an article reads like world and Middle East news rather than sport,
 * economy, culture or technology, from the words it uses. A linear model over the article's word
 * stems, trained on the sections of the multi-source corpus (a free, weak label: a section says
 * what kind of news an article is). The candidate judge reads it as a feature, so a "هجوم" in a
 * match report weighs differently from one in a war report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../core/document.js';
import { repositoryPacksDir } from '../knowledge/pack.js';
import { readModelFile, sigmoid, type LinearModelFile } from '../learn/index.js';

export const RELEVANCE_FEATURE_VERSION = 'article-words/1';
export const RELEVANCE_MODEL_FILE = 'article-relevance.json.gz';

/** The feature name of a word stem. */
const WORD_FEATURE = 'w=';

/** The article's distinct word stems (three letters or more), as features. */
export function articleWords(doc: Pick<Doc, 'tokens'>): string[] {
  return [...articleStems(doc)].map((stem) => `${WORD_FEATURE}${stem}`);
}

/** The article's distinct word stems of three letters or more, in text order. */
function articleStems(doc: Pick<Doc, 'tokens'>): Set<string> {
  const stems = new Set<string>();
  for (const t of doc.tokens) if (t.kind === 'word' && t.stem.length > 2) stems.add(t.stem);
  return stems;
}

export interface RelevanceModel {
  /** The probability that the article is world or Middle East news. */
  score(doc: Pick<Doc, 'tokens'>): number;
}

/**
 * The scorer of a relevance model file. Its weights are looked up by stem straight from the file,
 * without the vocabulary and weight array a general linear model builds (a third of the model's
 * loading time, in a cold start that has a budget); the sum is the one predictProbability makes.
 */
export function relevanceOf(file: Pick<LinearModelFile, 'weights' | 'bias'>): RelevanceModel {
  const weightsByStem = new Map<string, number>();
  for (const [name, weight] of Object.entries(file.weights))
    if (name.startsWith(WORD_FEATURE)) weightsByStem.set(name.slice(WORD_FEATURE.length), weight);
  return {
    score: (doc) => {
      let s = file.bias;
      for (const stem of articleStems(doc)) {
        const weight = weightsByStem.get(stem);
        if (weight !== undefined) s += weight;
      }
      return sigmoid(s);
    },
  };
}

/** The committed model, or null when there is none. */
export function loadRelevanceModel(packsDir: string = repositoryPacksDir()): RelevanceModel | null {
  const path = join(packsDir, 'models', RELEVANCE_MODEL_FILE);
  return existsSync(path) ? relevanceOf(readModelFile(path, RELEVANCE_FEATURE_VERSION)) : null;
}
