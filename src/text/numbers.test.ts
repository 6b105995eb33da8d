import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './numbers.js';
import { dualValue, findNumbers, ordinalValue } from './numbers.js';
import { normalize, normalizeForMatch } from './normalize.js';

/** [value, vague, form, text as written] for each number found. */
type Found = [number, boolean, 'digits' | 'words' | 'mixed', string];

function numbersIn(text: string): Found[] {
  return findNumbers(normalize(text)).map((n) => [n.value, n.vague, n.form, text.slice(n.start, n.end)]);
}

test('exports the public API', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'dualValue',
    'findNumbers',
    'lookupWithClitics',
    'ordinalValue',
    'readNumberAt',
    'readOrdinalAt',
    'scanWords',
    'spaceBetween',
  ]);
});

test('finds digits and number words with their spans', () => {
  const cases: Array<[string, Found[]]> = [
    ['قتل خمسة مسلحين', [[5, false, 'words', 'خمسة']]],
    ['خلال خمس ساعات', [[5, false, 'words', 'خمس']]],
    ['أصيب أحد عشر شخصا', [[11, false, 'words', 'أحد عشر']]],
    ['أصيبت إحدى عشرة امرأة', [[11, false, 'words', 'إحدى عشرة']]],
    ['أسر اثني عشر جنديا', [[12, false, 'words', 'اثني عشر']]],
    ['ضبطت عشرين ألف طلقة', [[20000, false, 'words', 'عشرين ألف']]],
    ['وصلت عشرين ألفاً من الذخائر', [[20000, false, 'words', 'عشرين ألفاً']]],
    ['محملة بعشرين ألف مسدس', [[20000, false, 'words', 'عشرين ألف']]],
    ['نزح مئات الأسر', [[100, true, 'words', 'مئات']]],
    ['سقط عشرات الجرحى', [[12, true, 'words', 'عشرات']]],
    ['نزح مئات الآلاف من السكان', [[100000, true, 'words', 'مئات الآلاف']]],
    ['فر آلاف المدنيين', [[1000, true, 'words', 'آلاف']]],
    ['قتل عدد من المسلحين', [[3, true, 'words', 'عدد من']]],
    ['أصيب بعدة رصاصات', [[3, true, 'words', 'عدة']]],
    ['وصل بعده الوفد', []],
    ['قتل بضعة أشخاص', [[3, true, 'words', 'بضعة']]],
    ['نزح بضعة آلاف', [[3000, true, 'words', 'بضعة آلاف']]],
    ['وأصيب 11 جريحاً', [[11, false, 'digits', '11']]],
    ['تم توضيبها بـ556 صندوقا', [[556, false, 'digits', '556']]],
    ['قتل ٣٥ شخصا', [[35, false, 'digits', '٣٥']]],
    ['قتل ۳۵ شخصا', [[35, false, 'digits', '۳۵']]],
    ['ضبط ثلاثمائة وخمسون صاروخا', [[350, false, 'words', 'ثلاثمائة وخمسون']]],
    ['ضبط ثلاث مئة قذيفة', [[300, false, 'words', 'ثلاث مئة']]],
    [
      'سقط خمسة قتلى و11 جريحاً',
      [
        [5, false, 'words', 'خمسة'],
        [11, false, 'digits', '11'],
      ],
    ],
    ['قتل خمسة وعشرون مدنيا', [[25, false, 'words', 'خمسة وعشرون']]],
    ['قتل خمسة و عشرون مدنيا', [[25, false, 'words', 'خمسة و عشرون']]],
    ['وخمسةٌ منهم أطفال', [[5, false, 'words', 'خمسةٌ']]],
    ['تضم 3 آلاف مقاتل', [[3000, false, 'mixed', '3 آلاف']]],
    ['تضم خمسة آلاف مقاتل', [[5000, false, 'words', 'خمسة آلاف']]],
    ['بلغت 1.5 مليون دينار', [[1500000, false, 'mixed', '1.5 مليون']]],
    ['بلغت مليون و500 ألف دينار', [[1500000, false, 'mixed', 'مليون و500 ألف']]],
    ['ضبط 20,000 طلقة', [[20000, false, 'digits', '20,000']]],
    ['ضبط ٢٠٬٠٠٠ طلقة', [[20000, false, 'digits', '٢٠٬٠٠٠']]],
    ['ضبط 20.000 طلقة', [[20000, false, 'digits', '20.000']]],
    ['ضبط ألف وخمسمائة لغم', [[1500, false, 'words', 'ألف وخمسمائة']]],
    ['حشد ألفين من المقاتلين', [[2000, false, 'words', 'ألفين']]],
    [
      'ثلاثة أو أربعة مسلحين',
      [
        [3, false, 'words', 'ثلاثة'],
        [4, false, 'words', 'أربعة'],
      ],
    ],
    [
      'قتل ثلاثة وأربعة جرحى',
      [
        [3, false, 'words', 'ثلاثة'],
        [4, false, 'words', 'أربعة'],
      ],
    ],
    ['قتل أحد المسلحين', [[1, false, 'words', 'أحد']]],
    ['قتل جندي وأحد المسلحين', [[1, false, 'words', 'أحد']]],
    ['قتل جندي واحد', [[1, false, 'words', 'واحد']]],
    ['وقعت الاشتباكات يوم الأحد', []],
    ['وصل الوفد الاثنين', []],
    ['اشتباكات في مدينة الخمس', []],
    ['لا أحد يعرف', []],
    ['وأعلنت في 8/1/2018 و2018-01-08 و08.01.2018 عند 10:30', []],
    ['طائرة إف-16 وطائرة F16', []],
    ['في اليوم الواحد', []],
    ['قتل الخمسة المسلحون', [[5, false, 'words', 'الخمسة']]],
    ['سقط العشرات', [[12, true, 'words', 'العشرات']]],
    [
      'ارتفعت بنسبة 10 بالمائة و5 في المئة',
      [
        [10, false, 'digits', '10'],
        [5, false, 'digits', '5'],
      ],
    ],
    ['في القرن العشرين', []],
    ['قطعت المية عن الحي', []],
    ['بلغ عددهم مئة وعشرين', [[120, false, 'words', 'مئة وعشرين']]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(numbersIn(text), expected, text);
});

test('ordinals are not cardinals but have a value', () => {
  assert.deepEqual(numbersIn('اللواء التاسع والكتيبة الأولى'), []);
  // A compound ordinal's ten (an age, a day) counts nothing.
  assert.deepEqual(numbersIn('طالب في السادسة عشرة من العمر'), []);
  assert.deepEqual(numbersIn('في الحادي عشر من الشهر'), []);
  const cases: Array<[string, number | null]> = [
    ['التاسع', 9],
    ['الاول', 1],
    ['الاولي', 1],
    ['الثانيه', 2],
    ['ثالث', 3],
    ['العاشر', 10],
    ['الحادي عشر', 11],
    ['الثانيه عشره', 12],
    ['الخامس والعشرون', 25],
    ['العشرين', 20],
    ['الجيش', null],
  ];
  for (const [word, value] of cases) assert.equal(ordinalValue(normalizeForMatch(word)), value, word);
});

test('duals count two only for known singulars', () => {
  const singulars = new Set(['جريح', 'قتيل', 'سياره'].map(normalizeForMatch));
  const cases: Array<[string, 2 | null]> = [
    ['جريحين', 2],
    ['قتيلان', 2],
    ['سيارتين', 2],
    ['لجريحين', 2],
    ['مسلحين', null],
    ['جريح', null],
  ];
  for (const [word, value] of cases) assert.equal(dualValue(normalizeForMatch(word), singulars), value, word);
});
