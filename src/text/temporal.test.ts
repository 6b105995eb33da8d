import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './temporal.js';
import { findTemporals, resolveTemporal } from './temporal.js';
import { normalize } from './normalize.js';

const MONDAY = '2019-04-08';

/** [text as written, kind, date, precision, partOfDay] of each expression found. */
type Found = [string, string, string | null, number | null, string | null];

function temporalsIn(text: string, published: string | null = MONDAY): Found[] {
  return findTemporals(normalize(text), published).map((t) => [
    text.slice(t.start, t.end),
    t.kind,
    t.resolved.date,
    t.resolved.timePrecision,
    t.partOfDay,
  ]);
}

function check(cases: Array<[string, Found[]]>, published: string | null = MONDAY): void {
  for (const [text, expected] of cases) assert.deepEqual(temporalsIn(text, published), expected, text);
}

test('exports the public API', () => {
  assert.deepEqual(Object.keys(api).sort(), ['findTemporals', 'resolveTemporal']);
});

test('absolute dates, with the year, resolve whatever the publication date', () => {
  check([
    ['وأوقفت السلطات في 8 يناير 2018 سفينة', [['8 يناير 2018', 'absolute', '2018-01-08', 1, null]]],
    ['وقع الهجوم الثلاثاء 8 يناير 2018 قرب المطار', [['الثلاثاء 8 يناير 2018', 'absolute', '2018-01-08', 1, null]]],
    ['وقع الهجوم الثلاثاء، 8 يناير 2018', [['الثلاثاء، 8 يناير 2018', 'absolute', '2018-01-08', 1, null]]],
    ['وفي 8 من شهر يناير من عام 2018 وصلت', [['8 من شهر يناير من عام 2018', 'absolute', '2018-01-08', 1, null]]],
    ['في الثامن من يناير 2018', [['الثامن من يناير 2018', 'absolute', '2018-01-08', 1, null]]],
    ['في الحادي والعشرين من مارس 2011', [['الحادي والعشرين من مارس 2011', 'absolute', '2011-03-21', 1, null]]],
    ['في 15 كانون الثاني/يناير 2019', [['15 كانون الثاني/يناير 2019', 'absolute', '2019-01-15', 1, null]]],
    ['في 3 شباط (فبراير) 2011', [['3 شباط (فبراير) 2011', 'absolute', '2011-02-03', 1, null]]],
    [
      'صدر في 8/1/2018 وفي 2018-01-09 وفي 10.01.2018',
      [
        ['8/1/2018', 'absolute', '2018-01-08', 1, null],
        ['2018-01-09', 'absolute', '2018-01-09', 1, null],
        ['10.01.2018', 'absolute', '2018-01-10', 1, null],
      ],
    ],
    ['صباحَ يومِ الخميسِ 4 أبريل 2019', [['صباحَ يومِ الخميسِ 4 أبريل 2019', 'absolute', '2019-04-04', 1, 'morning']]],
  ]);
  check([['في 8 يناير 2018', [['8 يناير 2018', 'absolute', '2018-01-08', 1, null]]]], null);
  check([
    [
      'اشتباكات يومي 15 و16 أكتوبر 2014',
      [
        ['15', 'absolute', '2014-10-15', 1, null],
        ['16 أكتوبر 2014', 'absolute', '2014-10-16', 1, null],
      ],
    ],
  ]);
  check([
    [
      'أيام 5، 6 و7 مارس 2011',
      [
        ['5', 'absolute', '2011-03-05', 1, null],
        ['6', 'absolute', '2011-03-06', 1, null],
        ['7 مارس 2011', 'absolute', '2011-03-07', 1, null],
      ],
    ],
  ]);
});

test('every month name of the three families', () => {
  const names: Array<[string, number]> = [
    ['يناير', 1],
    ['فبراير', 2],
    ['مارس', 3],
    ['أبريل', 4],
    ['ابريل', 4],
    ['إبريل', 4],
    ['مايو', 5],
    ['يونيو', 6],
    ['يونيه', 6],
    ['يوليو', 7],
    ['يوليه', 7],
    ['أغسطس', 8],
    ['سبتمبر', 9],
    ['أكتوبر', 10],
    ['نوفمبر', 11],
    ['ديسمبر', 12],
    ['كانون الثاني', 1],
    ['شباط', 2],
    ['آذار', 3],
    ['نيسان', 4],
    ['أيار', 5],
    ['حزيران', 6],
    ['تموز', 7],
    ['آب', 8],
    ['أيلول', 9],
    ['تشرين الأول', 10],
    ['تشرين الثاني', 11],
    ['كانون الأول', 12],
    ['جانفي', 1],
    ['فيفري', 2],
    ['أفريل', 4],
    ['ماي', 5],
    ['جوان', 6],
    ['جويلية', 7],
    ['أوت', 8],
  ];
  for (const [name, month] of names) {
    const iso = `2015-${String(month).padStart(2, '0')}-03`;
    check([[`اندلعت المعارك في 3 ${name} 2015 جنوب المدينة`, [[`3 ${name} 2015`, 'absolute', iso, 1, null]]]]);
    check([
      [
        `وفي شهر ${name} 2015 هدأت`,
        [[`شهر ${name} 2015`, 'month', `2015-${String(month).padStart(2, '0')}-15`, 3, null]],
      ],
    ]);
  }
});

test('months and years', () => {
  check([
    ['في يناير 2018 اندلعت', [['يناير 2018', 'month', '2018-01-15', 3, null]]],
    ['مطلع يناير 2018', [['مطلع يناير 2018', 'month', '2018-01-01', 3, null]]],
    ['في أواخر شهر فبراير 2016', [['أواخر شهر فبراير 2016', 'month', '2016-02-29', 3, null]]],
    ['في شهر مارس الماضي', [['شهر مارس الماضي', 'month', '2019-03-15', 3, null]]],
    ['منذ نوفمبر الماضي', [['نوفمبر الماضي', 'month', '2018-11-15', 3, null]]],
    ['في مارس المقبل', [['مارس المقبل', 'month', '2020-03-15', 3, null]]],
    ['خلال شهر أبريل الجاري', [['شهر أبريل الجاري', 'month', '2019-04-15', 3, null]]],
    ['بداية من شهر جانفي', [['شهر جانفي', 'month', '2019-01-15', 3, null]]],
    ['خلال ديسمبر', [['ديسمبر', 'month', '2018-12-15', 3, null]]],
    ['مارس الضغط على الحكومة', []],
    ['زار الأب الجرحى', []],
    ['اندلعت الحرب عام 2011', [['عام 2011', 'year', null, null, null]]],
    ['منذ عام 2014', [['عام 2014', 'year', null, null, null]]],
    ['في 2011 سقط النظام', [['2011', 'year', null, null, null]]],
    ['العام الماضي', [['العام الماضي', 'year', null, null, null]]],
  ]);
  const [year] = findTemporals(normalize('اندلعت الحرب عام 2011'), MONDAY);
  assert.equal(year.year, 2011);
  assert.equal(year.resolved.reason, 'year only');
  assert.equal(findTemporals(normalize('العام الماضي'), MONDAY)[0].year, 2018);
});

test('a day and month without a year take the publication year, or the previous one', () => {
  check([['في 8 يناير', [['8 يناير', 'absolute', '2019-01-08', 1, null]]]]);
  check([['في 28 ديسمبر', [['28 ديسمبر', 'absolute', '2018-12-28', 1, null]]]], '2019-01-05');
  check([['في 20 أبريل', [['20 أبريل', 'absolute', '2019-04-20', 1, null]]]]);
  check([['في 8 أبريل الماضي', [['8 أبريل الماضي', 'absolute', '2018-04-08', 1, null]]]]);
  check([['يوم 25 فيفري المنقضي', [['يوم 25 فيفري المنقضي', 'absolute', '2016-02-25', 1, null]]]], '2016-03-01');
  check([['في 3 جانفي المقبل', [['3 جانفي المقبل', 'absolute', '2017-01-03', 1, null]]]], '2016-12-20');
  const [none] = findTemporals(normalize('في 8 يناير'), null);
  assert.deepEqual(none.resolved, { date: null, timePrecision: null, reason: 'no year and no publication date' });
});

test('a weekday after سوق names a town, not a day', () => {
  check([
    ['تقدمت القوات باتجاه سوق الخميس', []],
    ['وصلت التعزيزات إلى بلدة بسوق الأحد', []],
    ['قتل ثلاثة الخميس في سوق المدينة', [['الخميس', 'weekday', '2019-04-04', 1, null]]],
  ]);
});

test('weekdays resolve to the latest such day on or before publication (a Monday)', () => {
  check([
    ['يوم السبت', [['يوم السبت', 'weekday', '2019-04-06', 1, null]]],
    ['يوم الأحد', [['يوم الأحد', 'weekday', '2019-04-07', 1, null]]],
    ['أعلن الجيش، الاثنين، أن', [['الاثنين', 'weekday', '2019-04-08', 1, null]]],
    ['والثلاثاء', [['الثلاثاء', 'weekday', '2019-04-02', 1, null]]],
    ['الأربعاء', [['الأربعاء', 'weekday', '2019-04-03', 1, null]]],
    ['وقع الهجوم مساء الخميس', [['مساء الخميس', 'weekday', '2019-04-04', 1, 'evening']]],
    ['صلاة الجمعة', [['الجمعة', 'weekday', '2019-04-05', 1, null]]],
    ['الاثنين الماضي', [['الاثنين الماضي', 'weekday', '2019-04-01', 1, null]]],
    ['الخميس المقبل', [['الخميس المقبل', 'weekday', '2019-04-11', 1, null]]],
    ['فجر يوم الأحد', [['فجر يوم الأحد', 'weekday', '2019-04-07', 1, 'dawn']]],
    ['ليلة الخميس', [['ليلة الخميس', 'weekday', '2019-04-03', 1, 'night']]],
    ['ليل الخميس', [['ليل الخميس', 'weekday', '2019-04-04', 1, 'night']]],
    ['ليلة الخميس-الجمعة', [['ليلة الخميس-الجمعة', 'weekday', '2019-04-04', 1, 'night']]],
    [
      'ليلة الخميس وصباح الجمعة',
      [
        ['ليلة الخميس', 'weekday', '2019-04-04', 1, 'night'],
        ['صباح الجمعة', 'weekday', '2019-04-05', 1, 'morning'],
      ],
    ],
    ['ليل الخميس على الجمعة', [['ليل الخميس على الجمعة', 'weekday', '2019-04-04', 1, 'night']]],
    ['منذ يوم الخميس', [['يوم الخميس', 'weekday', '2019-04-04', 1, null]]],
    ['مساءَ الخميسِ', [['مساءَ الخميسِ', 'weekday', '2019-04-04', 1, 'evening']]],
    ['عشية الخميس', [['عشية الخميس', 'weekday', '2019-04-04', 1, 'evening']]],
  ]);
  check([['قال اليوم الخميس', [['اليوم الخميس', 'relative', '2019-04-04', 1, null]]]], '2019-04-04');
});

test('relative days', () => {
  check([
    ['قصفت الطائرات أمس مواقع', [['أمس', 'relative', '2019-04-07', 1, null]]],
    ['وبالأمس قصفت', [['الأمس', 'relative', '2019-04-07', 1, null]]],
    ['وأمسِ', [['أمسِ', 'relative', '2019-04-07', 1, null]]],
    ['البارحة', [['البارحة', 'relative', '2019-04-07', 1, null]]],
    ['أول أمس', [['أول أمس', 'relative', '2019-04-06', 1, null]]],
    ['أول من أمس', [['أول من أمس', 'relative', '2019-04-06', 1, null]]],
    ['أمس الأول', [['أمس الأول', 'relative', '2019-04-06', 1, null]]],
    ['اليوم', [['اليوم', 'relative', '2019-04-08', 1, null]]],
    ['صباح اليوم', [['صباح اليوم', 'relative', '2019-04-08', 1, 'morning']]],
    ['فجر اليوم', [['فجر اليوم', 'relative', '2019-04-08', 1, 'dawn']]],
    ['مساء أمس', [['مساء أمس', 'relative', '2019-04-07', 1, 'evening']]],
    ['ليلة أمس', [['ليلة أمس', 'relative', '2019-04-07', 1, 'night']]],
    ['الليلة', [['الليلة', 'relative', '2019-04-08', 1, 'night']]],
    ['هذه الليلة', [['هذه الليلة', 'relative', '2019-04-08', 1, 'night']]],
    ['الليلة الماضية', [['الليلة الماضية', 'relative', '2019-04-07', 1, 'night']]],
    ['غداً', [['غداً', 'relative', '2019-04-09', 1, null]]],
    ['يوم الغد', [['يوم الغد', 'relative', '2019-04-09', 1, null]]],
    ['بعد غد', [['بعد غد', 'relative', '2019-04-10', 1, null]]],
    ['في اليوم التالي', []],
    ['في الليلة نفسها', []],
    ['قناة الغد', []],
    ['قال أمس الأحد', [['أمس الأحد', 'relative', '2019-04-07', 1, null]]],
    ['قال اليوم الاثنين 8 أبريل 2019', [['اليوم الاثنين 8 أبريل 2019', 'absolute', '2019-04-08', 1, null]]],
    ['في الثامن من الشهر الجاري', [['الثامن من الشهر الجاري', 'relative', '2019-04-08', 1, null]]],
  ]);
});

test('periods', () => {
  check([
    ['الأسبوع الماضي', [['الأسبوع الماضي', 'period', '2019-04-04', 2, null]]],
    ['خلال الأسبوع الجاري', [['الأسبوع الجاري', 'period', '2019-04-08', 2, null]]],
    ['هذا الأسبوع', [['هذا الأسبوع', 'period', '2019-04-08', 2, null]]],
    ['الشهر الماضي', [['الشهر الماضي', 'period', '2019-03-15', 3, null]]],
    ['الشهر الجاري', [['الشهر الجاري', 'period', '2019-04-15', 3, null]]],
    ['مطلع الشهر الجاري', [['مطلع الشهر الجاري', 'period', '2019-04-01', 3, null]]],
    ['أواخر الشهر الماضي', [['أواخر الشهر الماضي', 'period', '2019-03-31', 3, null]]],
    ['منذ ثلاثة أيام', [['منذ ثلاثة أيام', 'period', '2019-04-05', 1, null]]],
    ['قبل 3 أيام', [['قبل 3 أيام', 'period', '2019-04-05', 1, null]]],
    ['ومنذ يومين', [['منذ يومين', 'period', '2019-04-06', 1, null]]],
    ['منذ أسبوعين', [['منذ أسبوعين', 'period', '2019-03-25', 2, null]]],
    ['قبل خمسة أعوام', [['قبل خمسة أعوام', 'period', '2014-04-08', 3, null]]],
    ['قبل خمس سنوات', [['قبل خمس سنوات', 'period', '2014-04-08', 3, null]]],
    ['منذ 15 يوما', [['منذ 15 يوما', 'period', '2019-03-24', 1, null]]],
    ['منذ أيام', [['منذ أيام', 'period', '2019-04-05', 2, null]]],
    ['منذ بضعة أيام', [['منذ بضعة أيام', 'period', '2019-04-05', 2, null]]],
    ['منذ سنوات', [['منذ سنوات', 'period', null, null, null]]],
    ['قبل يومين من الهجوم', []],
    ['قبل عام واحد من توليه القيادة', []],
    ['قبل الهجوم', []],
    ['قبل يوم 8 أبريل', [['يوم 8 أبريل', 'absolute', '2019-04-08', 1, null]]],
    ['خلال الساعات الماضية', [['الساعات الماضية', 'period', '2019-04-08', 1, null]]],
    ['في الساعات القليلة الماضية', [['الساعات القليلة الماضية', 'period', '2019-04-08', 1, null]]],
    ['خلال الـ24 ساعة الماضية', [['24 ساعة الماضية', 'period', '2019-04-08', 1, null]]],
  ]);
});

test('without a publication date relative expressions stay unresolved and say why', () => {
  for (const text of ['أمس', 'مساء الخميس', 'الأسبوع الماضي', 'منذ ثلاثة أيام', 'الشهر الماضي']) {
    const [t] = findTemporals(normalize(text), null);
    assert.deepEqual(t.resolved, { date: null, timePrecision: null, reason: 'no publication date' }, text);
  }
});

test('a mention re-resolves against another anchor', () => {
  const [t] = findTemporals(normalize('مساء الخميس'), MONDAY);
  assert.equal(resolveTemporal(t.value, '2019-04-13').date, '2019-04-11');
  assert.deepEqual(resolveTemporal({ type: 'year', year: 2014 }, MONDAY), {
    date: null,
    timePrecision: null,
    reason: 'year only',
    year: 2014,
  });
});

test('several expressions in one sentence', () => {
  check([
    [
      'قصفت الطائرات أمس مواقع قرب المطار بعد اشتباكات بدأت مساء الخميس الماضي واستمرت حتى اليوم',
      [
        ['أمس', 'relative', '2019-04-07', 1, null],
        ['مساء الخميس الماضي', 'weekday', '2019-04-04', 1, 'evening'],
        ['اليوم', 'relative', '2019-04-08', 1, null],
      ],
    ],
  ]);
});

test('seed articles: the dates and numbers they report are found, spans are well formed', async (t) => {
  const { existsSync, readdirSync, readFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const { findNumbers } = await import('./numbers.js');
  const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
  if (!existsSync(seeds)) {
    t.skip(`no seed articles at ${seeds}`);
    return;
  }
  const found = new Set<string>();
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    const view = normalize(readFileSync(seeds + file, 'utf8'));
    for (const list of [findTemporals(view, MONDAY), findNumbers(view)]) {
      let last = 0;
      for (const m of list) {
        assert.ok(m.start >= last && m.end > m.start && m.end <= view.original.length, `${file} ${m.start}-${m.end}`);
        last = m.end;
      }
    }
    for (const d of findTemporals(view, MONDAY)) if (d.resolved.date) found.add(`date ${d.resolved.date}`);
    for (const n of findNumbers(view)) found.add(`number ${n.value}`);
  }
  for (const expected of [
    'date 2018-01-08',
    'date 2019-04-07',
    'number 20000',
    'number 556',
    'number 5',
    'number 11',
  ]) {
    assert.ok(found.has(expected), expected);
  }
});
