import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countDuplicates } from './duplicates.js';

const event = (trigger: number, evidence: [number, number][]) => ({
  event_type: 'Battles',
  trigger: { start: trigger, end: trigger + 3 },
  evidence: evidence.map(([start, end]) => ({ start, end })),
  location: null,
});

test('a second telling of a matched gold event is a duplicate; an unrelated spurious event is not', () => {
  const gold = [
    event(5, [
      [0, 20],
      [50, 70],
    ]),
  ];
  const lead = event(5, [[0, 20]]);
  const retold = event(55, [[50, 70]]);
  const other = event(105, [[100, 120]]);
  assert.equal(countDuplicates(gold, [lead, retold, other]), 1);
  assert.equal(countDuplicates(gold, [lead, other]), 0);
  assert.equal(countDuplicates([], [lead]), 0);
});
