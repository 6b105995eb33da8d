import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as segment from './segment.js';
import { segmentSentences } from './segment.js';
import { normalize } from './normalize.js';

test('segment exports', () => {
  assert.deepEqual(Object.keys(segment).sort(), ['segmentSentences']);
});

function sentencesOf(text: string): Array<[string, boolean]> {
  return segmentSentences(normalize(text)).map((s) => [text.slice(s.start, s.end), s.heading]);
}

const cases: Array<{ name: string; text: string; expected: Array<[string, boolean]> }> = [
  {
    name: 'headline, body and a sub-heading on its own line',
    text: 'الجيش يتقدم نحو المطار \n\nتقدمت القوات صباح اليوم. وانسحبت المجموعات المسلحة.\n تقدم سريع\nوقال شهود إن المعارك توقفت.',
    expected: [
      ['الجيش يتقدم نحو المطار', true],
      ['تقدمت القوات صباح اليوم.', false],
      ['وانسحبت المجموعات المسلحة.', false],
      ['تقدم سريع', true],
      ['وقال شهود إن المعارك توقفت.', false],
    ],
  },
  {
    name: 'question and exclamation marks, Arabic and Latin',
    text: 'هل تتوقف المعارك؟ لا أحد يعرف! ثم ماذا? سنرى.',
    expected: [
      ['هل تتوقف المعارك؟', false],
      ['لا أحد يعرف!', false],
      ['ثم ماذا?', false],
      ['سنرى.', false],
    ],
  },
  {
    name: 'a quotation that spans clauses stays whole and ends after the closing mark',
    text: 'وقال المتحدث إن «القصف استمر طوال الليل. ولم تصل المساعدات بعد.» وأضاف أن الوضع صعب.',
    expected: [
      ['وقال المتحدث إن «القصف استمر طوال الليل. ولم تصل المساعدات بعد.»', false],
      ['وأضاف أن الوضع صعب.', false],
    ],
  },
  {
    name: 'straight double quotes protect their clauses too',
    text: 'ونقل عنه قوله "الهدنة انهارت. والقتال عاد." ثم غادر.',
    expected: [
      ['ونقل عنه قوله "الهدنة انهارت. والقتال عاد."', false],
      ['ثم غادر.', false],
    ],
  },
  {
    name: 'mismatched guillemets: و»الاسم» pairs, the sentence still ends at its stop',
    text: 'سيطرت القوات على «الزهراء» و»العزيزية» خلال ساعات. وتراجعت الميليشيات.',
    expected: [
      ['سيطرت القوات على «الزهراء» و»العزيزية» خلال ساعات.', false],
      ['وتراجعت الميليشيات.', false],
    ],
  },
  {
    name: 'an opening « closed by another « does not swallow what follows',
    text: 'أطلقت القوات عملية «البركان« في الجنوب. وقتل ثلاثة مسلحين. ولم تعلق الحكومة.',
    expected: [
      ['أطلقت القوات عملية «البركان« في الجنوب.', false],
      ['وقتل ثلاثة مسلحين.', false],
      ['ولم تعلق الحكومة.', false],
    ],
  },
  {
    name: 'an unclosed quote protects nothing and stops at the paragraph',
    text: 'وقال الشاهد «رأينا الدخان. ثم سمعنا الانفجار.\nوفي اليوم التالي هدأت الأوضاع.',
    expected: [
      ['وقال الشاهد «رأينا الدخان.', false],
      ['ثم سمعنا الانفجار.', false],
      ['وفي اليوم التالي هدأت الأوضاع.', false],
    ],
  },
  {
    name: 'decimal points, Arabic-Indic decimals, Latin initials, domains and list numbers',
    text: 'ارتفع السعر 3.5 بالمئة و٢.٥ في المئة. نقلت وكالة U.S. News الخبر عن موقع libya.ly أمس.\n1. إغلاق الطريق.',
    expected: [
      ['ارتفع السعر 3.5 بالمئة و٢.٥ في المئة.', false],
      ['نقلت وكالة U.S. News الخبر عن موقع libya.ly أمس.', false],
      ['1. إغلاق الطريق.', false],
    ],
  },
  {
    name: 'Arabic abbreviation د. before a name',
    text: 'وصرح د. أحمد سالم بأن المستشفى ممتلئ.',
    expected: [['وصرح د. أحمد سالم بأن المستشفى ممتلئ.', false]],
  },
  {
    name: 'an ellipsis mid-clause does not split; one before a new line or digit does',
    text: 'انتظر السكان... ولم يأت أحد. وعادوا إلى بيوتهم…\nثم انقطع التيار... 12 ساعة متواصلة.',
    expected: [
      ['انتظر السكان... ولم يأت أحد.', false],
      ['وعادوا إلى بيوتهم…', false],
      ['ثم انقطع التيار...', false],
      ['12 ساعة متواصلة.', false],
    ],
  },
  {
    name: 'a stop glued to the next Arabic word still splits',
    text: 'انتهى الاجتماع.وغادر الوفد.',
    expected: [
      ['انتهى الاجتماع.', false],
      ['وغادر الوفد.', false],
    ],
  },
  {
    name: 'CRLF line ends, a long line without a stop is not a heading',
    text: 'عاجل\r\nوتواصلت الاشتباكات في محيط المطار القديم وفي الأحياء الجنوبية من المدينة طوال ساعات الليل دون أن تعلن أي جهة عن حصيلة',
    expected: [
      ['عاجل', true],
      [
        'وتواصلت الاشتباكات في محيط المطار القديم وفي الأحياء الجنوبية من المدينة طوال ساعات الليل دون أن تعلن أي جهة عن حصيلة',
        false,
      ],
    ],
  },
  {
    name: 'a line ending with a colon introduces what follows and is not a heading',
    text: 'وجاء في البيان ما يلي:\nنرفض التصعيد.',
    expected: [
      ['وجاء في البيان ما يلي:', false],
      ['نرفض التصعيد.', false],
    ],
  },
  {
    name: 'a closing bracket after the stop stays with the sentence',
    text: 'تجدد القصف (وفق مصادر محلية.) وتوقف لاحقا.',
    expected: [
      ['تجدد القصف (وفق مصادر محلية.)', false],
      ['وتوقف لاحقا.', false],
    ],
  },
  {
    name: 'harakat and tatweel do not disturb the offsets',
    text: 'قَصَفَتْ الطـائـرات المَوْقِعَ. ثُمَّ عادَتْ.',
    expected: [
      ['قَصَفَتْ الطـائـرات المَوْقِعَ.', false],
      ['ثُمَّ عادَتْ.', false],
    ],
  },
  { name: 'blank text', text: ' \n\t\n ', expected: [] },
  {
    name: 'a stop after harakat-bearing punctuation keeps the mark in the sentence',
    text: 'انتهى؟َ نعم.',
    expected: [
      ['انتهى؟َ', false],
      ['نعم.', false],
    ],
  },
];

for (const c of cases) {
  test(`segmentSentences: ${c.name}`, () => {
    assert.deepEqual(sentencesOf(c.text), c.expected);
  });
}

test('segmentSentences: spans are ordered, trimmed and inside the text', () => {
  const text = ' أولا. ثانيا؟ \n ثالثا \n';
  const sentences = segmentSentences(normalize(text));
  let last = 0;
  for (const s of sentences) {
    assert.ok(s.start >= last && s.start < s.end && s.end <= text.length);
    assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
    last = s.end;
  }
  assert.equal(sentences.length, 3);
});

test('segmentSentences: a pairing longer than a few sentences protects nothing', () => {
  const clause = 'وتواصل القصف على الأحياء السكنية طوال الليل';
  const inner = Array.from({ length: 16 }, () => `${clause}.`).join(' ');
  const text = `قال «${inner}» ثم سكت.`;
  const sentences = segmentSentences(normalize(text));
  assert.equal(sentences.length, 17);
  const short = `قال «${clause}. ${clause}.» ثم سكت.`;
  assert.equal(segmentSentences(normalize(short)).length, 2);
});

test('a line without stops is cut into sentences of at most 8,000 characters, at spaces, none lost', () => {
  const text = 'قصفت القوات مواقع المسلحين '.repeat(1000); // 27,000 characters, one line, no stop
  const sentences = segmentSentences(normalize(text));
  assert.ok(sentences.length >= 4);
  for (const s of sentences) {
    assert.ok(s.end - s.start <= 8000);
    assert.equal(s.heading, false);
    assert.notEqual(text[s.start - 1] ?? ' ', 'ت'); // begins at a word
  }
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  assert.deepEqual(
    sentences.flatMap((s) => words(text.slice(s.start, s.end))),
    words(text),
  );
});

test('a long run with no space is cut between characters, never inside one', () => {
  const text = 'بَ'.repeat(5000) + '😀'.repeat(5000);
  const sentences = segmentSentences(normalize(text));
  assert.equal(sentences.map((s) => text.slice(s.start, s.end)).join(''), text);
  for (const s of sentences) {
    const first = text.charCodeAt(s.start);
    assert.ok(first !== 0x064e && !(first >= 0xdc00 && first <= 0xdfff));
  }
});
