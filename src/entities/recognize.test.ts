import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import type { Entity } from './recognize.js';

function entities(text: string, published: string | null = null): Entity[] {
  const article = { id: 't', title: '', text, published, publishedAt: null, publishedRaw: null, origins: [] };
  return runPipeline(article, loadPipelineContext()).entities;
}

function place(text: string, name: string, published: string | null = null) {
  const e = entities(text, published).find((x) => x.text.includes(name));
  return e?.resolution?.kind === 'place' ? e.resolution : null;
}

test('Tripoli, Libya in a Libyan report; Tripoli, Lebanon in a Lebanese one', () => {
  const libya = place('اندلعت اشتباكات في طرابلس بعد يوم من هجوم على مصراتة وبنغازي.', 'طرابلس');
  assert.equal(libya?.id, 'ly-tripoli');
  assert.equal(libya?.country, 'LY');
  const lebanon = place('سقط جرحى في اشتباكات بمدينة طرابلس شمال لبنان، على بعد ساعة من بيروت.', 'طرابلس');
  assert.equal(lebanon?.id, 'city:lb-tripoli');
  assert.equal(lebanon?.country, 'LB');
});

test('الزاوية: the city, the district, and the common noun', () => {
  assert.equal(place('اندلعت مواجهات مسلحة في الزاوية مساء أمس.', 'الزاوية')?.id, 'ly-zawiya');
  assert.equal(place('قصفت القوات مواقع في مدينة الزاوية.', 'الزاوية')?.id, 'ly-zawiya');
  assert.equal(place('أعلن عميد بلدية في شعبية الزاوية حالة الطوارئ.', 'الزاوية')?.id, 'ly-district-zawiya');
  const angle = entities('ينظر المحللون إلى الأزمة من زاوية أخرى.');
  assert.equal(angle.filter((e) => e.resolution?.kind === 'place').length, 0);
});

test('a bare الجبل stays unresolved; الجبل الغربي resolves', () => {
  const bare = entities('فرّ المسلحون إلى الجبل بعد الاشتباك.');
  assert.equal(bare.filter((e) => e.resolution?.kind === 'place').length, 0);
  assert.equal(place('تقدمت القوات في الجبل الغربي.', 'الجبل')?.id, 'ly-district-jabal-al-gharbi');
});

test('a direction from a place keeps the place, the direction and precision 2', () => {
  for (const text of ['سقطت قذائف جنوب طرابلس.', 'سقطت قذائف جنوبطرابلس.', 'سقطت قذائف جنوبي طرابلس.']) {
    const p = place(text, 'طرابلس');
    assert.equal(p?.id, 'ly-tripoli', text);
    assert.equal(p?.geo_precision, 2, text);
    assert.equal(p?.direction, 'south', text);
  }
  assert.equal(place('سقطت قذائف في طرابلس.', 'طرابلس')?.geo_precision, 1);
});

test('places with clitics and harakat', () => {
  assert.equal(place('وصلت التعزيزات لغريانَ صباحاً.', 'غريان')?.id, 'ly-gharyan');
  assert.equal(place('وللعزيزية أهمية كبرى.', 'عزيزية')?.id, 'ly-aziziya');
});

test('people resolve to the organisation they speak for at the date', () => {
  const found = entities('قال المتحدث باسم الجيش الوطني اللواء أحمد المسماري إن القوات تقدمت.', '2019-04-08');
  const person = found.find((e) => e.text === 'أحمد المسماري');
  assert.equal(person?.type, 'PER');
  assert.ok(person?.resolution?.kind === 'person');
  assert.equal(person.resolution.id, 'p-ahmed-mismari');
  assert.equal(person.resolution.actor?.id, 'ly-lna');
  const army = found.find((e) => e.text === 'الجيش الوطني');
  assert.equal(army?.resolution?.id, 'ly-lna');
});

test('actors are those valid at the article date', () => {
  const gna = entities('هاجمت قوات الوفاق مواقع في جنوب العاصمة.', '2019-04-08').find((e) => e.type === 'ORG');
  assert.equal(gna?.resolution?.id, 'ly-gna-forces');
  const dawn = entities('سيطرت قوات فجر ليبيا على المطار.', '2014-08-23').find((e) => e.type === 'ORG');
  assert.equal(dawn?.resolution?.id, 'ly-libya-dawn');
});

test('patterns find names the dictionaries lack', () => {
  const found = entities('وقال العقيد سالم الورفلي إن الكتيبة 155 مشاة تقدمت نحو مدينة سوكنة.');
  const person = found.find((e) => e.rule.includes('title-name'));
  assert.equal(person?.text, 'سالم الورفلي');
  assert.equal(person?.type, 'PER');
  const unit = found.find((e) => e.rule.startsWith('pattern.unit'));
  assert.equal(unit?.text, 'الكتيبة 155 مشاة');
});

test('every entity span is the text as written', () => {
  const text = 'قالَ المُتحدّث إنّ «قوات حفتر» قصفت جنوبطرابلس، ولقي 3 حتفهم في العزيزيـــة.';
  for (const e of entities(text)) assert.equal(text.slice(e.start, e.end), e.text);
});

test("a word several countries' forces share, followed by another country's nationality, is none of the dictionary's", () => {
  const found = entities(
    'قتل 5 جنود عراقيين في هجوم لتنظيم داعش قرب مدينة كركوك في العراق أمس. وفي بغداد قالت الحكومة العراقية إن الشرطة التركية اعتقلت في إسطنبول عراقيا يشتبه بانتمائه للتنظيم.',
    '2018-06-01',
  );
  const police = found.find((e) => e.text === 'الشرطة');
  assert.ok(police, found.map((e) => e.text).join(', '));
  assert.equal(police.resolution, null, 'the Turkish police are not Iraq’s');
  assert.equal(found.find((e) => e.text === 'الحكومة العراقية')?.resolution?.id, 'iq-government-2014');
});
