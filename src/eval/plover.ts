/**
 * The PLOVER sentence measurement (eval/README.md): sentences of Arabic newswire judged by human
 * coders (openeventdata's arabic_event_gsr, in ../shared/datasets/plover-gsr) as reporting a
 * PLOVER ASSAULT (or PROTEST) event or not. Each sentence is run as a one-sentence article; it is
 * detected when one of its events has the PLOVER type. Ambiguous sentences (no clear majority of
 * coders) are left out and counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Doc } from '../core/document.js';
import { SHARED_DIR } from '../core/shared-data.js';
import { toArticle } from '../app/analyze.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { PipelineContext } from '../pipeline/stages.js';
import { MissingSharedDataError } from './harness.js';
import { prf, type PRF } from './score.js';

export const PLOVER_TYPES = ['ASSAULT', 'PROTEST'] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** The development file of each type, under ../shared. */
export const PLOVER_DATASETS: Record<PloverType, string[]> = {
  ASSAULT: ['datasets', 'plover-gsr', 'assault-dev.jsonl'],
  PROTEST: ['datasets', 'plover-gsr', 'protest-dev.jsonl'],
};

const PloverLine = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  label: z.enum(['yes', 'no', 'ambiguous']),
  /** "easy" (unanimous reject) or "difficult" (majority reject) for "no"; null otherwise. */
  difficulty: z.enum(['easy', 'difficult']).nullable(),
  event_type: z.enum(PLOVER_TYPES),
});

/** What is kept of a line: the coders' votes and spans are not used. */
export type PloverSentence = Pick<z.infer<typeof PloverLine>, 'id' | 'text' | 'label' | 'difficulty' | 'event_type'>;

/** Reads a dataset file; a bad line is an error naming the file and line. */
export function readPloverSentences(path: string): PloverSentence[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: PloverSentence[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = PloverLine.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
    const { id, text, label, difficulty, event_type } = parsed.data;
    out.push({ id, text, label, difficulty, event_type });
  });
  return out;
}

/** The dataset of a type from the shared directory, or null when it is absent. */
export function loadPloverDataset(type: PloverType, sharedDir: string = SHARED_DIR): PloverSentence[] | null {
  const path = join(sharedDir, ...PLOVER_DATASETS[type]);
  return existsSync(path) ? readPloverSentences(path) : null;
}

/** Like loadPloverDataset, but its absence is an error naming the missing file. */
export function requirePloverDataset(type: PloverType, sharedDir: string = SHARED_DIR): PloverSentence[] {
  const sentences = loadPloverDataset(type, sharedDir);
  if (sentences === null)
    throw new MissingSharedDataError(join(sharedDir, ...PLOVER_DATASETS[type]), `PLOVER ${type} sentences`);
  return sentences;
}

/** Sentence ids are `<article>-<n>`: the article, which groups sentences for cross-validation. */
export function ploverArticleId(sentenceId: string): string {
  const cut = sentenceId.lastIndexOf('-');
  return cut <= 0 ? sentenceId : sentenceId.slice(0, cut);
}

/** A sentence as the product reads an article: no title (the sentence is the body), no date. */
export function ploverArticle(sentence: PloverSentence): Article {
  return toArticle({
    title: '',
    text: sentence.text,
    published: null,
    publishedAt: null,
    publishedRaw: null,
    origin: { url: null, source: null, input: null, externalId: sentence.id },
  });
}

/** The product's analysis of each sentence, in order. */
export function analyzePloverSentences(sentences: readonly PloverSentence[], context: PipelineContext): Doc[] {
  return sentences.map((s) => runPipeline(ploverArticle(s), context));
}

/** The product detects the type in a document when one of its events has it. */
export function detectsPloverType(doc: Doc, type: PloverType): boolean {
  return doc.events.some((e) => e.plover.type === type);
}

/** A sentence's gold label and whether a system detected the type in it. */
export interface PloverOutcome {
  label: PloverSentence['label'];
  difficulty: PloverSentence['difficulty'];
  detected: boolean;
}

export interface PloverScores {
  /** Over the sentences labelled yes or no; gold = label yes. */
  overall: PRF;
  /** Sentences left out because the coders did not agree. */
  ambiguous: number;
  /**
   * Detection rates by the coders' agreement: `yes` (unanimous accept: a detected sentence is a
   * true positive), `no/difficult` (majority reject with a dissent) and `no/easy` (unanimous
   * reject): for the two "no" groups, detected sentences are false positives.
   */
  byDifficulty: { group: string; sentences: number; detected: number }[];
}

export function scorePlover(outcomes: readonly PloverOutcome[]): PloverScores {
  const scored = outcomes.filter((o) => o.label !== 'ambiguous');
  const tp = scored.filter((o) => o.detected && o.label === 'yes').length;
  const predicted = scored.filter((o) => o.detected).length;
  const gold = scored.filter((o) => o.label === 'yes').length;
  const groups = new Map<string, { sentences: number; detected: number }>();
  for (const o of scored) {
    const group = o.label === 'yes' ? 'yes' : `no/${o.difficulty ?? 'unknown'}`;
    const g = groups.get(group) ?? { sentences: 0, detected: 0 };
    g.sentences++;
    if (o.detected) g.detected++;
    groups.set(group, g);
  }
  const order = ['yes', 'no/difficult', 'no/easy'];
  const byDifficulty = [...groups.entries()]
    .sort(([a], [b]) => rank(order, a) - rank(order, b) || a.localeCompare(b))
    .map(([group, g]) => ({ group, ...g }));
  return { overall: prf(tp, predicted, gold), ambiguous: outcomes.length - scored.length, byDifficulty };
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
