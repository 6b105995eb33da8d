import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  collapseSpaces,
  isBlankAfterNormalization,
  normalize,
  normalizeForMatch,
  toNormOffset,
  toOriginalSpan,
} from './normalize.js';

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
    ['ط\u061cر\u2060ا\u200bب\u00adل\u2064س\ufeff', 'طرابلس'],
    ['\u202eسرت\u202c \u2067بنغازي\u2069 \u0600١', 'سرت بنغازي 1'],
    ['درنة\u{e0041}\u{e007f}😀', 'درنه😀'],
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

test('a text of invisible characters and marks alone is blank', () => {
  assert.equal(isBlankAfterNormalization('\u200b\u2060 \u061c\n\u00ad\ufeff\u{e0020}َّ'), true);
  assert.equal(isBlankAfterNormalization(''), true);
  assert.equal(isBlankAfterNormalization('\u2060ب'), false);
  assert.equal(isBlankAfterNormalization('\u00a0😀'), false);
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
    '\u061c', // Arabic letter mark
    '\u2060', // word joiner
    '\u00ad', // soft hyphen
    '\u202e', // right-to-left override
    '\u2066', // left-to-right isolate
    '\ufeff',
    '\u{e0020}', // tag space, a format character outside the BMP
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

// Property: format characters (category Cf) inserted anywhere leave the view as it was, and every
// character of the view still maps to a visible character of the original.
test('format characters anywhere change nothing in the view, and offsets skip them', () => {
  const letters = [...'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإىةؤئ', 'َ', 'ـ', '٣', ' ', 'A', '.', '😀'];
  const formats = [
    '\u061c',
    '\u200b',
    '\u200d',
    '\u200e',
    '\u202b',
    '\u2060',
    '\u2063',
    '\u2069',
    '\u00ad',
    '\ufeff',
    '\u0601',
    '\u{e0061}',
    '\u{1d173}',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...letters), fc.array(fc.constantFrom(...formats), { maxLength: 2 })), {
        maxLength: 60,
      }),
      (pieces) => {
        const clean = pieces.map(([c]) => c).join('');
        const marked = pieces.map(([c, marks]) => c + marks.join('')).join('');
        const view = normalize(marked);
        assert.equal(view.norm, normalize(clean).norm);
        for (let k = 0; k < view.norm.length; k++) {
          const produced = marked.slice(view.starts[k], view.ends[k]);
          assert.ok(!/^\p{Cf}/u.test(produced), `view ${k} maps to a format character`);
        }
        for (const m of view.norm.matchAll(/\S+/g)) {
          const span = toOriginalSpan(view, m.index, m.index + m[0].length);
          assert.equal(normalize(marked.slice(span.start, span.end)).norm, m[0]);
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('collapseSpaces is replace(/\\s+/g, " ").trim(), every kind of white space and lone surrogates alike', () => {
  for (const s of [
    '',
    ' ',
    ' قصف  على\n\nحلب ',
    '\u3000a\u00a0\u00a0b\t',
    '\ud800 \udc00  x',
    '\ufeffy\ufeff',
    'a\u2028\u2029b',
    '\u1680\u180e',
  ])
    assert.equal(collapseSpaces(s), s.replace(/\s+/g, ' ').trim(), JSON.stringify(s));
});
