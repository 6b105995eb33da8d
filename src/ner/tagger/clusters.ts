/**
 * Distributional word classes, a cheap stand-in for Brown clusters: each frequent stem is described
 * by its left and right neighbours (PPMI-weighted counts over the most frequent stems), and that
 * vector is hashed with random hyperplanes (SimHash). Stems used in similar slots share leading
 * bits, so bit prefixes of several lengths act as coarse-to-fine classes.
 */
import { analyseWord } from './features.js';
import { seededRandom } from './random.js';

export interface ClusterOptions {
  /** Stems seen fewer times get no class. */
  minCount: number;
  /** How many of the most frequent stems serve as context. */
  contextSize: number;
  /** Hash length in bits (at most 32). */
  bits: number;
  seed: number;
}

/** Splits running text into ANERcorp-like tokens: words, numbers, and each punctuation mark. */
export function tokenizeForClusters(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** Stem → hash as a string of '0'/'1', for every stem seen at least `minCount` times. */
export function learnClusters(sentences: Iterable<readonly string[]>, options: ClusterOptions): Map<string, string> {
  const ids = new Map<string, number>();
  const freq: number[] = [];
  const corpus: Int32Array[] = [];
  for (const tokens of sentences) {
    const row = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      const stem = analyseWord(t).stem;
      let id = ids.get(stem);
      if (id === undefined) {
        id = ids.size;
        ids.set(stem, id);
        freq.push(0);
      }
      freq[id]++;
      row[i] = id;
    });
    corpus.push(row);
  }
  const byFreq = freq.map((_, i) => i).sort((a, b) => freq[b] - freq[a] || a - b);
  const contextOf = new Int32Array(freq.length).fill(-1);
  byFreq.slice(0, options.contextSize).forEach((id, rank) => (contextOf[id] = rank));
  const dims = 2 * options.contextSize;
  // Sparse co-occurrence counts: word → (context dim → count).
  const cooc = new Map<number, Map<number, number>>();
  const ctxTotal = new Float64Array(dims);
  let total = 0;
  const add = (w: number, dim: number) => {
    if (freq[w] < options.minCount) return;
    let m = cooc.get(w);
    if (!m) cooc.set(w, (m = new Map()));
    m.set(dim, (m.get(dim) ?? 0) + 1);
    ctxTotal[dim]++;
    total++;
  };
  for (const row of corpus) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0 && contextOf[row[i - 1]] >= 0) add(row[i], contextOf[row[i - 1]]);
      if (i + 1 < row.length && contextOf[row[i + 1]] >= 0) add(row[i], options.contextSize + contextOf[row[i + 1]]);
    }
  }
  const random = seededRandom(options.seed);
  const planes = new Float64Array(dims * options.bits);
  for (let k = 0; k < planes.length; k++) planes[k] = random() * 2 - 1;
  const stems = [...ids.keys()];
  const clusters = new Map<string, string>();
  const projection = new Float64Array(options.bits);
  for (const [w, m] of cooc) {
    let wTotal = 0;
    for (const c of m.values()) wTotal += c;
    projection.fill(0);
    for (const [dim, c] of m) {
      const pmi = Math.log((c * total) / (wTotal * ctxTotal[dim]));
      if (pmi <= 0) continue;
      for (let b = 0; b < options.bits; b++) projection[b] += pmi * planes[dim * options.bits + b];
    }
    let code = '';
    for (let b = 0; b < options.bits; b++) code += projection[b] > 0 ? '1' : '0';
    clusters.set(stems[w], code);
  }
  return clusters;
}
