import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../ner/tagger/random.js';
import {
  orderSeed,
  predictProbability,
  topFeatures,
  trainLogistic,
  varyOptions,
  type Example,
  type LinearModel,
} from './logistic.js';

/** Positives carry "good", negatives "bad"; every example also carries two of six noise words. */
function toyExamples(n: number, seed: number): Example[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const label = i % 3 === 0;
    const features = new Map([[label ? 'good' : 'bad', 1]]);
    for (let k = 0; k < 2; k++) features.set(`noise${Math.floor(random() * 6)}`, 1);
    return { features, label };
  });
}

test('learns a separable problem', () => {
  const examples = toyExamples(120, 3);
  const model = trainLogistic(examples, { epochs: 10 });
  for (const e of examples) {
    const p = predictProbability(model, e.features);
    assert.ok(e.label ? p > 0.9 : p < 0.1, `p=${p} for a ${e.label ? 'positive' : 'negative'}`);
  }
  const top = topFeatures(model, 1);
  assert.deepEqual([top.positive[0][0], top.negative[0][0]], ['good', 'bad']);
});

test('features never seen in training, or seen less than minCount times, are ignored', () => {
  const examples = [...toyExamples(30, 1), { features: new Map([['once', 1]]), label: true }];
  const model = trainLogistic(examples, { minCount: 2 });
  assert.equal(model.vocabulary.index.has('once'), false);
  assert.equal(predictProbability(model, new Map([['unknown', 1]])), predictProbability(model, new Map()));
});

test('the same data, options and seed give identical weights; another seed other weights', () => {
  const examples = toyExamples(90, 5);
  const a = trainLogistic(examples, { seed: 11 });
  const b = trainLogistic(examples, { seed: 11 });
  assert.deepEqual(a.weights, b.weights);
  assert.equal(a.bias, b.bias);
  const c = trainLogistic(examples, { seed: 12 });
  assert.notDeepEqual(a.weights, c.weights);
});

test('balanced class weights raise the scores of a rare positive class', () => {
  // The features do not separate the classes: only the prior speaks.
  const examples: Example[] = Array.from({ length: 100 }, (_, i) => ({
    features: new Map([['x', 1]]),
    label: i < 10,
  }));
  const plain = trainLogistic(examples, { classWeight: { positive: 1, negative: 1 } });
  const balanced = trainLogistic(examples, { classWeight: 'balanced' });
  const p = (m: typeof plain) => predictProbability(m, new Map([['x', 1]]));
  assert.ok(p(plain) < 0.2, `unweighted p=${p(plain)}`);
  assert.ok(Math.abs(p(balanced) - 0.5) < 0.1, `balanced p=${p(balanced)}`);
});

test('one order is the plain trainer: the weights of the seed alone', () => {
  const examples = toyExamples(90, 5);
  const plain = trainLogistic(examples, { seed: 11 });
  const one = trainLogistic(examples, { seed: 11, orders: 1 });
  assert.deepEqual(one.weights, plain.weights);
  assert.equal(one.bias, plain.bias);
  assert.equal(orderSeed(11, 0), 11);
});

test('several orders average the models of their seeds, bit for bit the same at each run', () => {
  const examples = toyExamples(90, 5);
  const averaged = trainLogistic(examples, { seed: 11, orders: 3 });
  const again = trainLogistic(examples, { seed: 11, orders: 3 });
  assert.deepEqual(averaged.weights, again.weights);
  assert.equal(averaged.bias, again.bias);
  const singles = [0, 1, 2].map((k) => trainLogistic(examples, { seed: orderSeed(11, k) }));
  assert.deepEqual(averaged.vocabulary.names, singles[0].vocabulary.names);
  averaged.weights.forEach((w, j) => {
    const mean = (singles[0].weights[j] + singles[1].weights[j] + singles[2].weights[j]) / 3;
    assert.ok(Math.abs(w - mean) < 1e-12, `weight ${j}: ${w} against the mean ${mean}`);
  });
  assert.ok(Math.abs(averaged.bias - (singles[0].bias + singles[1].bias + singles[2].bias) / 3) < 1e-12);
  // Derived seeds differ from each other and from the next base seeds.
  const seeds = new Set([0, 1, 2, 3, 4].flatMap((k) => [orderSeed(11, k), orderSeed(12, k)]));
  assert.equal(seeds.size, 10);
});

test('averaged over orders, models of two seeds lie closer together than single orders do', () => {
  // Few epochs and a large step: where the last examples leave the weights is mostly noise.
  const examples = toyExamples(60, 9).map((e, i) => (i % 7 === 0 ? { ...e, label: !e.label } : e));
  const options = { epochs: 3, learningRate: 0.5 };
  const gap = (a: LinearModel, b: LinearModel) => a.weights.reduce((s, w, j) => s + (w - b.weights[j]) ** 2, 0);
  const single = gap(
    trainLogistic(examples, { ...options, seed: 1 }),
    trainLogistic(examples, { ...options, seed: 2 }),
  );
  const averaged = gap(
    trainLogistic(examples, { ...options, seed: 1, orders: 5 }),
    trainLogistic(examples, { ...options, seed: 2, orders: 5 }),
  );
  assert.ok(averaged < single, `averaged ${averaged} against single ${single}`);
});

test('orders must be a positive integer', () => {
  assert.throws(() => trainLogistic(toyExamples(10, 1), { orders: 0 }), RangeError);
});

test('a variation moves the seed and sets the orders, and leaves the rest', () => {
  assert.deepEqual(varyOptions({ epochs: 3, seed: 7, orders: 5 }, { seedOffset: 2 }), {
    epochs: 3,
    seed: 9,
    orders: 5,
  });
  assert.deepEqual(varyOptions({ epochs: 3, seed: 7, orders: 5 }, { orders: 1 }), { epochs: 3, seed: 7, orders: 1 });
  assert.deepEqual(varyOptions({ epochs: 3 }), { epochs: 3, seed: 1 });
});
