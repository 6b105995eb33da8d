import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ploverArticle, ploverArticleId, readPloverSentences, scorePlover, type PloverOutcome } from './plover.js';

test('a sentence id names its article before the last dash', () => {
  assert.equal(ploverArticleId('AAW_ARB_20071217.0091-4'), 'AAW_ARB_20071217.0091');
  assert.equal(ploverArticleId('X-Y-12'), 'X-Y');
  assert.equal(ploverArticleId('plain'), 'plain');
});

test('dataset lines are read and checked, naming the file and line of a bad one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-plover-'));
  try {
    const path = join(dir, 'toy.jsonl');
    const line = {
      id: 'A-1',
      text: 'قصفت الطائرات المدينة.',
      label: 'yes',
      difficulty: null,
      votes: { accept: 3, reject: 0, total: 3 },
      spans: null,
      event_type: 'ASSAULT',
    };
    writeFileSync(path, `${JSON.stringify(line)}\n\n`);
    assert.deepEqual(readPloverSentences(path), [
      { id: 'A-1', text: line.text, label: 'yes', difficulty: null, event_type: 'ASSAULT' },
    ]);
    writeFileSync(path, `${JSON.stringify(line)}\n${JSON.stringify({ ...line, label: 'maybe' })}\n`);
    assert.throws(() => readPloverSentences(path), new RegExp(`${path}:2`));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a sentence is read as an article without title or date', () => {
  const article = ploverArticle({ id: 'A-1', text: 'نص.', label: 'no', difficulty: 'easy', event_type: 'PROTEST' });
  assert.equal(article.title, '');
  assert.equal(article.text, 'نص.');
  assert.equal(article.published, null);
  assert.equal(article.origins[0].externalId, 'A-1');
});

test('ambiguous sentences are left out and counted; detections are broken down by agreement', () => {
  const o = (label: PloverOutcome['label'], difficulty: PloverOutcome['difficulty'], detected: boolean) => ({
    label,
    difficulty,
    detected,
  });
  const scores = scorePlover([
    o('yes', null, true),
    o('yes', null, false),
    o('no', 'easy', true),
    o('no', 'easy', false),
    o('no', 'difficult', true),
    o('ambiguous', null, true),
  ]);
  assert.equal(scores.ambiguous, 1);
  assert.deepEqual([scores.overall.tp, scores.overall.predicted, scores.overall.gold], [1, 3, 2]);
  assert.deepEqual(scores.byDifficulty, [
    { group: 'yes', sentences: 2, detected: 1 },
    { group: 'no/difficult', sentences: 1, detected: 1 },
    { group: 'no/easy', sentences: 2, detected: 1 },
  ]);
});
