import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as glued from './glued.js';
import { mayBeGlued, splitGlued, splitGluedToken } from './glued.js';
import { normalize, normalizeForMatch } from './normalize.js';
import { segmentSentences } from './segment.js';
import { tokenize } from './tokenize.js';

test('glued exports', () => {
  assert.deepEqual(Object.keys(glued).sort(), ['mayBeGlued', 'splitGlued', 'splitGluedToken']);
});

/** A stand-in for the places lexicon: normalised stems. */
const places = new Set(['طرابلس', 'بنغازي', 'زاويه', 'سرت', 'غريان', 'شرقيات'].map(normalizeForMatch));
const isKnown = (w: string) => places.has(w);

const rows: Array<[string, string[] | null]> = [
  ['جنوبطرابلس', ['جنوب', 'طرابلس']],
  ['شمالبنغازي', ['شمال', 'بنغازي']],
  ['غربالزاوية', ['غرب', 'الزاويه']],
  ['شرقيسرت', ['شرقي', 'سرت']],
  ['جنوبيطرابلس', ['جنوبي', 'طرابلس']],
  ['وسطسرت', ['وسط', 'سرت']],
  ['قربغريان', ['قرب', 'غريان']],
  ['وجنوبطرابلس', ['وجنوب', 'طرابلس']],
  ['بشمالبنغازي', ['بشمال', 'بنغازي']],
  ['جنوببنغازي', ['جنوب', 'بنغازي']],
  // Not glued: unknown rest, a plain word, a known word that starts like a prefix.
  ['جنوبالمدينة', null],
  ['الجنوبية', null],
  ['شرقيات', null],
  ['طرابلس', null],
  ['جنوب', null],
];

for (const [word, expected] of rows) {
  test(`splitGlued: ${word}`, () => {
    const norm = normalizeForMatch(word);
    const parts = splitGlued(norm, isKnown);
    assert.deepEqual(parts, expected);
    if (parts) assert.equal(parts.join(''), norm);
  });
}

test('splitGluedToken: parts carry original spans, through harakat and tatweel', () => {
  const text = 'قصفت الطائرات مواقع جنوبـطرابلسَ وغربالزاوية.';
  const view = normalize(text);
  const tokens = tokenize(view, segmentSentences(view));
  const split = tokens.map((t) => splitGluedToken(t, view, isKnown)).filter((p) => p !== null);
  assert.deepEqual(
    split.map((parts) => parts.map((p) => [text.slice(p.span.start, p.span.end), p.norm])),
    [
      [
        ['جنوبـ', 'جنوب'],
        ['طرابلسَ', 'طرابلس'],
      ],
      [
        ['وغرب', 'وغرب'],
        ['الزاوية', 'الزاويه'],
      ],
    ],
  );
});

test('splitGluedToken: only word tokens split', () => {
  const view = normalize('بـ556');
  const [number] = tokenize(view, segmentSentences(view));
  assert.equal(
    splitGluedToken(number, view, () => true),
    null,
  );
});

test('mayBeGlued: a quick pre-test that lets every glued pair through', () => {
  for (const word of ['جنوبطرابلس', 'وشمالبنغازي', 'غربالزاويه']) assert.equal(mayBeGlued(word), true, word);
  for (const word of ['طرابلس', 'قال', 'جنوب']) assert.equal(mayBeGlued(word), false, word);
});
