/**
 * Event extraction on short reports written for these tests: detection, modality, history,
 * arguments, tolls and merging. Each case names what it checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import type { EventRecord } from './record.js';
import type { Doc } from '../core/document.js';

/** A short report through the pipeline, with the learned judge (as shipped) or the rules alone. */
function analysed(text: string, published: string | null = '2019-04-08', judged = true): Doc {
  const article = { id: 'test', title: '', text, published, publishedAt: null, publishedRaw: null, origins: [] };
  const context = loadPipelineContext();
  return runPipeline(article, judged ? context : { ...context, events: { ...context.events, judge: null } });
}

/** The rule of the verdict on the first candidate of a trigger entry. */
function verdictOf(doc: Doc, entryId: string): string | undefined {
  return doc.candidates.find((c) => c.entryId === entryId)?.verdict.rule;
}

/** The events of a short report (see analysed). */
function extract(text: string, published: string | null = '2019-04-08', judged = true): EventRecord[] {
  return analysed(text, published, judged).events;
}

/** The events of a short report when the rules alone merge its mentions (no coreference model). */
function mergedByRules(text: string, published: string): EventRecord[] {
  const article = { id: 'test', title: '', text, published, publishedAt: null, publishedRaw: null, origins: [] };
  const context = loadPipelineContext();
  return runPipeline(article, { ...context, events: { ...context.events, coreference: null } }).events;
}

function only(text: string, published: string | null = '2019-04-08', judged = true): EventRecord {
  const events = extract(text, published, judged);
  assert.equal(
    events.length,
    1,
    `expected one event, got ${events.map((e) => `${e.sub_event_type}«${e.trigger.text}»`).join(', ')}`,
  );
  return events[0];
}

const TYPES: Array<[string, string, string]> = [
  ['شنت طائرات حربية غارات على مواقع في مدينة سرت.', 'Explosions/Remote violence', 'Air/drone strike'],
  ['استهدفت طائرة مسيرة رتلاً عسكرياً قرب مدينة بني وليد.', 'Explosions/Remote violence', 'Air/drone strike'],
  ['سقطت قذائف هاون على حي أبو سليم في طرابلس.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['اندلعت اشتباكات عنيفة في مدينة الزاوية.', 'Battles', 'Armed clash'],
  ['انفجرت عبوة ناسفة على طريق المطار في بنغازي.', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['فجّر انتحاري حزاماً ناسفاً أمام مركز للشرطة في مصراتة.', 'Explosions/Remote violence', 'Suicide bomb'],
  ['اختطف مسلحون مجهولون مهندساً من منزله في سبها.', 'Violence against civilians', 'Abduction/forced disappearance'],
  ['اعتقلت قوة أمنية ثلاثة ناشطين معارضين في مدينة درنة.', 'Strategic developments', 'Arrests'],
  ['نظم العشرات وقفة احتجاجية أمام مقر الحكومة في طرابلس.', 'Protests', 'Peaceful protest'],
  ['انسحبت القوات من مواقعها في مدينة سرت.', 'Strategic developments', 'Non-violent transfer of territory'],
];

test('trigger words give ACLED types and sub-types', () => {
  for (const [text, type, sub] of TYPES) {
    const e = only(text);
    assert.equal(e.event_type, type, text);
    assert.equal(e.sub_event_type, sub, text);
    assert.equal(e.trigger.text, text.slice(e.trigger.start, e.trigger.end));
  }
});

test('plans, threats, negations and denials are not events', () => {
  for (const text of [
    'تعتزم القوات شن هجوم على مدينة سرت خلال الأيام المقبلة.',
    'ستقصف الطائرات مواقع المسلحين في درنة.',
    'هدد القائد باقتحام مدينة الزاوية.',
    'لم تسجل أي اشتباكات في مدينة غريان.',
    'نفى المتحدث وقوع غارات على مدينة ترهونة.',
    'أعلنت القوات النفير للبدء بعملية عسكرية لاستعادة مدينة سرت.',
  ]) {
    const violent = extract(text).filter((e) => e.event_type !== 'Strategic developments');
    assert.deepEqual(
      violent.map((e) => e.trigger.text),
      [],
      text,
    );
  }
});

test('a killing or a shot turned on oneself is no political violence; a suicide bombing still is', () => {
  assert.deepEqual(extract('تحاول نساء كثيرات في ولاية هرات قتل أنفسهن كل عام.'), []);
  assert.deepEqual(extract('أطلق جندي النار على نفسه داخل ثكنة في مدينة الموصل أمس.'), []);
  assert.deepEqual(
    extract('فجر انتحاري نفسه أمام مركز للشرطة في مدينة الموصل أمس.').map((e) => e.sub_event_type),
    ['Suicide bomb'],
  );
});

test('a closure for a storm or maintenance is no conflict event; a closure after clashes is', () => {
  assert.deepEqual(extract('أغلقت السلطات مطار صلالة يوم الجمعة بسبب عاصفة استوائية.'), []);
  assert.deepEqual(extract('أغلقت السلطات الطريق الساحلي في مدينة صور لأعمال الصيانة.'), []);
  assert.ok(
    extract('أغلقت القوات المعبر الحدودي مع سوريا بعد اشتباكات في منطقة القائم أمس.').some(
      (e) => e.sub_event_type === 'Other',
    ),
  );
});

test("a court's death sentence is a judicial act, not an execution; a field execution still is violence", () => {
  const doc = analysed('قضت المحكمة العسكرية في الإسكندرية أمس بإعدام 17 متهما في قضية تفجير كنائس.', '2018-10-11');
  assert.deepEqual(doc.events, []);
  const rejected = doc.candidates.find((c) => c.entryId === 'execution');
  assert.equal(rejected?.verdict.kept === false && rejected.verdict.rule, 'reject.judicial-act');
  assert.equal(rejected?.verdict.kept === false && rejected.verdict.reason, 'judicial');
  assert.deepEqual(
    extract('أعدم مسلحون خمسة مدنيين رميا بالرصاص في بلدة قرب مدينة الرقة أمس.', '2018-10-11').map((e) => e.event_type),
    ['Violence against civilians'],
  );
});

test('a blast told in the sentence of a killing is how they were killed: the event is the blast', () => {
  const events = extract(
    'قتل 16 شخصا معظمهم من المدنيين وأصيب 38 آخرون في انفجار شاحنة صغيرة في مدينة قندهار أمس.',
    '2018-05-22',
  );
  assert.deepEqual(
    events.map((e) => [e.event_type, e.sub_event_type, e.fatalities]),
    [['Explosions/Remote violence', 'Remote explosive/landmine/IED', 16]],
  );
  // "ملغمة" is the press's other spelling of a car bomb (ملغومة، مفخخة); a dual of civilians counts two.
  assert.deepEqual(
    extract('انفجرت سيارة ملغمة قرب حاجز للجيش في مدينة غاو أمس فقتل مدنيان.', '2018-07-01').map((e) => [
      e.sub_event_type,
      e.fatalities,
    ]),
    [['Remote explosive/landmine/IED', 2]],
  );
});

test('protesters killed: the protest met lethal force, whatever word named it', () => {
  const killed = only('قتل شاب فلسطيني برصاص الجيش الإسرائيلي خلال احتجاجات شرقي مدينة خان يونس أمس.');
  assert.deepEqual(
    [killed.event_type, killed.sub_event_type, killed.fatalities],
    ['Protests', 'Excessive force against protesters', 1],
  );
  assert.ok(killed.notes?.some((n) => /excessive force/.test(n)));
  const peaceful = only('تظاهر مئات الأشخاص في مدينة البصرة أمس للمطالبة بتحسين الخدمات.');
  assert.equal(peaceful.sub_event_type, 'Peaceful protest');
});

test("a group's claim of an earlier attack, or of many, and an accusation do not name this attack's author", () => {
  const actor1 = (text: string) => only(text, '2018-06-10').actor1?.id;
  assert.equal(
    actor1(
      'قتل خمسة مدنيين في تفجير انتحاري استهدف سوقا في مدينة قندهار أمس. وتعرض مقر للشرطة في المدينة لهجوم انتحاري في 25 يناير، وقد تبنى تنظيم داعش ذلك الهجوم.',
    ),
    'unidentified-armed-group-af',
  );
  assert.equal(
    actor1(
      'قتل خمسة مدنيين في تفجير انتحاري استهدف سوقا في مدينة قندهار أمس. ويعلن تنظيم داعش مسؤوليته عن العديد من التفجيرات في الولاية.',
    ),
    'unidentified-armed-group-af',
  );
  assert.equal(
    actor1(
      'اتهمت الحكومة الصومالية حركة الشباب بتنفيذ الهجوم الذي استهدف سوقا في مدينة مقديشو أمس وأسفر عن مقتل 8 مدنيين.',
    ),
    'unidentified-armed-group-so',
  );
  // A claim of this attack names it, and the claimer is named for the event's country.
  const claimed = only(
    'قتل خمسة مدنيين في تفجير انتحاري استهدف سوقا في مدينة قندهار أمس. وأعلن تنظيم داعش مسؤوليته عن التفجير.',
    '2018-06-10',
  );
  assert.equal(claimed.actor1?.id, 'islamic-state-af');
  // The article's own year in the claim's sentence dates nothing past.
  assert.equal(
    actor1(
      'قتل خمسة مدنيين في تفجير انتحاري استهدف سوقا في مدينة قندهار أمس. وأعلن تنظيم داعش مسؤوليته عن التفجير الأعنف في المدينة في 2018.',
    ),
    'islamic-state-af',
  );
});

test('a blast that killed people at a named place is an event with nobody named for it, and stays its own', () => {
  assert.deepEqual(
    extract('قال مسؤولون إن 17 شخصا قتلوا في تفجير وقع في مسجد في مدينة خوست أمس.', '2018-05-06').map((e) => [
      e.sub_event_type,
      e.fatalities,
    ]),
    [['Remote explosive/landmine/IED', 17]],
  );
  // Merging by the rules alone (coreference off): the blast with its own dead joins no event of
  // a province away.
  const context = loadPipelineContext();
  const rules = { ...context, events: { ...context.events, coreference: null } };
  const article = {
    id: 'test',
    title: '',
    text: 'قال مسؤولون إن 17 شخصا قتلوا في تفجير وقع في مسجد في مدينة خوست أمس. وفي إقليم بدخشان اندلع قتال عنيف بين القوات الحكومية ومسلحين أمس.',
    published: '2018-05-06',
    publishedAt: null,
    publishedRaw: null,
    origins: [],
  };
  assert.deepEqual(
    runPipeline(article, rules).events.map((e) => [e.sub_event_type, e.fatalities]),
    [
      ['Remote explosive/landmine/IED', 17],
      ['Armed clash', 0],
    ],
  );
});

test('an arrest at the scene of an attack is part of it; one made elsewhere is an event of its own', () => {
  const types = (text: string) => extract(text, '2018-06-10').map((e) => e.sub_event_type);
  assert.deepEqual(
    types(
      'انفجرت عبوة ناسفة في سوق بمدينة الرمادي أمس ما أدى إلى مقتل 3 مدنيين. وألقت الشرطة القبض على اثنين من المشتبه بهم في مدينة الرمادي أمس.',
    ),
    ['Remote explosive/landmine/IED'],
  );
  assert.deepEqual(
    types(
      'انفجرت عبوة ناسفة في سوق بمدينة الرمادي أمس ما أدى إلى مقتل 3 مدنيين. وفي البصرة ألقت الشرطة القبض على اثنين من المشتبه بهم.',
    ),
    ['Remote explosive/landmine/IED', 'Arrests'],
  );
});

test('an attack whose toll is of soldiers was a fight with them, not violence against civilians', () => {
  const [event] = extract(
    'قتل 17 جنديا صوماليا على الأقل ليل الجمعة. وأعلنت حركة الشباب تبنيها الهجوم الذي وقع في بلدة قرب مدينة كسمايو.',
    '2018-06-09',
  );
  assert.deepEqual([event?.event_type, event?.sub_event_type, event?.fatalities], ['Battles', 'Armed clash', 17]);
});

test("a bare year before the article's dates the past; the article's own year does not", () => {
  assert.deepEqual(extract('قتل 20 طفلا في هجوم مسلح على مدرسة في مدينة الرمادي في 2012.', '2018-09-07'), []);
  assert.deepEqual(
    extract('شهدت مدينة الرمادي أمس هجوما مسلحا على سوق قتل فيه 20 شخصا في 2018.', '2018-09-07').map(
      (e) => e.fatalities,
    ),
    [20],
  );
});

test('history is not a new event', () => {
  assert.deepEqual(extract('وكانت المدينة قد شهدت اشتباكات عنيفة عام 2011 بعد الإطاحة بالقذافي.'), []);
  assert.deepEqual(extract('وفي 5 مارس 2016 قصفت الطائرات مدينة سرت.', '2019-04-08'), []);
});

test('claims name their claimant; plain reports are asserted', () => {
  const claimed = only('قالت مصادر طبية إن غارة جوية استهدفت مستشفى في مدينة غريان.');
  assert.equal(claimed.modality, 'claimed');
  assert.equal(claimed.claimed_by?.text, 'مصادر طبية');
  const spokesman = only(
    'قصفت المدفعية مواقع في مدينة سرت، حسب ما أكد المتحدث باسم الجيش الوطني، اللواء أحمد المسماري.',
  );
  assert.equal(spokesman.modality, 'claimed');
  assert.equal(spokesman.claimed_by?.text, 'المتحدث باسم الجيش الوطني، اللواء أحمد المسماري');
  assert.equal(only('اندلعت اشتباكات عنيفة في مدينة الزاوية.').modality, 'asserted');
});

/** Sentences written for this test, each with the claimant its event must name. */
const CLAIMANTS: Array<[string, string | null]> = [
  // After the verb of saying, up to إن/أن, past a date or a quote.
  ['قالت مصادر طبية إن غارة جوية استهدفت مستشفى في مدينة غريان.', 'مصادر طبية'],
  ['أعلنت وزارة الداخلية التونسية، الجمعة، أن وحدات الحرس اعتقلت ثلاثة مسلحين في القصرين.', 'وزارة الداخلية التونسية'],
  ['أعلن "تحالف دعم الشرعية في اليمن" تدمير منظومة دفاع جوي في صنعاء.', 'تحالف دعم الشرعية'],
  ['أعلن #الجيش_اليمني، مساء الأحد، عن تحرير جبال النخش في مديرية نهم.', 'الجيش_اليمني'],
  // The subject before the verb: the pluperfect frame, a clause of its own.
  ['وكانت السلطات أعلنت الجمعة أن مسلحين فجروا سيارة مفخخة أمام مقر الجيش في واغادوغو.', 'السلطات'],
  ['وكان تنظيم "داعش" قد تبنى التفجير الذي استهدف سوقا في بغداد.', 'تنظيم "داعش"'],
  ['الجيش الإسرائيلي يؤكد أنه قصف مواقع في مدينة غزة.', 'الجيش الإسرائيلي'],
  // Claiming an attack names its claimant; the trigger, its object, is not part of it.
  ['تبنت جماعة نصرة الإسلام والمسلمين هجوما على مقر الجيش في واغادوغو.', 'جماعة نصرة الإسلام والمسلمين'],
  // According to …, with the verb's resumptive pronoun.
  ['قتل ثلاثة جنود في غارة بطائرة مسيرة في شمال وزيرستان، بحسب ما ذكرته الحركة.', 'الحركة'],
  // What ends a claimant: a relative clause, عن, a verbal noun after ب, a quote opening speech.
  ['وقالت وكالة سبأ التي يسيطر عليها الحوثيون إن غارة استهدفت سوقا في مدينة صعدة.', 'وكالة سبأ'],
  ['أعلن الجيش السوري عن سيطرته على قرية في ريف حماة.', 'الجيش السوري'],
  ['أفادت مصادر أمنية باعتقال ستة أشخاص في مدينة الموصل.', 'مصادر أمنية'],
  ['وقال مدير المرصد رامي عبد الرحمن "قصفت الطائرات مدينة عفرين".', 'مدير المرصد رامي عبد الرحمن'],
  // A toll or فإن ends it; the subject first when the verb's object is the event's words; a
  // preposition in any spelling (فى); quoted speech is no claimant; two verbs with و are two verbs.
  ['وبحسب مصادر طبية فإن غارة جوية قتلت ثلاثة مدنيين في مدينة سرت.', 'مصادر طبية'],
  ['مصادر محلية تؤكد مقتل ثلاثة مدنيين في قصف على مدينة إدلب.', 'مصادر محلية'],
  ['قال المتحدث فى بيان إن الطائرات قصفت مواقع في مدينة سرت.', 'المتحدث'],
  ['وقال "لقد هاجموا قواتنا في مدينة سرت".', null],
  ['أعلن وأكد الجيش الإسرائيلي أنه قصف مواقع في مدينة غزة.', 'الجيش الإسرائيلي'],
  // A name read as a verb of saying after one (وأضاف روي: — روى): the name is the claimant.
  ['وأضاف روي: "لقد هاجموا قواتنا في ولاية فشودة".', 'روي'],
  // A name that starts like a preposition (علي) or with ب (برهوم) is still the claimant.
  ['وقال أبو علي البصري إن القوات اعتقلت خمسة مسلحين في البصرة.', 'أبو علي البصري'],
  ['وقال الناطق باسم حماس فوزي برهوم إن الطائرات قصفت مواقع في مدينة غزة.', 'الناطق باسم حماس فوزي برهوم'],
  // A lead in the outlet's voice takes the source of the sentence right after it when that
  // sentence opens on a verb of saying; a source named further on does not count.
  ['اندلعت اشتباكات عنيفة في مدينة الزاوية. وقال مسؤولون محليون إن الهدوء عاد إلى المدينة.', 'مسؤولون محليون'],
  ['اندلعت اشتباكات عنيفة في مدينة الزاوية. وعاد الهدوء مساء. وقال مسؤولون محليون إن المدارس أغلقت.', null],
  // Only the lead's: a later event is not attributed by the sentence after it.
  [
    'اندلعت اشتباكات في مدينة درعا. وفي سياق آخر، قتل ثلاثة جنود في هجوم على مدينة تدمر. وقال الرئيس الأمريكي إن بلاده تدعم الحوار.',
    null,
  ],
  // Told in the outlet's own voice.
  ['اندلعت اشتباكات عنيفة في مدينة الزاوية.', null],
];

test('claimants: who says so, as written, for every modality', () => {
  for (const [text, claimant] of CLAIMANTS) {
    const events = extract(text);
    assert.ok(events.length > 0, `no event: ${text}`);
    assert.deepEqual(
      events.map((e) => e.claimed_by?.text ?? null),
      events.map(() => claimant),
      text,
    );
    for (const e of events)
      if (e.claimed_by) assert.equal(text.slice(e.claimed_by.start, e.claimed_by.end), e.claimed_by.text, text);
  }
});

test("the claimant's organisation: named in its words or before them, a person's, or the government a state body of a named country speaks for", () => {
  const organisation = (text: string) => extract(text, '2018-05-14').map((e) => e.claimed_by_actor?.name ?? null);
  assert.deepEqual(
    organisation('قالت وزارة الصحة الفلسطينية إن القوات الإسرائيلية قتلت ثلاثة متظاهرين شرق مدينة غزة.'),
    ['Government of Palestine (2007-) Palestinian Authority'],
  );
  assert.deepEqual(organisation('أفادت وكالة الأنباء السورية الرسمية بأن طائرات إسرائيلية قصفت مواقع قرب مدينة حمص.'), [
    'Government of Syria (2000-2024)',
  ]);
  // Not the state's without its official mark; Libya's rival governments: the words do not say which.
  assert.deepEqual(organisation('قالت وكالة الأنباء السورية إن طائرات إسرائيلية قصفت مواقع قرب مدينة حمص.'), [null]);
  assert.deepEqual(organisation('قالت السلطات الليبية إن مسلحين اختطفوا مهندسا في مدينة سبها.'), [null]);
  // A category of people is who a source is, not an organisation it speaks for.
  assert.deepEqual(organisation('وقال مراسل بي بي سي إن الطائرات قصفت مواقع في مدينة حمص.'), [null]);
  assert.deepEqual(organisation('وقال مدنيون إن الطائرات قصفت مواقع في مدينة حمص.'), [null]);
  // A definite noun names again the organisation named before it with that noun.
  assert.deepEqual(
    organisation('هاجمت حركة الشباب قاعدة للجيش الصومالي. وقالت الحركة إن مقاتليها قتلوا عشرة جنود في مدينة مقديشو.'),
    ['Al Shabaab'],
  );
  const [spokesman] = extract(
    'قصفت المدفعية مواقع في مدينة سرت، حسب ما أكد المتحدث باسم الجيش الوطني، اللواء أحمد المسماري.',
  );
  assert.match(spokesman.claimed_by_actor?.name ?? '', /Libyan National Army/);
  assert.ok(spokesman.sources.some((s) => s.field === 'claimed_by_actor' && s.evidence !== null));
});

test('dates: the clause, the sentence, the lead, then the publication week', () => {
  assert.equal(only('قصفت الطائرات مدينة سرت، أمس.').date, '2019-04-07');
  const thursday = only('وشنت الطائرات، مساء الخميس، غارات على مدينة سرت.');
  assert.equal(thursday.date, '2019-04-04');
  assert.equal(thursday.date_text, 'مساء الخميس');
  const undated = only('قصفت الطائرات مدينة سرت، أمس.', null);
  assert.equal(undated.date, null);
  assert.equal(undated.date_text, 'أمس');
  assert.match(undated.date_reason ?? '', /no publication date/);
  const week = only('اندلعت اشتباكات في مدينة الزاوية.');
  assert.equal(week.date, '2019-04-08');
  assert.equal(week.time_precision, 2);
  // Its own date, not the report's "yesterday" (a day of the last two weeks: one weeks older is history).
  const events = extract('قال مسؤول أمس إن السلطات أوقفت في 2 أبريل 2019 باخرة محملة بالأسلحة في ميناء مصراتة.');
  assert.equal(events[0]?.date, '2019-04-02');
});

test('clashes of protesters with the police are a riot; aircraft destroying or dropping barrels strike from the air', () => {
  const riot = only('اندلعت مواجهات عنيفة بين المتظاهرين وقوات الأمن في مدينة البصرة أمس.');
  assert.equal(riot.event_type, 'Riots');
  assert.equal(riot.sub_event_type, 'Violent demonstration');
  assert.equal(riot.plover.type, 'PROTEST');
  assert.equal(only('اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحين في مدينة سرت أمس.').event_type, 'Battles');
  const destroyed = only('دمر طيران التحالف خمس مركبات عسكرية للمسلحين قرب مدينة سرت أمس.');
  assert.equal(destroyed.sub_event_type, 'Air/drone strike');
  const barrels = only('أسقطت مروحيات الجيش براميل متفجرة على بلدة قرب مدينة درنة أمس.');
  assert.equal(barrels.sub_event_type, 'Air/drone strike');
});

test('a blast that killed people is an event with no place of its clause; an ordinary word heading a construct is no place', () => {
  const blast = only('قتل ثلاثة أشخاص في تفجير استهدف حاجزا أمنيا للجيش الليبي فجر اليوم.');
  assert.equal(blast.sub_event_type, 'Remote explosive/landmine/IED');
  assert.equal(blast.fatalities, 3);
  const west = only(
    'قال مصدر أمني ليبي إن ثلاثة أشخاص قتلوا في تفجير استهدف حاجزا أمنيا غربي أكبر المدن النفطية الليبية اليوم.',
  );
  assert.equal(west.location, null, 'أكبر المدن is "the largest of the towns", not a Yemeni village');
  // A name with its nationality adjective after it is no construct.
  assert.equal(only('انفجرت سيارة مفخخة في مدينة جبيل اللبنانية أمس.').location?.country, 'LB');
});

test("where a source is based (ومقره لندن) is no place of the article's events", () => {
  const strike = only('وذكر مرصد حقوقي سوري، ومقره لندن، أن غارات جوية أودت بحياة 40 شخصا على الأقل مساء الجمعة.');
  assert.equal(strike.location, null);
});

test('bombs defused are weapons disrupted, not a blast', () => {
  const defused = only('وفكك خبراء المتفجرات في الجيش ثلاث عبوات ناسفة على طريق قرب مدينة العريش أمس.');
  assert.equal(defused.sub_event_type, 'Disrupted weapons use');
});

test('protesters who burn or loot turned their demonstration into a riot, at its place', () => {
  const riot = only('وتظاهر مئات الشبان في مدينة الناصرية مساء أمس، وأقدم محتجون على إحراق مقر أحد الأحزاب.');
  assert.equal(riot.event_type, 'Riots');
  assert.equal(riot.sub_event_type, 'Violent demonstration');
  assert.equal(riot.location?.name, 'Nasiriyah');
  // What a source says the protesters did (أن المتظاهرين أحرقوا) is theirs too.
  assert.equal(only('وأكد مراسل القناة أن المتظاهرين في مدينة الكوت أحرقوا مقرات عدة أحزاب أمس.').event_type, 'Riots');
  // Burning the protesters' tents is the burners' act, not the crowd's.
  assert.equal(
    only('وقامت قوات الأمن بحرق خيام المحتجين في ساحة بمدينة البصرة أمس.').event_type,
    'Strategic developments',
  );
});

test('people slaughtered are an attack on civilians; cattle slaughtered are no event', () => {
  const slaughter = only('وقام مسلحون ليلة الأحد بذبح 11 قرويا في قرية قرب مدينة ديفا.');
  assert.equal(slaughter.sub_event_type, 'Attack');
  assert.deepEqual(extract('وبدأ سكان قرية قرب مدينة الجلفة ذبح الماشية قبل العيد.'), []);
  assert.equal(only('قصفت طائرات حربية قرية قرب مدينة إدلب أمس، وتم ذبح 40 خروفا.').fatalities, 0);
});

test('protesters report a protest when they act or are counted, not when a word before governs them', () => {
  for (const text of [
    'وقطع المحتجون الطريق الرئيسي في مدينة صفاقس صباح أمس.',
    'وتجمع مئات المتظاهرين أمام مبنى البلدية في مدينة قابس أمس.',
    'وخرج الآلاف من المحتجين في شوارع مدينة القصرين أمس.',
    'واحتشد مئاتٌ مِن المتظاهرين قرب مبنى الولاية في مدينة قفصة أمس.',
  ])
    assert.equal(only(text).event_type, 'Protests', text);
  for (const text of [
    'وقال وزير الداخلية في مؤتمر صحفي في مدينة صفاقس إن الحكومة تتفهم مطالب المحتجين.',
    'والتقى المحافظ في مدينة قابس أمس وفدا يمثل المتظاهرين لبحث مطالبهم.',
  ]) {
    const doc = analysed(text);
    assert.deepEqual(doc.events, [], text);
    const referred = doc.candidates.find((c) => c.entryId === 'protest_participants');
    assert.ok(referred && !referred.verdict.kept, text);
    assert.equal(referred.verdict.rule, 'reject.participants-referred');
  }
});

test('traffic, flights or broadcasting stopped (أوقفوا الحركة الجوية) are no arrest; people stopped are', () => {
  const halted = analysed('اقتحم مئات المتظاهرين مطار مدينة النجف أمس وأوقفوا الحركة الجوية لساعات.');
  const stop = halted.candidates.find((c) => c.entryId === 'arrest_stop');
  assert.ok(stop && !stop.verdict.kept);
  assert.equal(stop.verdict.rule, 'reject.non-conflict-cause');
  assert.ok(!halted.events.some((e) => e.sub_event_type === 'Arrests'));
  assert.equal(only('أوقفت الشرطة أمس ثلاثة مطلوبين في مدينة النجف.').sub_event_type, 'Arrests');
  // حركة is also a movement: its members arrested are arrested.
  assert.equal(only('أوقفت الشرطة المصرية أمس قياديا في حركة حسم بمحافظة الجيزة.').sub_event_type, 'Arrests');
});

test('a blast the article explains as an accident is no bombing, its dead are no attack; a bomb blast is one', () => {
  for (const text of [
    'أسفر انفجار في حي الكرامة بمدينة الموصل مساء أمس عن مقتل تسعة أشخاص. وذكرت الشرطة أن الانفجار نجم عن اشتعال النار في مستودع للذخيرة داخل منزل.',
    'لقي خمسة أشخاص حتفهم في انفجار مستودع ذخيرة قرب مدينة حماة أمس.',
  ]) {
    const doc = analysed(text);
    assert.deepEqual(doc.events, [], text);
    assert.ok(
      doc.candidates.some((c) => !c.verdict.kept && c.verdict.rule === 'reject.non-conflict-cause'),
      text,
    );
  }
  const explained = analysed(
    'أسفر انفجار في حي الكرامة بمدينة الموصل مساء أمس عن مقتل تسعة أشخاص. وذكرت الشرطة أن الانفجار نجم عن اشتعال النار في مستودع للذخيرة داخل منزل.',
  );
  assert.ok(explained.candidates.some((c) => c.verdict.rule === 'reject.accident-explained'));
  assert.equal(only('أسفر انفجار عبوة ناسفة في سوق بمدينة الموصل مساء أمس عن مقتل تسعة أشخاص.').fatalities, 9);
  // A warehouse is no accident; a claim or a bomb named elsewhere makes the blast an attack.
  for (const [text, dead] of [
    ['قتل سبعة أشخاص في انفجار قرب مستودع للأدوية في مدينة الموصل أمس. وأعلن تنظيم داعش مسؤوليته عن التفجير.', 7],
    ['قتل خمسة أشخاص في انفجار قرب مستودع للذخيرة في مدينة الموصل أمس. وقالت الشرطة إن الانفجار نجم عن عبوة ناسفة.', 5],
  ] as const)
    assert.equal(only(text).fatalities, dead, text);
});

test('reinforcements a strike hit are its target, no mobilisation; reinforcements sent are one', () => {
  for (const text of [
    'قصفت مقاتلات التحالف صباح اليوم تعزيزات عسكرية للمتمردين قرب مدينة صعدة.',
    'شن الطيران الحربي غارات على تعزيزات للمسلحين في بلدة الحوش، أمس.',
    'استهدفت المدفعية تعزيزات وآليات للمتمردين قرب مدينة صعدة.',
    // The strike word of the reinforcements' own clause, whatever an earlier clause holds.
    'قصفت الطائرات البلدة، واستهدفت تعزيزات للمتمردين قرب صعدة أمس.',
  ]) {
    const doc = analysed(text);
    assert.ok(
      doc.events.every((e) => e.event_type !== 'Strategic developments'),
      text,
    );
    const struck = doc.candidates.find((c) => c.entryId === 'mobilisation');
    assert.ok(struck && !struck.verdict.kept, text);
    assert.equal(struck.verdict.rule, 'reject.struck-object', text);
  }
  assert.equal(only('دفع المتمردون بتعزيزات عسكرية إلى مدينة صعدة أمس.').sub_event_type, 'Other');
  // An attack named as the time of the sending hit nothing.
  assert.equal(only('عقب الهجوم دفع الجيش بتعزيزات عسكرية إلى مدينة العريش أمس.').sub_event_type, 'Other');
});

test('a sentence that opens on a month weeks before the article tells history', () => {
  assert.deepEqual(
    extract('وفي فبراير الماضي، ضرب تفجير بسيارة ملغومة مبنى للشرطة في مدينة عدن وأسفر عن مقتل 12 شخصا.', '2018-03-13'),
    [],
  );
  assert.equal(
    extract('وفي مارس الجاري، ضرب تفجير بسيارة ملغومة مبنى للشرطة في مدينة عدن وأسفر عن مقتل 12 شخصا.', '2018-03-13')
      .length,
    1,
  );
});

test('an act its own clause dates weeks before the article is history; what goes on since a month is not', () => {
  const recalled = analysed('قصفت الطائرات مدينة سرت في 3 مارس.');
  assert.deepEqual(recalled.events, []);
  assert.ok(recalled.candidates.some((c) => !c.verdict.kept && c.verdict.rule === 'reject.clause-history'));
  assert.equal(only('قصفت الطائرات مدينة سرت في 5 أبريل.').date, '2019-04-05');
  assert.equal(only('تتواصل الاحتجاجات في مدينة سرت منذ أوائل مارس.').event_type, 'Protests');
});

test('a sentence its words date months back lends no figure and tells no killing of this week', () => {
  const attack = only(
    'قتل مسلحون مجهولون ثلاثة مدنيين في هجوم على قرية قرب مدينة بعقوبة صباح اليوم. وفي أيار الماضي لقي شخصان حتفهما في القرية نفسها.',
    '2018-07-26',
  );
  assert.equal(attack.fatalities, 3);
  assert.deepEqual(
    extract(
      'وقالت الشرطة إن الهدوء عاد إلى مدينة كركوك اليوم. وفي أيار الماضي قتل شخصان برصاص مسلحين في سوق المدينة.',
      '2018-07-26',
    ),
    [],
  );
  // Nor does the article's only event take it, sentences away.
  assert.equal(
    only(
      'شنت طائرات حربية غارات على مواقع في مدينة إدلب صباح اليوم. وقال سكان إن الغارات استهدفت مواقع في مدينة إدلب. وأضافوا أن الأسواق أغلقت. وقالوا إن المدارس أغلقت أيضا. ويأتي ذلك غداة مقتل ثلاثة جنود أتراك.',
      '2018-07-26',
    ).fatalities,
    0,
  );
  // A killing after "بعد" is the occasion of a call, not news of its own.
  assert.deepEqual(
    extract('ودعا مجلس الأمن إلى الهدوء في قطاع غزة بعد مقتل عشرات الفلسطينيين برصاص الجيش الإسرائيلي.', '2018-07-26'),
    [],
  );
});

test('an undated act of a story the lead dates years back is history, not news of the publication week', () => {
  const told = (when: string) =>
    `كشفت وثائق جديدة تفاصيل ما جرى في مدينة سرت ${when}. ` +
    'وقال شهود إن القصف المدفعي استهدف حي الجيزة في سرت وقتل خمسة مدنيين.';
  const recalled = analysed(told('في أكتوبر 2016'));
  assert.deepEqual(recalled.events, []);
  assert.ok(recalled.candidates.length > 0);
  for (const c of recalled.candidates) {
    assert.equal(c.verdict.kept, false);
    if (!c.verdict.kept) assert.deepEqual([c.verdict.rule, c.verdict.reason], ['reject.history-lead-date', 'history']);
  }
  // Last week's story is news, and so is its undated act; so is what has gone on since a day.
  assert.equal(only(told('الأسبوع الماضي')).date, '2019-04-04');
  const since = analysed(told('منذ أوائل مارس'));
  assert.ok(since.candidates.every((c) => c.verdict.kept || c.verdict.rule !== 'reject.history-lead-date'));
});

test('the day a source spoke dates the telling: it never keeps apart the occurrence told on its own day', () => {
  const told = only('قال مسؤول عسكري، الاثنين، إن غارات جوية استهدفت مواقع في مدينة سرت.');
  assert.equal(told.date, '2019-04-08', 'with nothing better, the day of the telling');
  assert.ok(told.sources.some((s) => s.field === 'date' && s.rule.startsWith('date.of-the-telling')));
  // The same strike, then its own day: one event, on that day.
  const strike = only(
    'قال مسؤول عسكري، الاثنين، إن غارات جوية استهدفت مواقع في مدينة سرت. ' +
      'وأوضح المسؤول أن الغارة وقعت فجر الأحد على مخزن للذخيرة في سرت.',
  );
  assert.equal(strike.date, '2019-04-07');
  assert.equal(strike.date_text, 'فجر الأحد');
});

test('places: the governed place, near/south of at precision 2, the article main place as fallback', () => {
  const inCity = only('اندلعت اشتباكات عنيفة في مدينة الزاوية.');
  assert.equal(inCity.location?.id, 'ly-zawiya');
  assert.equal(inCity.location?.geo_precision, 1);
  const south = only('سقطت قذائف جنوب طرابلس.');
  assert.equal(south.location?.id, 'ly-tripoli');
  assert.equal(south.location?.geo_precision, 2);
  assert.equal(south.location?.direction, 'south');
  const near = only('انفجرت عبوة ناسفة قرب بنغازي.');
  assert.equal(near.location?.geo_precision, 2);
  // The place rules, whatever the judge makes of this two-line report without context.
  const fallback = extract('تشهد مدينة مصراتة توترا. واندلعت اشتباكات بين مجموعتين مسلحتين.', '2019-04-08', false);
  assert.equal(fallback[0].location?.id, 'ly-misrata');
  assert.equal(fallback[0].location?.geo_precision, 2);
});

test('tolls: figures, sub-counts not added, the lowest of conflicting reports, revised totals', () => {
  const five = only('اندلعت اشتباكات في مدينة الزاوية أسفرت عن سقوط خمسة قتلى و11 جريحاً.');
  assert.equal(five.fatalities, 5);
  assert.equal(five.injured, 11);
  // The rules alone: the toll is read whatever the judge's threshold (this sentence scores at it).
  const among = only('قتل سبعة أشخاص بينهم ثلاثة أطفال في قصف على حي أبو سليم.', '2019-04-08', false);
  assert.equal(among.fatalities, 7);
  const conflicting = extract(
    'انفجرت سيارة مفخخة في بنغازي ما أدى إلى مقتل 6 أشخاص. وقالت مصادر أخرى إن التفجير أسفر عن مقتل 9 أشخاص.',
  );
  assert.equal(conflicting.length, 1);
  assert.equal(conflicting[0].fatalities, 6);
  const dual = only('أسفر القصف على حي الهضبة عن مقتل طفلين.');
  assert.equal(dual.fatalities, 2);
  const twoDead = only('أسفر القصف على حي الهضبة عن سقوط قتيلين وثلاثة جرحى.');
  assert.deepEqual([twoDead.fatalities, twoDead.injured], [2, 3]);
  const dozens = only('سقط عشرات الجرحى في اشتباكات بمدينة سبها.');
  assert.equal(dozens.injured, 12);
  const none = only('اندلعت اشتباكات في مدينة الزاوية.');
  assert.equal(none.fatalities, 0);
  assert.ok(none.notes?.some((n) => /no fatality/.test(n)));
});

test('actors: agent and target, the two sides, allies, victims of violence against civilians', () => {
  const sides = only('اندلعت اشتباكات بين قوات الوفاق والجيش الوطني الليبي في مدينة غريان.', '2019-06-26');
  assert.deepEqual([sides.actor1?.id, sides.actor2?.id], ['ly-gna-forces', 'ly-lna']);
  const agent = only('قتل جنديان برصاص عناصر تنظيم داعش في مدينة سرت.', '2016-05-10');
  assert.equal(agent.actor1?.id, 'ly-islamic-state');
  const support = only('قصفت قوات الجيش الوطني مواقع في مدينة درنة بمساندة سلاح الجو.', '2018-05-10');
  assert.equal(support.actor1?.id, 'ly-lna');
  assert.deepEqual(
    support.assoc_actor_1.map((a) => a.id),
    ['ly-lna-air-force'],
  );
  const abducted = only('خطف مسلحون مجهولون ثلاثة مدنيين من منطقة الهواري في بنغازي.');
  assert.equal(abducted.actor1?.id, 'unidentified-armed-group-ly');
  assert.equal(abducted.actor2?.id, 'civilians-ly');
  const victims = only('أطلق مسلحون مجهولون النار على مدنيين في سوق بمدينة سبها.');
  assert.equal(victims.event_type, 'Violence against civilians');
  assert.equal(victims.actor2?.id, 'civilians-ly');
});

test('one event, many mentions: the lead and a quotation are one event with two evidence spans', () => {
  const events = extract(
    'نفذ الطيران غارة جوية على مواقع في مدينة سرت أمس. وقال مصدر عسكري إن «الغارات استهدفت مخازن ذخيرة في سرت».',
  );
  assert.equal(events.length, 1);
  assert.equal(events[0].evidence.length, 2);
  assert.equal(events[0].sub_event_type, 'Air/drone strike');
});

test('taking several places makes one event per place; fighting and the agent decide the type', () => {
  const fought = extract('أعلن الجيش الوطني الليبي السيطرة على العزيزية وغريان بعد معارك عنيفة.', '2019-04-08');
  assert.deepEqual(
    fought.map((e) => e.location?.id),
    ['ly-aziziya', 'ly-gharyan'],
  );
  for (const e of fought) assert.equal(e.sub_event_type, 'Government regains territory');
  const peaceful = only('أعلن الجيش الوطني الليبي السيطرة على غريان دون مقاومة.', '2019-04-08');
  assert.equal(peaceful.event_type, 'Strategic developments');
  assert.equal(peaceful.sub_event_type, 'Non-violent transfer of territory');
});

test('every span in the record is the text as written', () => {
  const text = 'قالت مصادرُ طبيةٌ إن غارةً جويةً استهدفت «مستشفى» في غريانَ، أمس، وأسفرت عن مقتل ٣ أشخاص.';
  const [e] = extract(text);
  for (const ev of [
    e.trigger,
    ...e.evidence,
    ...(e.claimed_by ? [e.claimed_by] : []),
    ...e.sources.flatMap((s) => (s.evidence ? [s.evidence] : [])),
  ]) {
    assert.equal(text.slice(ev.start, ev.end), ev.text);
  }
  assert.equal(e.fatalities, 3);
});

test('rules read the normalised words: harakat, hamza and ة do not hide a cue', () => {
  assert.deepEqual(
    extract('وصلت التعزيزات إلى جبهة القتال جنوب طرابلس.').filter((e) => e.event_type === 'Battles'),
    [],
  );
  assert.deepEqual(
    extract('دعا المجلس إلى وَقْفِ القتال في مدينة سرت.').filter((e) => e.event_type === 'Battles'),
    [],
  );
});

test('a number between two casualty words belongs to the nearer one', () => {
  const e = only('قتل مسلحون 5 مدنيين وأصابوا 7 آخرين في مدينة سبها.');
  assert.deepEqual([e.fatalities, e.injured], [5, 7]);
  const laqiya = extract(
    'وقال المصدر إن الاشتباكات في مدينة سرت أسفرت عن مقتل 5 أشخاص، ولقي 3 أشخاص على الأقل مصرعهم في مدينة الزاوية.',
  );
  assert.ok(
    laqiya.some((x) => x.fatalities === 3),
    JSON.stringify(laqiya.map((x) => [x.location?.id, x.fatalities])),
  );
});

test('a city named after another is not a landmark of it; storming a building is not taking territory', () => {
  const two = extract('قصفت الطائرات الحربية مواقع في مدينة سرت وبطرابلس.');
  assert.equal(two[0].location?.id, 'ly-sirte');
  assert.ok(!extract('اقتحم مسلحون مقر البلدية في مدينة سبها.').some((e) => /territory/.test(e.sub_event_type)));
});

test('a quarter or a village named with its city is in that city; a town named with its province is the place', () => {
  const ids = (text: string) => extract(text, '2017-03-21', false).map((e) => e.location?.id);
  assert.deepEqual(ids('اختطف مسلحون مجهولون ناشطا سياسيا في منطقة (حي دمشق) بطرابلس.'), ['ly-tripoli']);
  assert.deepEqual(ids('خطف ملثمون عاملا أجنبيا من منطقة المنشية وسط مدينة سبها مساء الأحد.'), ['ly-sabha']);
  // A village named by its direction from a city, but resolved to a namesake far from it.
  assert.deepEqual(ids('استكملت القوات اليمنية السيطرة على قرية المنظر جنوب الحديدة في اليمن.'), ['city:ye-hodeidah']);
  const town = extract('أدى قصف جوي أمس إلى مقتل 20 شخصا بمدينة خان شيخون في محافظة إدلب.', '2017-04-04', false);
  assert.equal(town[0]?.location?.name, 'Khan Shaykhun');
});

test("a place with a glued ب is governed; a base of the named city's province is not that city", () => {
  const ids = (text: string) => extract(text, '2018-07-12', false).map((e) => e.location?.id);
  // بالقنيطرة is where; قرب هضبة الجولان only says near what.
  assert.deepEqual(ids('شن الجيش هجوما صاروخيا على مواقع عسكرية بالقنيطرة قرب هضبة الجولان.'), ['sy-admin1-03']);
  assert.deepEqual(ids('قتل ضابط في الغارة على مطار تيفور شرق حمص فجر الاثنين.'), ['sy-tiyas-airbase']);
  // A village far from the city it is said to lie by, whatever lies between (an airport, a hashtag).
  assert.deepEqual(ids('دخلت القوات قرية المنظر الواقعة في محيط مطار #الحديدة أمس.'), ['city:ye-hodeidah']);
});

test('one event per place listed; a front line between two places is one', () => {
  const places = (text: string) => extract(text, '2018-06-02', false).map((e) => e.location?.name);
  assert.deepEqual(places('وشهدت مدن اربد ومعان والطفيلة احتجاجات واسعة الجمعة.').sort(), [
    'Aţ Ţafīlah',
    'Irbid',
    "Ma'an",
  ]);
  // A parenthesis about a place of the list neither breaks the list nor places the next one near.
  const listed = extract(
    'ولليوم الثالث على التوالي شهدت مدن السلط (30 كم غرب العاصمة) ومعان والطفيلة احتجاجات الجمعة.',
    '2018-06-02',
    false,
  );
  assert.deepEqual(listed.map((e) => [e.location?.name, e.location?.geo_precision]).sort(), [
    ['As Salţ', 1],
    ['Aţ Ţafīlah', 1],
    ["Ma'an", 1],
  ]);
  assert.equal(places('قتل عشرة مسلحين في معارك دارت بين محافظتي الجوف وصعدة الأحد.').length, 1);
});

test('an attack word placed elsewhere by its own clause is another event; a hashtag joins its words', () => {
  const events = extract(
    'اندلعت مواجهات عنيفة في ولاية نهر ياي صباح الأحد.\nوقال المتحدث إنهم هاجموا قواتنا في ولاية فشودة.',
    '2018-03-25',
    false,
  );
  assert.deepEqual(events.map((e) => e.location?.name).sort(), ['Kodok', 'Yei']);
  const hashtag = extract('اندلعت اشتباكات في #جنوب_السودان بين الجيش والمتمردين أمس.', '2018-03-25', false);
  assert.equal(hashtag[0]?.location?.country, 'SS');
});

test('troops moving up where and when the fighting is are part of the battle', () => {
  const events = extract(
    'تواصلت المعارك في مدينة درنة منذ الصباح، بحسب المتحدث العسكري.\nوقال المتحدث: "تقدمت قوات الجيش في درنة بعد اشتباكات في حي شيحا".',
    '2018-06-12',
    false,
  );
  assert.deepEqual(
    events.map((e) => e.event_type),
    ['Battles'],
  );
});

test("a foreign state's strike on military sites targets the forces of the country struck", () => {
  const [strike] = extract(
    'شن الجيش الإسرائيلي فجر الاثنين غارات على مواقع عسكرية سورية قرب دمشق.',
    '2018-05-10',
    false,
  );
  assert.equal(strike.actor2?.name, 'Military Forces of Syria (2000-2024)');
  assert.ok(strike.sources.some((s) => s.field === 'actor2' && s.rule === 'actor2.military-target'));
  const [homes] = extract('شن الجيش الإسرائيلي فجر الاثنين غارات على منازل في مدينة غزة.', '2018-05-10', false);
  assert.equal(homes.actor2?.name, 'Civilians (Palestine)', 'homes are no military site: who lives there is civilians');
});

test('victims and category actors: civilians of the event country', () => {
  const bomb = only('انفجرت سيارة مفخخة في سوق بمدينة حمص السورية ما أدى إلى مقتل 12 شخصا.', '2017-02-25');
  assert.equal(bomb.location?.country, 'SY');
  assert.equal(bomb.actor2?.name, 'Civilians (Syria)');
  const kidnap = only('اختطف مسلحون مجهولون مهندسا تركيا في مدينة سبها.');
  assert.equal(kidnap.location?.id, 'ly-sabha', 'تركيا here is "Turkish", the town is the place');
  assert.equal(kidnap.actor1?.id, 'unidentified-armed-group-ly');
  assert.equal(kidnap.actor2?.id, 'civilians-ly');
  assert.ok(!extract('هاجم مسلحون سيارة تنقل مبلغا ماليا في غريان.').some((e) => e.location?.country === 'ML'));
});

test("a coalition's leader, a drone's owner or a border named for reference is not where it happened", () => {
  // The rules alone: the place is chosen whatever the judge makes of a one-line report.
  const countries = (text: string) => extract(text, '2019-04-08', false).map((e) => e.location?.country);
  assert.deepEqual(countries('لقي قائد ميداني حوثي حتفه في اليمن بغارة شنها التحالف الذي تقوده السعودية.'), ['YE']);
  assert.deepEqual(countries('قتل قيادي في طالبان في أفغانستان في هجوم شنته طائرة مسيرة تابعة للولايات المتحدة.'), [
    'AF',
  ]);
  assert.deepEqual(countries('سقط جنديان في كمين في شمال شرق مالي، في المنطقة المحاذية للنيجر.'), ['ML']);
  // A country with no preposition is a party, not a place; a time zone is no place either.
  assert.deepEqual(countries('اعتقلت ألمانيا موظفا قنصليا أجنبيا.'), [undefined]);
  assert.deepEqual(countries('قصفت طائرات مواقع بالسعودية عند الساعة السابعة بتوقيت نيويورك.'), ['SA']);
  assert.deepEqual(countries('طالبت روسيا مجلس الأمن بإدانة الغارات الجوية التي قادتها الولايات المتحدة على دمشق.'), [
    'SY',
  ]);
  // A town of another country named in the sentence does not hide the event's country.
  const sahel = extract(
    'قتل جنديان فرنسيان في هجوم في شمال شرق مالي، وهي جماعة معروفة في مدينة واغادوغو.',
    '2018-03-03',
    false,
  );
  assert.equal(
    sahel.find((e) => e.trigger.text === 'هجوم')?.location?.country,
    'ML',
    JSON.stringify(sahel.map((e) => [e.trigger.text, e.location?.country])),
  );
});

test('every candidate gets a verdict: kept in an event, or rejected by a named rule with its reason', () => {
  const article = {
    id: 'test',
    title: '',
    text: 'تعتزم القوات شن هجوم على مدينة سرت خلال الأيام المقبلة. وشنت طائرات حربية غارات على مواقع في مدينة سرت أمس.',
    published: '2019-04-08',
    publishedAt: null,
    publishedRaw: null,
    origins: [],
  };
  const doc = runPipeline(article, loadPipelineContext());
  const words = (c: (typeof doc.candidates)[number]) => article.text.slice(c.trigger.start, c.trigger.end);
  const planned = doc.candidates.find((c) => words(c) === 'هجوم');
  assert.ok(planned && !planned.verdict.kept, 'the planned attack is a rejected candidate');
  assert.equal(planned.verdict.reason, 'plan_threat_call');
  assert.match(planned.verdict.rule, /^modality\.planned/);
  assert.ok(planned.verdict.why.length > 0);
  const strike = doc.candidates.find((c) => words(c) === 'غارات');
  assert.ok(strike?.verdict.kept, 'the air strike is kept');
  assert.equal(strike.verdict.event, doc.events[0]?.id);
  assert.equal(doc.events.length, 1);
});

test('a definite attack noun its clause places nowhere names again the event just told; placed elsewhere, it is another', () => {
  const events = (text: string) => mergedByRules(text, '2018-05-02').map((e) => [e.sub_event_type, e.fatalities]);
  assert.deepEqual(
    events('قصفت طائرات حربية سوقا في مدينة دوما صباح اليوم فقتلت 9 أشخاص. وقال مسعفون إن القصف دمر عدة محال تجارية.'),
    [['Air/drone strike', 9]],
  );
  assert.deepEqual(
    events(
      'قصفت طائرات حربية سوقا في مدينة دوما صباح اليوم فقتلت 9 أشخاص. وقال مسعفون إن القصف على مدينة حلب قتل 4 آخرين.',
    ).length,
    2,
  );
});

test('a weapon named as a thing found, held or handed over is no strike; one that fell is', () => {
  const types = (text: string) => extract(text, '2018-05-02').map((e) => e.event_type);
  assert.ok(
    !types('عثرت الشرطة على صواريخ وقذائف هاون في مخبأ بمدينة الموصل أمس.').includes('Explosions/Remote violence'),
  );
  assert.ok(
    !types('كان المعتقلون يحملون عبوات ناسفة عند حاجز في مدينة الموصل أمس.').includes('Explosions/Remote violence'),
  );
  // Removed from the ground, after a long subject and a count (انتزعت الفرق الهندسية … المئات من).
  assert.ok(
    !types(
      'انتزعت فرق الهندسة العسكرية التابعة للجيش في محافظة مأرب أمس المئات من الألغام الأرضية والعبوات الناسفة.',
    ).includes('Explosions/Remote violence'),
  );
  // Far from the weapon, the finding or the taking is of something else: the dead of a blast, a town.
  assert.deepEqual(types('عثرت الشرطة على جثث ثلاثة أشخاص قتلوا جراء انفجار لغم أرضي في منطقة قرب مدينة الجوف أمس.'), [
    'Explosions/Remote violence',
  ]);
  assert.deepEqual(types('انتزعت القوات السيطرة على البلدة بعد قصفها بالصواريخ أمس قرب مدينة إدلب.'), [
    'Explosions/Remote violence',
  ]);
  assert.deepEqual(types('سقطت صواريخ على حي سكني في مدينة الموصل أمس فقتلت 3 مدنيين.'), [
    'Explosions/Remote violence',
  ]);
});

test("figures of a sentence dated to a day before the event's are another occurrence's", () => {
  const tolls = (text: string) => extract(text, '2018-03-21').map((e) => e.fatalities);
  assert.deepEqual(
    tolls(
      'قتل 20 شخصا في تفجير انتحاري استهدف سوقا في مدينة قندهار اليوم الأربعاء. وكان انفجار مماثل قد أودى بحياة 4 أشخاص في المدينة يوم 17 مارس.',
    ),
    [20],
  );
  assert.deepEqual(
    tolls(
      'قتل 20 شخصا في تفجير انتحاري استهدف سوقا في مدينة قندهار اليوم الأربعاء. وارتفع عدد القتلى مساء إلى 23 شخصا.',
    ),
    [23],
  );
});

test('a definite attack noun refers back to the event told in the sentences just before, lead and details alike', () => {
  const events = mergedByRules(
    'لقي 9 أشخاص حتفهم بتفجير انتحاري نفذته حركة الشباب في سوق بمدينة مقديشو اليوم الثلاثاء. وأوضحت الشرطة أن الانتحاري فجر نفسه وسط الحشد. وأغلقت قوات الأمن الطرق المؤدية إلى المكان. وقال قائد في الجيش الصومالي إن الهجوم الانتحاري أوقع أضرارا كبيرة.',
    '2018-07-10',
  );
  assert.deepEqual(
    events.map((e) => [e.sub_event_type, e.fatalities]),
    [['Suicide bomb', 9]],
  );
});

test('a definite attack noun that refers back lends the event no party: its clause names the speaker', () => {
  const [event] = mergedByRules(
    'قصفت طائرات حربية سوقا في مدينة دوما صباح اليوم فقتلت 9 أشخاص. وقال قائد في جيش الإسلام إن القصف دمر عدة محال تجارية.',
    '2018-05-02',
  );
  assert.equal(event?.actor1?.id, 'unidentified-military-forces');
});

test('a road a crowd closes in the sentence of its protest is part of the protest, not a strategic development', () => {
  const events = mergedByRules(
    'تظاهر المئات من العراقيين في مدينة البصرة أمس وأغلقوا الطريق السريع المؤدي إلى الميناء احتجاجا على انقطاع الكهرباء.',
    '2018-07-16',
  );
  assert.deepEqual(
    events.map((e) => e.event_type),
    ['Protests'],
  );
});

test('an attack named as what an inquiry or a case is about is its topic, not its report', () => {
  assert.deepEqual(
    extract('طالبت الأمم المتحدة أمس بفتح تحقيق في الهجوم على حافلة مدرسية في مدينة صعدة.', '2018-08-11'),
    [],
  );
  assert.deepEqual(extract('أعادت النيابة فتح ملف قضية اغتيال ضابط كبير في مدينة بنغازي.', '2018-08-11'), []);
  // What someone is accused of: the accuser may stand between (اتهمتها السلطات بتنفيذ التفجير).
  const accused = analysed(
    'داهمت الشرطة أمس شقة في مدينة طنطا تقيم فيها خلية تتهمها الحكومة بتنفيذ تفجير بكنيسة المدينة.',
    '2018-08-11',
  );
  const bombing = accused.candidates.find((c) => c.entryId === 'explosion');
  assert.equal(bombing?.verdict.kept === false && bombing.verdict.rule, 'reject.topic');
  const longer = analysed(
    'داهمت الشرطة أمس شقة في مدينة طنطا تقيم فيها خلية اتهمت السلطات المصرية الجماعة بتنفيذ تفجير بكنيسة المدينة.',
    '2018-08-11',
  ).candidates.find((c) => c.entryId === 'explosion');
  assert.equal(longer?.verdict.kept === false && longer.verdict.rule, 'reject.topic', 'three words between');
});

test('an attack in words (هجوما لاذعا) is none; a violent one (هجوما عنيفا) is', () => {
  // The rules alone: the learned judge may turn it down as well.
  assert.deepEqual(extract('شن رئيس الوزراء هجوما لاذعا على المعارضة في مدينة بغداد أمس.', '2018-08-11', false), []);
  assert.equal(extract('شن مسلحون هجوما عنيفا على حاجز للجيش في مدينة العريش أمس.', '2018-08-11').length, 1);
});

test('holding hostages is a hostage-taking, not an arrest; the police holding suspects is an arrest', () => {
  const types = (text: string) => extract(text, '2018-03-24').map((e) => e.sub_event_type);
  assert.deepEqual(
    types('هاجم مسلح متجرا في بلدة قرب مدينة ليون أمس واحتجز عددا من المتسوقين رهائن قبل أن تقتله الشرطة.'),
    ['Abduction/forced disappearance'],
  );
  assert.deepEqual(types('احتجزت الشرطة ثلاثة أشخاص في مدينة ليون أمس للاشتباه في صلتهم بالهجوم.'), ['Arrests']);
});

test('an embassy opened is no base established; a military headquarters is', () => {
  const types = (text: string) => extract(text, '2018-05-15').map((e) => e.sub_event_type);
  assert.ok(
    !types('أثار افتتاح مقر القنصلية الفرنسية في مدينة أربيل أمس ترحيبا رسميا.').includes(
      'Headquarters or base established',
    ),
  );
  assert.deepEqual(types('أعلنت القوات التركية افتتاح مقر عسكري جديد في بلدة قرب مدينة الباب أمس.'), [
    'Headquarters or base established',
  ]);
});

test('a weapon listed among those a report names (من بينها الصواريخ) is no strike', () => {
  assert.ok(
    !extract(
      'يشكو سكان مدينة سبها من انتشار الأسلحة الثقيلة في أحيائهم، ومن بينها الصواريخ والمدافع المضادة للطائرات.',
      '2018-08-30',
      false,
    ).some((e) => e.event_type === 'Explosions/Remote violence'),
  );
});

test('the day a thing is set for (المقررة في) is not the day of an event its sentence tells', () => {
  // Published on the 8th: the ballot of the 20th is not the day of the clash, which falls in the week.
  const clash = only('اندلعت اشتباكات في مدينة الزاوية قبل الانتخابات البلدية المقررة في 20 نيسان/أبريل.');
  assert.notEqual(clash.date, '2019-04-20');
  assert.equal(clash.time_precision, 2);
  // A day in the sentence that no such word sets still dates it.
  assert.equal(only('اندلعت اشتباكات في مدينة الزاوية في 6 نيسان/أبريل.').date, '2019-04-06');
});

test('a killing named as what will lead to something (وسيؤدي قتل فلان إلى) is spoken of, not told again', () => {
  const text =
    'قتل القيادي في الجماعة سالم الورفلي في غارة جوية على مدينة درنة أمس. ' +
    'وسيؤدي قتل الورفلي برصاص القناصة إلى إضعاف الجماعة أكثر مما أضعفتها المعارك.';
  const events = extract(text);
  assert.equal(events.length, 1, events.map((e) => `${e.sub_event_type}«${e.trigger.text}»`).join(', '));
  assert.equal(events[0].sub_event_type, 'Air/drone strike');
  // An attack noun after it, as much as a killing word with its agent.
  assert.deepEqual(extract('وسيؤدي اغتيال القيادي سالم الورفلي في مدينة درنة إلى إضعاف الجماعة.'), []);
});

test("a sentence of figures its words date to an earlier year lends them to no event of the article's", () => {
  const text = 'شن مسلحون هجوما على دورية للجيش في مدينة درنة أمس. ' + 'وفي 2014 سقط أكثر من 150 قتيلا في المدينة.';
  const [attack] = mergedByRules(text, '2019-04-08');
  assert.equal(attack?.fatalities, 0);
  // The article's own year is no earlier one.
  const now = mergedByRules(
    'شن مسلحون هجوما على دورية للجيش في مدينة درنة أمس. ' + 'وفي 2019 سقط 3 قتلى.',
    '2019-04-08',
  );
  assert.equal(now[0]?.fatalities, 3);
});

test('an event of an article that names no place within the country it tells of is placed in that country', () => {
  const text =
    'قتل 17 جنديا على الأقل في هجوم شنه مسلحون على قاعدة عسكرية ليل الجمعة، بحسب مسؤولين. ' +
    'وتتصاعد هجمات طالبان في أفغانستان منذ بداية العام.';
  const event = only(text);
  assert.equal(event.location?.country, 'AF');
  assert.equal(event.location?.geo_precision, 3);
  assert.equal(event.sources.find((s) => s.field === 'location')?.rule, 'place.article-country');
  // A country named as a party, not as where things happen, places nothing.
  const party = only('قتل 17 جنديا على الأقل في هجوم شنه مسلحون على قاعدة عسكرية ليل الجمعة. وأدانت فرنسا الهجوم.');
  assert.equal(party.location, null);
});

test('the protesters after a verb of what they chanted or carried add to a protest told elsewhere, and report none', () => {
  for (const text of [
    'وهتف المتظاهرون ضد وزير المالية وطالبوا برحيله.',
    'ورفع المحتجون صورا للمعتقلين ولافتات تندد بالغلاء.',
  ]) {
    const doc = analysed(text, '2019-04-08', false);
    assert.deepEqual(doc.events, [], text);
    assert.equal(verdictOf(doc, 'protest_participants'), 'reject.crowd-voices', text);
  }
  // Told with the protest, they are its crowd: one event.
  const told = extract(
    'تظاهر مئات العمال أمام مقر الحكومة في تونس العاصمة أمس. وهتف المتظاهرون ضد وزير المالية.',
    '2019-04-08',
    false,
  );
  assert.equal(told.length, 1);
  // Nor where the article tells of no other protest: the text does not open on و, they are its report.
  assert.equal(
    only('رفع المتظاهرون في مدينة صفاقس أمس شعارات تطالب برحيل الحكومة.', '2019-04-08', false).event_type,
    'Protests',
  );
  // Protesters who act, or protesters not yet named, report a protest of their own.
  assert.equal(only('وأغلق المتظاهرون الطريق الرئيسي في مدينة صفاقس أمس.', '2019-04-08', false).event_type, 'Protests');
  assert.equal(only('ورفع متظاهرون لافتات ضد الحكومة في مدينة صفاقس أمس.', '2019-04-08', false).event_type, 'Protests');
});

test('a blast attempted is not told to have gone off', () => {
  const doc = analysed('وكان المتهم قد حاول تفجير سيارة مفخخة أمام مبنى البلدية في مدينة بنزرت قبل أن تعتقله الشرطة.');
  assert.ok(doc.events.every((e) => e.event_type !== 'Explosions/Remote violence'));
  assert.equal(verdictOf(doc, 'car_bomb'), 'reject.attempted-blast');
  // Nor when the trigger is the word تفجير itself.
  assert.ok(
    extract('أحبطت الشرطة محاولة تفجير سيارة مفخخة في مدينة بنزرت أمس.', '2019-04-08', false).every(
      (e) => e.event_type !== 'Explosions/Remote violence',
    ),
  );
  // The blast of a car bomb still reports it.
  assert.equal(only('قتل خمسة أشخاص في تفجير سيارة مفخخة أمام مبنى البلدية في مدينة بنزرت أمس.').fatalities, 5);
});

test('an attack no known group made, and its arrest, are ordinary crime where the article says it was no terror', () => {
  const attack = 'فتح رجل مسلح النار على رواد مقهى في مدينة ليون مساء أمس فقتل ثلاثة منهم قبل أن تعتقله الشرطة.';
  assert.equal(extract(attack, '2019-04-08', false).length, 1);
  const said = analysed(`${attack} وقال متحدث باسم الشرطة إن الحادث ليس إرهابيا.`, '2019-04-08', false);
  assert.deepEqual(said.events, []);
  assert.ok(said.candidates.every((c) => c.verdict.rule === 'reject.said-not-terror'));
  // Words near such a statement that deny nothing of the kind are none (a claim not yet made, a
  // hypothesis ruled out in favour of terror, "not only"), and what the article tells after the
  // statement is not what it speaks of.
  for (const statement of [
    'ولا توجد حتى الآن أي جهة أعلنت مسؤوليتها عن العمل الإرهابي.',
    'واستبعد المحققون فرضية الحادث ورجحوا فرضية العمل الإرهابي.',
    'وقالت الشرطة إن الحادث لم يكن إرهابيا فحسب بل طائفيا.',
  ])
    assert.equal(extract(`${attack} ${statement}`, '2019-04-08', false).length, 1, statement);
  const later = extract(
    `${attack} وقالت الشرطة إن الحادث ليس إرهابيا. وفي حادث منفصل، قصفت طائرات حربية مواقع لتنظيم داعش قرب مدينة الرقة أمس.`,
    '2019-04-08',
    false,
  );
  assert.deepEqual(
    later.map((e) => e.sub_event_type),
    ['Air/drone strike'],
  );
  // Terror named, not denied, is no such statement.
  assert.equal(extract(`${attack} وقال متحدث باسم الشرطة إن الحادث إرهابي.`, '2019-04-08', false).length, 1);
});

test('troops told right after a battle with no place, day or agent of their own are part of it', () => {
  const fight = 'هاجم مسلحون مبنى المحافظة في مدينة أربيل صباح أمس واشتبكوا مع قوات الأمن.';
  const events = extract(`${fight} وجرى نشر المزيد من التعزيزات حول المبنى.`, '2019-04-08', false);
  assert.deepEqual(
    events.map((e) => e.sub_event_type),
    ['Armed clash'],
  );
  // Troops told before the battle are not its.
  assert.equal(
    extract(`وجرى نشر المزيد من التعزيزات في المدينة تحسبا لأي طارئ. ${fight}`, '2019-04-08', false).length,
    2,
  );
  // Troops a group sends are its own move.
  assert.equal(extract(`${fight} ودفع الجيش العراقي بتعزيزات إلى مدينة كركوك.`, '2019-04-08', false).length, 2);
});

test("a territory word that names a square or a street is the site's name", () => {
  const doc = analysed(
    'تجمع مئات المحتجين في ميدان التحرير وسط القاهرة أمس احتجاجا على غلاء الأسعار.',
    '2019-04-08',
    false,
  );
  assert.deepEqual(
    doc.events.map((e) => e.sub_event_type),
    ['Peaceful protest'],
  );
  assert.equal(verdictOf(doc, 'territory_recapture'), 'reject.site-name');
  // Liberation itself is still read.
  assert.equal(extract('أعلن الجيش العراقي تحرير مدينة الموصل من تنظيم داعش أمس.', '2019-04-08', false).length, 1);
});

test('what is demanded or called for has not happened', () => {
  const doc = analysed(
    'تجمع مئات المحتجين أمام مقر الحكومة في مدينة صفاقس أمس للمطالبة بالإفراج عن المعتقلين.',
    '2019-04-08',
    false,
  );
  assert.deepEqual(
    doc.events.map((e) => e.sub_event_type),
    ['Peaceful protest'],
  );
  assert.equal(verdictOf(doc, 'release'), 'modality.called-for');
  assert.deepEqual(
    extract('ودعت أحزاب المعارضة إلى مظاهرات حاشدة في مدينة صفاقس يوم الجمعة.', '2019-04-08', false),
    [],
  );
});

test('"earlier" before the أن of what was said dates the saying, not what was said', () => {
  const text = 'وذكرت وكالة محلية في وقت سابق أن خمسة مسلحين قتلوا في غارة جوية على مخبأ في ولاية ننكرهار أمس.';
  const doc = analysed(text, '2019-04-08', false);
  assert.notEqual(verdictOf(doc, 'air_strike_phrase'), 'history.cue');
  assert.equal(only(text, '2019-04-08', false).fatalities, 5);
  // A year before the article's still dates it, and "earlier" with no أن still dates its clause.
  // بأن as أن.
  const withBi = 'وذكرت وكالة محلية في وقت سابق بأن خمسة مسلحين قتلوا في غارة جوية على مخبأ في ولاية ننكرهار أمس.';
  assert.notEqual(verdictOf(analysed(withBi, '2019-04-08', false), 'air_strike_phrase'), 'history.cue');
  for (const past of [
    'وذكرت وكالة محلية عام 2015 أن خمسة مسلحين قتلوا في غارة جوية على مخبأ في ولاية ننكرهار.',
    'وقتل في وقت سابق خمسة مسلحين في غارة جوية على مخبأ في ولاية ننكرهار.',
    // Other background words date what was said too: only "earlier" is the news cycle's.
    'وكانت الأمم المتحدة ذكرت العام الماضي أن خمسة مسلحين قتلوا في غارة جوية على مخبأ في ولاية ننكرهار.',
  ])
    assert.equal(verdictOf(analysed(past, '2019-04-08', false), 'air_strike_phrase'), 'history.cue', past);
});

test('bombs used in a fight are how it was fought, not events of their own', () => {
  // The fight is told first, then again where the bombs were used in it.
  const text =
    'قال المتحدث العسكري إن معارك عنيفة تدور في مدينة درنة منذ أمس. وأضاف أن قوات الجيش تقدمت في حي الصحابة بعد اشتباكات عنيفة استخدم فيها المسلحون سيارة مفخخة وانتحاريين.';
  const events = extract(text, '2019-04-08', false);
  assert.deepEqual(
    events.map((e) => e.sub_event_type),
    ['Armed clash'],
  );
  // A bomb used in another clause of the sentence, at another town, is an event of its own.
  const elsewhere = extract(
    'قتل جنديان في اشتباكات مع مسلحين في مدينة درنة أمس، بينما قتل ثلاثة مدنيين في مدينة بنغازي حين استخدم مجهولون سيارة مفخخة في هجوم على سوق.',
    '2019-04-08',
    false,
  );
  assert.deepEqual(
    elsewhere.map((e) => e.event_type),
    ['Battles', 'Explosions/Remote violence'],
  );
  // A bomb told apart, in another town, is a blast of its own beside the fight.
  const apart = extract(
    'وقال المتحدث العسكري إن اشتباكات عنيفة دارت في حي الصحابة بمدينة درنة أمس. وفي مدينة بنغازي انفجرت سيارة مفخخة قرب مسجد أمس.',
    '2019-04-08',
    false,
  );
  assert.ok(
    apart.some((e) => e.event_type === 'Explosions/Remote violence'),
    JSON.stringify(apart.map((e) => e.sub_event_type)),
  );
});

test('an act named as the point since which something goes on is past, told elsewhere', () => {
  const doc = analysed(
    'وقال الوزير إن الأسواق في مدينة الرمادي بقيت مغلقة منذ الهجوم الانتحاري على مركز الشرطة.',
    '2019-04-08',
    false,
  );
  assert.equal(verdictOf(doc, 'suicide_bombing'), 'reject.time-reference');
  assert.deepEqual(doc.events, []);
  // After و as well; and the dead of the act told since are not lent to the report before it.
  const lent = analysed(
    'قصفت الطائرات الحربية بلدة معرة النعمان اليوم. وتصاعدت المخاوف منذ الهجوم الكيميائي الذي أودى بحياة 40 شخصا.',
    '2019-04-08',
    false,
  );
  assert.deepEqual(
    lent.events.map((e) => [e.sub_event_type, e.fatalities]),
    [['Air/drone strike', 0]],
  );
  // An act its clause dates to the report's day is the report's own.
  const today = only(
    'نزح مئات السكان من بلدة كفرنبل منذ القصف المدفعي الذي استهدفها فجر اليوم وقتل ثلاثة مدنيين.',
    '2019-04-08',
    false,
  );
  assert.equal(today.event_type, 'Explosions/Remote violence');
});

test('the dead a span of time after which a report is told are its anchor, not its event', () => {
  const text = 'بعد أسبوع على مقتل 17 متظاهرا برصاص الشرطة في مدينة البصرة، يستعد المحتجون للتظاهر مجددا اليوم.';
  assert.deepEqual(extract(text, '2018-06-10', false), []);
  // Dead told with no such span before them are the report's own.
  assert.equal(only('قتل 17 متظاهرا برصاص الشرطة في مدينة البصرة أمس.', '2018-06-10', false).fatalities, 17);
});
