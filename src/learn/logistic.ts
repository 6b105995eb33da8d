/**
 * L2-regularised logistic regression over sparse features, trained by AdaGrad on examples in an
 * order shuffled by a seeded generator: the same examples, options and seed give the same
 * weights, bit for bit.
 *
 * The L2 penalty is applied to the weights an example uses, when it uses them (the usual sparse
 * approximation): a full decay of every weight at every step would cost the vocabulary's size per
 * example, and frequent features, which carry most of the evidence, are the ones held in check.
 *
 * With `orders` above 1 the model is trained once per shuffled order of the examples (each order
 * from its own seed, derived from `seed`) and the weights and bias are averaged: where the last
 * steps of one order leave the weights is noise that the average of several orders cancels, so
 * the model owes less to its seed.
 */
import { mix32, seededRandom } from '../ner/tagger/random.js';
import { buildVocabulary, encode, type EncodedVector, type FeatureVector, type Vocabulary } from './vocabulary.js';

export interface Example {
  features: FeatureVector;
  label: boolean;
}

export interface LinearModel {
  vocabulary: Vocabulary;
  /** One weight per vocabulary column. */
  weights: Float64Array;
  bias: number;
}

export interface TrainOptions {
  epochs: number;
  /** AdaGrad's base step. */
  learningRate: number;
  /** Strength of the L2 penalty. */
  l2: number;
  seed: number;
  /** Features seen in fewer training examples are left out of the vocabulary. */
  minCount: number;
  /**
   * Weight of each class in the loss. 'balanced' weighs each class by n / (2 · its count), so a
   * rare positive class counts as much as the common negative one.
   */
  classWeight: 'balanced' | { positive: number; negative: number };
  /**
   * Shuffled orders of the examples the model is trained on, one model each, whose weights and
   * bias are averaged. The first order is the one `seed` gives alone: one order is the plain trainer.
   */
  orders: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 20,
  learningRate: 0.1,
  l2: 1e-3,
  seed: 1,
  minCount: 2,
  classWeight: 'balanced',
  orders: 1,
};

/**
 * Changes to a model's own training options, to measure how much its figures owe to them
 * (scripts/train.ts --seed-offset, --orders): the seed moved by an offset, another number of orders.
 */
export interface TrainVariation {
  seedOffset?: number;
  orders?: number;
}

export function varyOptions<T extends Partial<TrainOptions>>(options: T, variation: TrainVariation = {}): T {
  return {
    ...options,
    seed: (options.seed ?? DEFAULT_TRAIN_OPTIONS.seed) + (variation.seedOffset ?? 0),
    ...(variation.orders === undefined ? {} : { orders: variation.orders }),
  };
}

/** The seed of the k-th order: the base seed itself for the first, a hash of both for the others. */
export function orderSeed(seed: number, k: number): number {
  return k === 0 ? seed : mix32((Math.imul(mix32(seed >>> 0), 0x9e3779b1) + k) >>> 0);
}

export function trainLogistic(examples: readonly Example[], options: Partial<TrainOptions> = {}): LinearModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  if (!Number.isInteger(o.orders) || o.orders < 1)
    throw new RangeError(`orders must be a positive integer, not ${o.orders}`);
  const vocabulary = buildVocabulary(
    examples.map((e) => e.features),
    o.minCount,
  );
  const encoded = examples.map((e) => encode(vocabulary, e.features));
  const first = trainOneOrder(examples, encoded, vocabulary.names.length, o, o.seed);
  if (o.orders === 1) return { vocabulary, ...first };
  // Summed in order, divided once: the same orders give the same average, bit for bit.
  const { weights } = first;
  let { bias } = first;
  for (let k = 1; k < o.orders; k++) {
    const one = trainOneOrder(examples, encoded, vocabulary.names.length, o, orderSeed(o.seed, k));
    for (let j = 0; j < weights.length; j++) weights[j] += one.weights[j];
    bias += one.bias;
  }
  for (let j = 0; j < weights.length; j++) weights[j] /= o.orders;
  bias /= o.orders;
  return { vocabulary, weights, bias };
}

/** AdaGrad over the examples in orders shuffled by `seed`, every epoch a new shuffle. */
function trainOneOrder(
  examples: readonly Example[],
  encoded: readonly EncodedVector[],
  columns: number,
  o: TrainOptions,
  seed: number,
): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(columns);
  const squares = new Float64Array(columns);
  let bias = 0;
  let biasSquares = 0;
  const { positive, negative } = classWeights(examples, o.classWeight);
  const random = seededRandom(seed);
  const order = examples.map((_, i) => i);
  const step = (gradient: number, sumSquares: number) => (o.learningRate * gradient) / (Math.sqrt(sumSquares) + 1e-8);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = encoded[i];
      const y = examples[i].label ? 1 : 0;
      const error = (sigmoid(bias + dot(weights, x)) - y) * (y === 1 ? positive : negative);
      for (let k = 0; k < x.columns.length; k++) {
        const j = x.columns[k];
        const g = error * x.values[k] + o.l2 * weights[j];
        squares[j] += g * g;
        weights[j] -= step(g, squares[j]);
      }
      biasSquares += error * error;
      bias -= step(error, biasSquares);
    }
  }
  return { weights, bias };
}

/** The probability that the example is positive. */
export function predictProbability(model: LinearModel, features: FeatureVector): number {
  return sigmoid(logOdds(model, features));
}

/** The model's log-odds for the example. */
export function logOdds(model: LinearModel, features: FeatureVector): number {
  let s = model.bias;
  for (const [name, value] of features) {
    const column = model.vocabulary.index.get(name);
    if (column !== undefined) s += model.weights[column] * value;
  }
  return s;
}

/** The features with the largest weights, positive first then negative. */
export function topFeatures(
  model: LinearModel,
  n: number,
): { positive: [string, number][]; negative: [string, number][] } {
  const pairs = model.vocabulary.names.map((name, i): [string, number] => [name, model.weights[i]]);
  const byWeight = [...pairs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    positive: byWeight.slice(0, n).filter(([, w]) => w > 0),
    negative: byWeight
      .slice(-n)
      .reverse()
      .filter(([, w]) => w < 0),
  };
}

function classWeights(
  examples: readonly Example[],
  classWeight: TrainOptions['classWeight'],
): { positive: number; negative: number } {
  if (classWeight !== 'balanced') return classWeight;
  const positives = examples.filter((e) => e.label).length;
  const negatives = examples.length - positives;
  return {
    positive: positives === 0 ? 1 : examples.length / (2 * positives),
    negative: negatives === 0 ? 1 : examples.length / (2 * negatives),
  };
}

function dot(weights: Float64Array, x: EncodedVector): number {
  let s = 0;
  for (let k = 0; k < x.columns.length; k++) s += weights[x.columns[k]] * x.values[k];
  return s;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Fisher–Yates, driven by the seeded generator. */
export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
