import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordMemo, keepable, SLICE_KEEPS_PARENT } from './word-memo.js';

test('a word memo keeps short words, never a word long enough to keep its article', () => {
  const memo = new WordMemo<number>(10);
  memo.set('قصف', 1);
  const long = 'ا'.repeat(SLICE_KEEPS_PARENT);
  memo.set(long, 2);
  assert.equal(memo.get('قصف'), 1);
  assert.equal(memo.get(long), undefined);
  assert.equal(keepable(long.slice(1)), true);
});

test('a word memo starts again when it reaches its limit', () => {
  const memo = new WordMemo<number>(2);
  memo.set('a', 1);
  memo.set('b', 2);
  memo.set('c', 3);
  assert.equal(memo.get('a'), undefined);
  assert.equal(memo.get('c'), 3);
});
