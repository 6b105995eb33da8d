import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalize, normalizeForMatch, toNormOffset, toOriginalSpan } from './normalize.js';

test('normalises letters, marks, digits and quotes', () => {
  const cases: Array<[string, string]> = [
    ['حَفْتَر', 'حفتر'],
    ['أحمد إبراهيم آمال ٱلقرية', 'احمد ابراهيم امال القريه'],
    ['مستشفى', 'مستشفي'],
    ['مدينة', 'مدينه'],
    ['جريحـــاً', 'جريحا'],
    ['٣٥ و۴', '35 و4'],
    ['«العزيزية»', '"العزيزيه"'],
    ['و»العزيزية»', 'و"العزيزيه"'],
    ['“طوفان”', '"طوفان"'],
    ['قال، ثم؛ لماذا؟', 'قال, ثم; لماذا?'],
    ['مسؤول', 'مسوول'],
    ['\u200fطرابلس\u200c', 'طرابلس'],
    ['UNSMIL', 'unsmil'],
  ];
  for (const [input, expected] of cases) assert.equal(normalize(input).norm, expected, input);
});

test('a span in the view maps back to the words as written', () => {
  const original = 'قالَ المُتحدِّثُ إنَّ «الغاراتِ» استهدفت جنوبـي طرابلس';
  const view = normalize(original);
  for (const word of ['المتحدث', 'الغارات', 'جنوبي', 'طرابلس']) {
    const at = view.norm.indexOf(word);
    assert.ok(at >= 0, word);
    const span = toOriginalSpan(view, at, at + word.length);
    assert.equal(normalizeForMatch(original.slice(span.start, span.end)), word);
  }
  const at = view.norm.indexOf('المتحدث');
  const span = toOriginalSpan(view, at, at + 'المتحدث'.length);
  assert.equal(original.slice(span.start, span.end), 'المُتحدِّثُ', 'trailing harakat belong to the word');
  assert.equal(toNormOffset(view, span.start), at);
});

test('normalizeForMatch collapses whitespace', () => {
  assert.equal(normalizeForMatch('  خليفة\u00a0 حفتر \n'), 'خليفه حفتر');
});

// Property: for every maximal run of non-space characters in the view, the original slice is a
// contiguous piece of the input whose own normalisation is that run.
test('offsets survive any mix of Arabic letters, marks, tatweel, digits and quotes', () => {
  const alphabet = [
    ...'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإىةؤئ',
    'َ',
    'ً',
    'ّ',
    'ْ',
    'ـ',
    '٣',
    '۴',
    '«',
    '»',
    ' ',
    '\u200c',
    'A',
    '1',
    '،',
    '.',
    '\n',
    '😀',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (chars) => {
      const original = chars.join('');
      const view = normalize(original);
      assert.equal(view.starts.length, view.norm.length + 1);
      for (const m of view.norm.matchAll(/\S+/g)) {
        const span = toOriginalSpan(view, m.index, m.index + m[0].length);
        assert.ok(span.start <= span.end && span.end <= original.length);
        assert.equal(normalize(original.slice(span.start, span.end)).norm, m[0]);
      }
    }),
    { numRuns: 500 },
  );
});
