import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LastEntryCache } from './last-entry-cache.js';

test('a LastEntryCache answers for the last key only, by identity', () => {
  const cache = new LastEntryCache<object, string>();
  const first = {};
  const second = {};
  assert.equal(cache.get(first), undefined);
  cache.set(first, 'one');
  assert.equal(cache.get(first), 'one');
  assert.equal(cache.get({}), undefined, 'an equal object is another key');
  cache.set(second, 'two');
  assert.equal(cache.get(second), 'two');
  assert.equal(cache.get(first), undefined, 'the entry before the last is gone');
});
