/**
 * Distributional word classes, a cheap stand-in for Brown clusters: each frequent stem is described
 * by its left and right neighbours (PPMI-weighted counts over the most frequent stems), projected
 * to a short dense vector with random signs, and grouped by spherical k-means; the fine classes'
 * centres are grouped again into coarse classes. Stems used in the same slots (names of cities,
 * first names, months) tend to share a class, which helps with names never seen in training.
 */
import { analyseWord } from './features.js';
import { seededRandom } from './random.js';

export interface ClusterOptions {
  /** Stems seen fewer times get no class. */
  minCount: number;
  /** How many of the most frequent stems serve as context. */
  contextSize: number;
  /** Length of the projected vectors. */
  dims: number;
  /** Number of fine and of coarse classes. */
  fine: number;
  coarse: number;
  /** k-means rounds. */
  rounds: number;
  seed: number;
}

/** Splits running text into ANERcorp-like tokens: words, numbers, and each punctuation mark. */
export function tokenizeForClusters(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** Stem → `coarse.fine` class ids, for every stem seen at least `minCount` times. */
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
    if (!m) cooc.set(w, (m = new Map<number, number>()));
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
  const d = options.dims;
  const signs = new Float32Array(dims * d);
  for (let k = 0; k < signs.length; k++) signs[k] = random() < 0.5 ? -1 : 1;
  const stems = [...ids.keys()];
  const words: number[] = [];
  const vectors: number[] = [];
  for (const [w, m] of cooc) {
    let wTotal = 0;
    for (const c of m.values()) wTotal += c;
    const v = new Float64Array(d);
    for (const [dim, c] of m) {
      const pmi = Math.log((c * total) / (wTotal * ctxTotal[dim]));
      if (pmi <= 0) continue;
      for (let b = 0; b < d; b++) v[b] += pmi * signs[dim * d + b];
    }
    const norm = Math.hypot(...v);
    if (norm === 0) continue;
    words.push(w);
    for (let b = 0; b < d; b++) vectors.push(v[b] / norm);
  }
  const points = Float32Array.from(vectors);
  const fine = sphericalKMeans(points, d, options.fine, options.rounds, random);
  const coarse = sphericalKMeans(fine.centres, d, options.coarse, options.rounds, random);
  const clusters = new Map<string, string>();
  words.forEach((w, i) => clusters.set(stems[w], `${coarse.assignment[fine.assignment[i]]}.${fine.assignment[i]}`));
  return clusters;
}

/** k-means on unit vectors by cosine similarity; starts from k distinct random points. */
function sphericalKMeans(
  points: Float32Array,
  d: number,
  k: number,
  rounds: number,
  random: () => number,
): { assignment: Int32Array; centres: Float32Array } {
  const count = points.length / d;
  const kk = Math.min(k, count);
  const centres = new Float32Array(kk * d);
  const picked = new Set<number>();
  while (picked.size < kk) picked.add(Math.floor(random() * count));
  [...picked].forEach((p, c) => centres.set(points.subarray(p * d, p * d + d), c * d));
  const assignment = new Int32Array(count);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < count; i++) {
      let best = -Infinity;
      let arg = 0;
      const off = i * d;
      for (let c = 0; c < kk; c++) {
        let dot = 0;
        const coff = c * d;
        for (let b = 0; b < d; b++) dot += points[off + b] * centres[coff + b];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assignment[i] = arg;
    }
    const sums = new Float64Array(kk * d);
    for (let i = 0; i < count; i++) for (let b = 0; b < d; b++) sums[assignment[i] * d + b] += points[i * d + b];
    for (let c = 0; c < kk; c++) {
      let norm = 0;
      for (let b = 0; b < d; b++) norm += sums[c * d + b] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) continue; // an empty class keeps its old centre
      for (let b = 0; b < d; b++) centres[c * d + b] = sums[c * d + b] / norm;
    }
  }
  return { assignment, centres };
}
