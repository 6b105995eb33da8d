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
import { predictProbability, readModel, type SavedModel } from '../learn/index.js';

export const RELEVANCE_FEATURE_VERSION = 'article-words/1';
export const RELEVANCE_MODEL_FILE = 'article-relevance.json.gz';

/** The article's distinct word stems (three letters or more), as features. */
export function articleWords(doc: Pick<Doc, 'tokens'>): string[] {
  const words = new Set<string>();
  for (const t of doc.tokens) if (t.kind === 'word' && t.stem.length > 2) words.add(`w=${t.stem}`);
  return [...words];
}

export interface RelevanceModel {
  /** The probability that the article is world or Middle East news. */
  score(doc: Pick<Doc, 'tokens'>): number;
}

export function relevanceOf(saved: SavedModel): RelevanceModel {
  return { score: (doc) => predictProbability(saved.model, new Map(articleWords(doc).map((w) => [w, 1]))) };
}

/** The committed model, or null when there is none. */
export function loadRelevanceModel(packsDir: string = repositoryPacksDir()): RelevanceModel | null {
  const path = join(packsDir, 'models', RELEVANCE_MODEL_FILE);
  return existsSync(path) ? relevanceOf(readModel(path, RELEVANCE_FEATURE_VERSION)) : null;
}
