/**
 * Sparse features named by strings ("w:هجوم", "trigger:airstrike") and the vocabulary that gives
 * each a column. The vocabulary is built from training data only, keeping features seen in at
 * least `minCount` examples: a feature seen once is noise that a linear model would memorise.
 */

/** Feature name → value (1 for a binary feature). */
export type FeatureVector = ReadonlyMap<string, number>;

export interface Vocabulary {
  /** Feature names in column order (sorted, so that the order never depends on the data's). */
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** A feature vector in vocabulary columns; features outside the vocabulary are dropped. */
export interface EncodedVector {
  columns: Int32Array;
  values: Float64Array;
}

export function vocabularyOf(names: Iterable<string>): Vocabulary {
  const sorted = [...new Set(names)].sort();
  return { names: sorted, index: new Map(sorted.map((name, i) => [name, i])) };
}

/** The features present (non-zero) in at least `minCount` of the vectors. */
export function buildVocabulary(vectors: Iterable<FeatureVector>, minCount = 1): Vocabulary {
  const counts = new Map<string, number>();
  for (const v of vectors) {
    for (const [name, value] of v) if (value !== 0) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return vocabularyOf([...counts].filter(([, n]) => n >= minCount).map(([name]) => name));
}

export function encode(vocabulary: Vocabulary, vector: FeatureVector): EncodedVector {
  const columns: number[] = [];
  const values: number[] = [];
  for (const [name, value] of vector) {
    const column = vocabulary.index.get(name);
    if (column === undefined || value === 0) continue;
    columns.push(column);
    values.push(value);
  }
  return { columns: Int32Array.from(columns), values: Float64Array.from(values) };
}
