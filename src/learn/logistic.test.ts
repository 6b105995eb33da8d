import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../ner/tagger/random.js';
import { predictProbability, topFeatures, trainLogistic, type Example } from './logistic.js';

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
