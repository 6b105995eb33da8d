import { test } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as tokenizeModule from './tokenize.js';
import { stemSpan, tokenHamzaMask, tokenize, tokenReadings } from './tokenize.js';
import { segmentSentences } from './segment.js';
import { normalize, normalizeForMatch } from './normalize.js';
import type { Token } from '../core/document.js';

test('tokenize exports', () => {
  assert.deepEqual(Object.keys(tokenizeModule).sort(), [
    'stemSpan',
    'surfacesOf',
    'tokenHamzaMask',
    'tokenReadings',
    'tokenize',
  ]);
});

test('the surfaces of tokens, index for index, one for every token of a spelling', () => {
  const tokens = tokensOf('قصف الجيش، ثم قصف الجيش مواقع.');
  const surfaces = tokenizeModule.surfacesOf(tokens);
  assert.ok(surfaces);
  assert.deepEqual(
    surfaces.map((s) => s.norm),
    tokens.map((t) => t.norm),
  );
  assert.equal(surfaces[0], surfaces[4]);
  assert.equal(tokenizeModule.surfacesOf(tokens.slice()), undefined);
});

function tokensOf(text: string): Token[] {
  const view = normalize(text);
  return tokenize(view, segmentSentences(view));
}

/** Every token's text and stem are exact slices of the original. */
function assertSpansExact(text: string, tokens: Token[]): void {
  const view = normalize(text);
  const sentences = segmentSentences(view);
  let last = 0;
  for (const t of tokens) {
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.equal(normalize(t.text).norm, t.norm, `norm of ${t.text}`);
    assert.ok(t.start >= last && t.start < t.end, `order at ${t.text}`);
    assert.ok(t.stemStart >= t.start && t.stemStart < t.end, `stemStart of ${t.text}`);
    assert.equal(normalizeForMatch(text.slice(t.stemStart, t.end)), t.stem, `stem of ${t.text}`);
    const s = sentences[t.sentence];
    assert.ok(s.start <= t.start && t.end <= s.end, `${t.text} inside its sentence`);
    last = t.end;
  }
}

type Row = [text: string, kind: Token['kind'], proclitics: readonly string[], stem: string];

const table: Array<{ name: string; text: string; expected: Row[] }> = [
  {
    name: 'words with proclitics, Arabic comma and stop',
    text: 'وقال المتحدث، بالمدينة للجيش.',
    expected: [
      ['وقال', 'word', ['و'], 'قال'],
      ['المتحدث', 'word', ['ال'], 'متحدث'],
      ['،', 'punct', [], ','],
      ['بالمدينة', 'word', ['ب', 'ال'], 'مدينه'],
      ['للجيش', 'word', ['ل', 'ال'], 'جيش'],
      ['.', 'punct', [], '.'],
    ],
  },
  {
    name: 'clitic, tatweel and digits make one number token whose stem is the number',
    text: 'وزعت بـ556 صندوقا و11 جريحا',
    expected: [
      ['وزعت', 'word', [], 'وزعت'],
      ['بـ556', 'number', ['ب'], '556'],
      ['صندوقا', 'word', [], 'صندوقا'],
      ['و11', 'number', ['و'], '11'],
      ['جريحا', 'word', [], 'جريحا'],
    ],
  },
  {
    name: 'Arabic-Indic digits, decimals and thousands separators',
    text: 'قتل ١٢ وأصيب 3.5 ألف من 1,200 و٢٫٥',
    expected: [
      ['قتل', 'word', [], 'قتل'],
      ['١٢', 'number', [], '12'],
      ['وأصيب', 'word', ['و'], 'اصيب'],
      ['3.5', 'number', [], '3.5'],
      ['ألف', 'word', [], 'الف'],
      ['من', 'word', [], 'من'],
      ['1,200', 'number', [], '1,200'],
      ['و٢٫٥', 'number', ['و'], '2٫5'],
    ],
  },
  {
    name: 'harakat and tatweel stay inside the word and its span',
    text: 'قَصَفَتْ الطـائـرات المَوْقِعَ',
    expected: [
      ['قَصَفَتْ', 'word', [], 'قصفت'],
      ['الطـائـرات', 'word', ['ال'], 'طايرات'],
      ['المَوْقِعَ', 'word', ['ال'], 'موقع'],
    ],
  },
  {
    name: 'Latin words, letters glued to digits, symbols and repeated punctuation',
    text: 'أعلنت UN أن 40% من طائرات F16 سقطت...',
    expected: [
      ['أعلنت', 'word', [], 'اعلنت'],
      ['UN', 'latin', [], 'un'],
      ['أن', 'word', [], 'ان'],
      ['40', 'number', [], '40'],
      ['%', 'punct', [], '%'],
      ['من', 'word', [], 'من'],
      ['طائرات', 'word', [], 'طايرات'],
      ['F16', 'latin', [], 'f16'],
      ['سقطت', 'word', [], 'سقطت'],
      ['...', 'punct', [], '...'],
    ],
  },
  {
    name: 'a non-clitic word before digits stays a word; a year with a letter splits',
    text: 'كورونا19 عام 2011م',
    expected: [
      ['كورونا', 'word', [], 'كورونا'],
      ['19', 'number', [], '19'],
      ['عام', 'word', [], 'عام'],
      ['2011', 'number', [], '2011'],
      ['م', 'word', [], 'م'],
    ],
  },
  {
    name: 'quotes around a clitic: و»العزيزية» and an alef with hamza is not the article',
    text: 'و»العزيزية» إلغاء',
    expected: [
      ['و', 'word', [], 'و'],
      ['»', 'punct', [], '"'],
      ['العزيزية', 'word', ['ال'], 'عزيزيه'],
      ['»', 'punct', [], '"'],
      ['إلغاء', 'word', [], 'الغاء'],
    ],
  },
  {
    name: 'symbols outside the BMP stay whole',
    text: 'عاجل 🔴 انفجار',
    expected: [
      ['عاجل', 'word', [], 'عاجل'],
      ['🔴', 'symbol', [], '🔴'],
      ['انفجار', 'word', [], 'انفجار'],
    ],
  },
];

for (const c of table) {
  test(`tokenize: ${c.name}`, () => {
    const tokens = tokensOf(c.text);
    assert.deepEqual(
      tokens.map((t): Row => [t.text, t.kind, t.proclitics, t.stem]),
      c.expected,
    );
    assertSpansExact(c.text, tokens);
  });
}

test('tokenize: the number in بـ556 has its own span', () => {
  const text = 'تم توضيبها بـ556 صندوق سلاح';
  const number = tokensOf(text).find((t) => t.kind === 'number')!;
  const span = stemSpan(number);
  assert.equal(text.slice(span.start, span.end), '556');
  assert.equal(text.slice(number.start, number.end), 'بـ556');
});

test('tokenize: sentence indexes follow the segmentation', () => {
  const text = 'سيطرة خاطفة\nتقدم الجيش. وانسحبت القوات؟';
  assert.deepEqual(
    tokensOf(text).map((t) => [t.text, t.sentence]),
    [
      ['سيطرة', 0],
      ['خاطفة', 0],
      ['تقدم', 1],
      ['الجيش', 1],
      ['.', 1],
      ['وانسحبت', 2],
      ['القوات', 2],
      ['؟', 2],
    ],
  );
});

test('tokenReadings: readings of a word token honour the written hamza', () => {
  const text = 'والمدينة وألمانيا';
  const view = normalize(text);
  const [city, germany] = tokenize(view, segmentSentences(view));
  assert.deepEqual(
    tokenReadings(city, view).map((r) => r.stem),
    ['والمدينه', 'المدينه', 'مدينه'],
  );
  assert.deepEqual(
    tokenReadings(germany, view).map((r) => r.stem),
    ['والمانيا', 'المانيا'],
  );
});

test('tokenHamzaMask: the article alefs written with a hamza, bit by index', () => {
  const text = 'والمدينة وألمانيا أعلن الأمن إطلاق';
  const view = normalize(text);
  const masks = tokenize(view, segmentSentences(view)).map((t) => tokenHamzaMask(t, view));
  assert.deepEqual(masks, [0, 0b10, 0b1, 0b100, 0b1]);
});

/** Pieces that stress offsets: harakat, tatweel, quotes, digits of both kinds, marks, spaces. */
const PIECES = [
  'و',
  'ب',
  'ل',
  'ال',
  'لل',
  'ك',
  'ف',
  'قال',
  'مدينة',
  'طرابلس',
  'أ',
  'إ',
  'آ',
  'ى',
  'ة',
  'ؤ',
  'ئ',
  'َ',
  'ً',
  'ّ',
  'ْ',
  'ـ',
  '\u200c',
  '\u200f',
  '\u00a0',
  ' ',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '.',
  '...',
  '…',
  '،',
  '؟',
  '!',
  '?',
  ':',
  '«',
  '»',
  '"',
  '(',
  ')',
  '%',
  '-',
  '٫',
  '٬',
  ',',
  '0',
  '5',
  '٣',
  '٧',
  '۴',
  'A',
  'b',
  'é',
  'e\u0301',
  '🔴',
  'د',
  'U',
  '\u0000',
  '\t',
];

test('property: every token is an exact slice and its stem is the stem as written', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      const view = normalize(text);
      const tokens = tokenize(view, segmentSentences(view));
      assertSpansExact(text, tokens);
      // Nothing visible is lost: every letter and digit the view keeps lies inside some token.
      const covered = new Uint8Array(text.length);
      for (const t of tokens) covered.fill(1, t.start, t.end);
      for (let i = 0; i < text.length; i++) {
        const kept = /[\p{L}\p{Nd}]/u.test(text[i]) && normalize(text[i]).norm !== '';
        if (kept) assert.equal(covered[i], 1, `char ${i} of ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 500 },
  );
});

/** The ANT corpus, beside the repository (src/text or dist/text → repo root → ../shared). */
const ANT = fileURLToPath(new URL('../../../shared/datasets/ant-corpus/ant-v1.1.jsonl', import.meta.url));

test('real text: spans are exact on the ANT conflict articles', (t) => {
  if (!existsSync(ANT)) {
    t.skip(`no corpus at ${ANT}`);
    return;
  }
  const articles = readFileSync(ANT, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; conflict_dev?: boolean })
    .filter((a) => a.conflict_dev);
  assert.ok(articles.length > 0);
  for (const { text } of articles) assertSpansExact(text, tokensOf(text));
});
