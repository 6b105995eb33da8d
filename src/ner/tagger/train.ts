/**
 * Training: averaged structured perceptrons over the features of features.ts with first-order
 * BIO transitions (optionally several on different sentence orders, with feature dropout, averaged
 * into one), plus the word lists (known entity words and phrases) learned from the training
 * sentences. Lists used as features while training are built by jackknife (each block of training
 * sentences sees lists from the other blocks), so the model learns how far to trust them on text
 * it has not seen.
 */
import { analyseWord, documentEvidence, mentionEvidence, sentenceFeatures, type FeatureLexicons } from './features.js';
import { createModel, emissionScores, type NerModel } from './model.js';
import { viterbi } from './decode.js';
import { TAGS, tagConstraints } from './tags.js';
import { bioEntities } from '../conll.js';
import { hashString, mix32, seededRandom } from './random.js';

export interface LabelledSentence {
  tokens: string[];
  tags: string[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minFeatureCount: number;
  /** Contiguous blocks used to build the jackknifed word lists. */
  jackknifeBlocks: number;
  /** Entity class → trigger words (titles before persons, مدينة before places …). */
  triggers: Record<string, readonly string[]>;
  /** See NerModel.outsidePenalty. */
  outsidePenalty: number;
  /** Names from outside the training data: words of the name → type (PERS, LOC, ORG, MISC). */
  gazetteer: ReadonlyMap<string, string>;
  /** Stem → distributional class (clusters.ts), learned beforehand from unlabeled text. */
  clusters: ReadonlyMap<string, string>;
  /** Particles, pronouns and prepositions, which end a name (normalised here). */
  functionWords?: readonly string[];
  /**
   * Share of a token's features hidden at random at each training visit (default 0): the model
   * then cannot lean on one telling feature, such as the word itself, and learns the context too.
   */
  dropout?: number;
  /** Perceptrons trained on different sentence orders and averaged (default 1). */
  orders?: number;
  /** Stored as the model's `$meta`. */
  meta: Record<string, unknown>;
  log?: (line: string) => void;
}

function triggerMap(triggers: Record<string, readonly string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [cls, words] of Object.entries(triggers)) for (const w of words) map.set(analyseWord(w).stem, cls);
  return map;
}

/** Most frequent key of a count map. */
function argmax(counts: Map<string, number>): [string, number] {
  let best = '';
  let bestCount = -1;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && k < best)) [best, bestCount] = [k, c];
  return [best, bestCount];
}

/**
 * Known words and entity phrases of some sentences. Every word seen is listed, with every entity
 * type it carries in at least a fifth of its occurrences, or else as O with a frequency bucket (a
 * word never seen is then a telling feature: unknown words in news are often names); a phrase when it is that entity in at least half the places
 * its words occur.
 */
export function learnEntityLists(
  sentences: readonly LabelledSentence[],
): Pick<FeatureLexicons, 'entityWords' | 'entityPhrases' | 'maxPhraseTokens'> {
  const wordTotal = new Map<string, number>();
  const wordTypes = new Map<string, Map<string, number>>();
  const phraseTypes = new Map<string, Map<string, number>>();
  const maxTokens = 6;
  for (const s of sentences) {
    const stems = s.tokens.map((t) => analyseWord(t).stem);
    stems.forEach((st) => wordTotal.set(st, (wordTotal.get(st) ?? 0) + 1));
    for (const e of bioEntities(s.tags)) {
      for (let i = e.start; i < e.end; i++) {
        let m = wordTypes.get(stems[i]);
        if (!m) wordTypes.set(stems[i], (m = new Map<string, number>()));
        m.set(e.type, (m.get(e.type) ?? 0) + 1);
      }
      if (e.end - e.start > maxTokens) continue;
      const key = stems.slice(e.start, e.end).join(' ');
      let m = phraseTypes.get(key);
      if (!m) phraseTypes.set(key, (m = new Map<string, number>()));
      m.set(e.type, (m.get(e.type) ?? 0) + 1);
    }
  }
  const entityWords = new Map<string, string>();
  for (const [word, total] of wordTotal) {
    const types = wordTypes.get(word);
    const kept = types
      ? [...types]
          .filter(([, c]) => c / total >= 0.2)
          .map(([t]) => t)
          .sort()
      : [];
    entityWords.set(word, kept.length > 0 ? kept.join('+') : total === 1 ? 'O1' : total < 5 ? 'O4' : 'O');
  }
  const occurrences = new Map<string, number>();
  for (const s of sentences) {
    const stems = s.tokens.map((t) => analyseWord(t).stem);
    for (let i = 0; i < stems.length; i++) {
      let key = '';
      for (let len = 1; len <= maxTokens && i + len <= stems.length; len++) {
        key = len === 1 ? stems[i] : `${key} ${stems[i + len - 1]}`;
        if (phraseTypes.has(key)) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
      }
    }
  }
  const entityPhrases = new Map<string, string>();
  let maxPhraseTokens = 0;
  for (const [key, types] of phraseTypes) {
    const [type, count] = argmax(types);
    if (count / (occurrences.get(key) ?? count) < 0.5) continue;
    entityPhrases.set(key, type);
    maxPhraseTokens = Math.max(maxPhraseTokens, key.split(' ').length);
  }
  return { entityWords, entityPhrases, maxPhraseTokens };
}

export function buildLexicons(
  sentences: readonly LabelledSentence[],
  options: Pick<TrainOptions, 'triggers' | 'clusters' | 'gazetteer' | 'functionWords'>,
): FeatureLexicons {
  const gazetteer = new Map<string, string>();
  let maxGazetteerTokens = 0;
  for (const [name, type] of options.gazetteer) {
    const stems = name
      .split(/\s+/)
      .filter((w) => w)
      .map((w) => analyseWord(w).stem);
    if (stems.length === 0) continue;
    gazetteer.set(stems.join(' '), type);
    maxGazetteerTokens = Math.max(maxGazetteerTokens, stems.length);
  }
  return {
    triggers: triggerMap(options.triggers),
    clusters: options.clusters,
    functionWords: new Set((options.functionWords ?? []).map((w) => analyseWord(w).norm)),
    gazetteer,
    maxGazetteerTokens,
    ...learnEntityLists(sentences),
  };
}

/** Trains on `sentences` and returns a model whose lists are learned from all of them. */
export function trainNerModel(sentences: readonly LabelledSentence[], options: TrainOptions): NerModel {
  const log = options.log ?? (() => {});
  const tags = TAGS;
  const n = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));

  // Feature strings of each training sentence, with jackknifed entity lists.
  const blocks = Math.max(1, options.jackknifeBlocks);
  const blockOf = (i: number) => Math.min(blocks - 1, Math.floor((i * blocks) / sentences.length));
  const featureNames = new Array<string[][]>(sentences.length);
  const evidence = documentEvidence(
    sentences.map((s) => s.tokens),
    buildLexicons([], options),
  );
  // What the other mentions around a sentence say of its words, from the gold tags (when tagging,
  // from the first pass's tags).
  const mentions = mentionEvidence(
    sentences.map((s) => s.tokens),
    sentences.map((s) => s.tags),
  );
  for (let b = 0; b < blocks; b++) {
    const others = sentences.filter((_, i) => blocks === 1 || blockOf(i) !== b);
    const lex = buildLexicons(others, options);
    sentences.forEach((s, i) => {
      if (blockOf(i) === b) featureNames[i] = sentenceFeatures(s.tokens, lex, evidence[i], mentions[i]);
    });
  }

  const counts = new Map<string, number>();
  for (const sent of featureNames) for (const tok of sent) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  for (const [f, c] of counts) if (c >= options.minFeatureCount) featureIndex.set(f, featureIndex.size);
  counts.clear();
  const nf = featureIndex.size;
  log(`features kept: ${nf}`);

  const rows: Int32Array[][] = featureNames.map((sent) =>
    sent.map((tok) => {
      const ids: number[] = [];
      for (const f of tok) {
        const id = featureIndex.get(f);
        if (id !== undefined) ids.push(id);
      }
      return Int32Array.from(ids);
    }),
  );
  featureNames.length = 0;
  const gold = sentences.map((s) =>
    Int32Array.from(s.tags, (t) => {
      const i = tagIndex.get(t);
      if (i === undefined) throw new Error(`unknown tag ${t}`);
      return i;
    }),
  );

  // Several perceptrons trained on different orders of the sentences, averaged: each alone
  // depends on its order; their mean is steadier and scores better.
  const runs = Math.max(1, options.orders ?? 1);
  // Dropout draws are keyed by the feature's name (not its row number, which depends on what came
  // first). Drawn from the stream that also shuffles the sentences, one feature more anywhere (a
  // dictionary name matching once) redrew every later draw and order, as if on another seed.
  const featureKeys = new Uint32Array(nf);
  for (const [f, id] of featureIndex) featureKeys[id] = hashString(f);
  const w = new Float64Array(nf * n);
  const trans = new Float64Array(n * n);
  const start = new Float64Array(n);
  for (let r = 0; r < runs; r++) {
    const one = trainPerceptron(
      rows,
      gold,
      featureKeys,
      options.epochs,
      options.seed + r * 1000,
      options.dropout ?? 0,
      buildLexicons([], options),
      log,
    );
    for (let k = 0; k < w.length; k++) w[k] += one.weights[k] / runs;
    for (let k = 0; k < trans.length; k++) trans[k] += one.transition[k] / runs;
    for (let k = 0; k < n; k++) start[k] += one.start[k] / runs;
  }

  return createModel({
    tags,
    featureIndex,
    weights: Float32Array.from(w),
    transition: trans,
    start,
    outsidePenalty: options.outsidePenalty,
    lexicons: buildLexicons(sentences, options),
    meta: options.meta,
  });
}

interface PerceptronWeights {
  weights: Float64Array;
  transition: Float64Array;
  start: Float64Array;
}

/**
 * The key of one visit to a token; a feature is hidden there when mix32(its key ^ this) falls below
 * the dropout threshold: a pure function of the seed, epoch, sentence, token and feature string.
 */
function visitKey(seed: number, epoch: number, sentence: number, token: number): number {
  return mix32(mix32(mix32(mix32(seed) ^ epoch) ^ sentence) ^ token);
}

/**
 * Longest stretch of a sentence decoded and updated at once. ANERcorp has a few run-on "sentences"
 * of 200–1,900 tokens without punctuation; one decoding of such a block with 1,614 of its 1,774
 * tokens wrong moved the weights of features on most tokens (kn=O, pc=) by as much in a single
 * update, and that perceptron ended with weights eight times the usual size and F1 0.70 instead
 * of 0.76. Whether it happened hung on the draws before it, so a few dictionary names could set it
 * off or spare it.
 */
const MAX_PIECE_TOKENS = 100;

/**
 * [from, to) pieces of a sentence of at most MAX_PIECE_TOKENS each where possible, cut before a
 * token whose gold tag is O (so no piece starts inside a name); a sentence that fits is one piece.
 */
export function trainingPieces(gold: Int32Array, outside: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (gold.length - from > MAX_PIECE_TOKENS) {
    let cut = from + MAX_PIECE_TOKENS;
    while (cut > from && gold[cut] !== outside) cut--;
    if (cut === from) {
      // A name longer than a piece: cut after it.
      cut = from + MAX_PIECE_TOKENS;
      while (cut < gold.length && gold[cut] !== outside) cut++;
      if (cut === gold.length) break;
    }
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, gold.length]);
  return out;
}

/**
 * One averaged structured perceptron over precomputed feature rows, sentences shuffled by `seed`;
 * the shuffles depend only on the seed and the number of sentences, the dropout only on visitKey().
 */
function trainPerceptron(
  rows: readonly Int32Array[][],
  gold: readonly Int32Array[],
  featureKeys: Uint32Array,
  epochs: number,
  seed: number,
  dropout: number,
  lexicons: FeatureLexicons,
  log: (line: string) => void,
): PerceptronWeights {
  const tags = TAGS;
  const n = tags.length;
  // Averaged perceptron with the usual lazy trick: the average is w - u / c, where u sums each
  // update times the step it happened at.
  const nf = featureKeys.length;
  const w = new Float64Array(nf * n);
  const u = new Float64Array(nf * n);
  const trans = new Float64Array(n * n);
  const transU = new Float64Array(n * n);
  const start = new Float64Array(n);
  const startU = new Float64Array(n);
  const constraints = tagConstraints(tags);
  // Only the weights matter for scoring feature rows.
  const scratch = createModel({
    tags,
    featureIndex: new Map(),
    weights: w,
    transition: trans,
    start,
    outsidePenalty: 0,
    lexicons,
    meta: {},
  });
  const outside = tags.indexOf('O');
  const pieces = gold.map((g) => trainingPieces(g, outside));
  const order = rows.map((_, i) => i);
  const random = seededRandom(seed);
  const threshold = Math.floor(dropout * 2 ** 32);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const si of order) {
      const g = gold[si];
      if (g.length === 0) continue;
      const feats =
        dropout > 0
          ? rows[si].map((r, t) => {
              const visit = visitKey(seed, epoch, si, t);
              return r.filter((f) => mix32(featureKeys[f] ^ visit) >= threshold);
            })
          : rows[si];
      for (const [from, to] of pieces[si]) {
        const len = to - from;
        // A piece after the first is decoded as following the gold tag before it: its first tag
        // is scored (and updated) by the transition from that tag instead of the sentence start.
        const row = from === 0 ? 0 : g[from - 1] * n;
        const first = from === 0 ? start : trans.subarray(row, row + n);
        const firstU = from === 0 ? startU : transU.subarray(row, row + n);
        const emission = emissionScores(scratch, from === 0 && to === g.length ? feats : feats.slice(from, to));
        const p = viterbi(emission, len, n, trans, first, constraints);
        let differs = false;
        for (let i = 0; i < len; i++) {
          const gi = g[from + i];
          if (p[i] === gi) continue;
          differs = true;
          errors++;
          for (const f of feats[from + i]) {
            w[f * n + gi] += 1;
            u[f * n + gi] += c;
            w[f * n + p[i]] -= 1;
            u[f * n + p[i]] -= c;
          }
        }
        if (differs) {
          first[g[from]] += 1;
          firstU[g[from]] += c;
          first[p[0]] -= 1;
          firstU[p[0]] -= c;
          for (let i = 1; i < len; i++) {
            const gi = g[from + i - 1] * n + g[from + i];
            const pi = p[i - 1] * n + p[i];
            if (gi === pi) continue;
            trans[gi] += 1;
            transU[gi] += c;
            trans[pi] -= 1;
            transU[pi] -= c;
          }
        }
        c++;
      }
    }
    log(`epoch ${epoch + 1}: ${errors} token errors`);
  }
  for (let k = 0; k < w.length; k++) w[k] -= u[k] / c;
  for (let k = 0; k < trans.length; k++) trans[k] -= transU[k] / c;
  for (let k = 0; k < n; k++) start[k] -= startU[k] / c;

  return { weights: w, transition: trans, start };
}
