import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseThreshold, prfAt, type Scored } from './metrics.js';

const items: Scored[] = [
  { probability: 0.9, label: true },
  { probability: 0.8, label: true },
  { probability: 0.7, label: false },
  { probability: 0.6, label: true },
  { probability: 0.2, label: false },
  // A positive no candidate reached: always missed.
  { probability: null, label: true },
];

test('prfAt counts items at or above the threshold as predicted, and unscored positives as missed', () => {
  assert.deepEqual(prfAt(items, 0.75), { tp: 2, predicted: 2, gold: 4, precision: 1, recall: 0.5, f1: 2 / 3 });
  assert.equal(prfAt(items, 0).predicted, 5);
});

test('the threshold of the best F1 lies midway between the scores it separates', () => {
  const best = chooseThreshold(items, { kind: 'max-f1' });
  assert.equal(best.threshold, 0.4);
  assert.deepEqual([best.prf.tp, best.prf.predicted, best.prf.gold], [3, 4, 4]);
  assert.equal(best.ruleMet, true);
});

test('the best F0.5 weighs precision above recall: it stops before the false positive F1 accepts', () => {
  const best = chooseThreshold(items, { kind: 'max-fbeta', beta: 0.5 });
  assert.equal(best.threshold, 0.75);
  assert.deepEqual([best.prf.tp, best.prf.predicted], [2, 2]);
  assert.equal(chooseThreshold(items, { kind: 'max-fbeta', beta: 1 }).threshold, 0.4);
});

test('a threshold from costs is cost / (1 + cost), whatever the scores', () => {
  const twice = chooseThreshold(items, { kind: 'cost', falsePositiveCost: 2 });
  assert.equal(twice.threshold, 2 / 3);
  assert.deepEqual(twice.prf, prfAt(items, 2 / 3));
  assert.equal(chooseThreshold([], { kind: 'cost', falsePositiveCost: 1 }).threshold, 0.5);
});

test('a precision floor takes the most recall that keeps the precision', () => {
  const floor = chooseThreshold(items, { kind: 'precision-floor', floor: 0.9 });
  assert.equal(floor.threshold, 0.75);
  assert.equal(floor.prf.precision, 1);
  const unreachable = chooseThreshold(
    [
      { probability: 0.5, label: false },
      { probability: 0.4, label: true },
    ],
    {
      kind: 'precision-floor',
      floor: 0.9,
    },
  );
  assert.equal(unreachable.ruleMet, false);
});

test('with nothing scored the threshold predicts nothing', () => {
  const none = chooseThreshold([{ probability: null, label: true }], { kind: 'max-f1' });
  assert.equal(none.prf.predicted, 0);
});
