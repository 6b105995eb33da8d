import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanIndexAt } from './span.js';

test('spanIndexAt finds the span holding an offset, or -1 in a gap or outside', () => {
  const spans = [
    { start: 0, end: 5 },
    { start: 6, end: 10 },
    { start: 10, end: 12 },
  ];
  const cases: Array<[number, number]> = [
    [0, 0],
    [4, 0],
    [5, -1],
    [6, 1],
    [9, 1],
    [10, 2],
    [11, 2],
    [12, -1],
    [-1, -1],
  ];
  for (const [offset, index] of cases) assert.equal(spanIndexAt(spans, offset), index, `offset ${offset}`);
  assert.equal(spanIndexAt([], 3), -1);
});
