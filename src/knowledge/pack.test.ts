/** The pack loader's bulk records: checked entry by entry, kept as parsed, the first bad entry named. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { bulkRecord, isFiniteNumber, readPack } from './pack.js';

const Weights = z.strictObject({ weights: bulkRecord(isFiniteNumber, 'number') });

function packFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'marsad-pack-')), 'model.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

test('a bulk record is kept as parsed when every entry is valid', () => {
  const weights = { 'word=هجوم': 1.5, 'cue=negation': -2 };
  assert.deepEqual(readPack(packFile({ weights }), Weights).weights, weights);
});

test('a bad entry of a bulk record is named with its file', () => {
  const path = packFile({ weights: { 'word=هجوم': 1.5, 'word=غارة': 'heavy' } });
  assert.throws(
    () => readPack(path, Weights),
    (e: Error) => {
      assert.match(e.message, /model\.json is not a valid pack/);
      assert.match(e.message, /weights\.word=غارة: expected a number/);
      return true;
    },
  );
  assert.throws(() => readPack(packFile({ weights: [1, 2] }), Weights), /weights: expected an object of numbers/);
});
