import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProcliticIndex } from './proclitic-index.js';

test('a word is found under each proclitic its head takes, in the order added', () => {
  const index = new ProcliticIndex<string>();
  index.add('قصف', ['', 'و', 'ف'], 'shelling');
  index.add('لهجوم', ['ل', 'ول'], 'attack');
  index.add('وقصف', [''], 'other');
  index.add('قصف', ['وال'], 'noun');
  assert.deepEqual(
    index.lookup('وقصف').map((h) => [h.proclitic, h.value]),
    [
      ['و', 'shelling'],
      ['', 'other'],
    ],
  );
  assert.deepEqual(
    index.lookup('وللهجوم').map((h) => [h.proclitic, h.value]),
    [['ول', 'attack']],
  );
  assert.deepEqual(
    index.lookup('والقصف').map((h) => [h.proclitic, h.value]),
    [['وال', 'noun']],
  );
  // A proclitic the head does not take, a proclitic alone, and a head with no proclitic it takes.
  for (const word of ['بقصف', 'و', 'لهجوم', 'قصفت']) assert.deepEqual(index.lookup(word), [], word);
  assert.equal(index.mayKey('كتب'), false);
});

test('one-letter heads are found after a proclitic', () => {
  const index = new ProcliticIndex<number>();
  index.add('ب', ['', 'و'], 1);
  assert.deepEqual(
    index.lookup('وب').map((h) => h.value),
    [1],
  );
  assert.equal(index.mayKey('وب'), true);
});
