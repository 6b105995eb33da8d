import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupedFolds } from './folds.js';

const groups = Array.from({ length: 200 }, (_, i) => `article${i % 37}`);
const labels = groups.map((_, i) => i % 11 === 0);

test('every item of a group is in the same fold, and every fold is used', () => {
  const fold = groupedFolds(groups, labels, 5, 1);
  const foldOf = new Map<string, number>();
  groups.forEach((g, i) => {
    assert.equal(foldOf.get(g) ?? fold[i], fold[i], `group ${g} split over folds`);
    foldOf.set(g, fold[i]);
  });
  assert.deepEqual([...new Set(fold)].sort(), [0, 1, 2, 3, 4]);
});

test('positives are spread over the folds', () => {
  const fold = groupedFolds(groups, labels, 5, 1);
  const perFold = [0, 1, 2, 3, 4].map((f) => labels.filter((l, i) => l && fold[i] === f).length);
  assert.ok(Math.max(...perFold) - Math.min(...perFold) <= 3, `positives per fold ${perFold.join(',')}`);
});

test('the assignment depends on the seed only', () => {
  assert.deepEqual(groupedFolds(groups, labels, 5, 7), groupedFolds(groups, labels, 5, 7));
  assert.notDeepEqual(groupedFolds(groups, labels, 5, 7), groupedFolds(groups, labels, 5, 8));
});

test('too few groups for the folds is an error', () => {
  assert.throws(() => groupedFolds(['a', 'a', 'b'], [true, false, false], 3, 1), /2 groups cannot fill 3 folds/);
});
