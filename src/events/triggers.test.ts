import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './triggers.js';
import { findCues, findTriggers, viewWords } from './triggers.js';
import { loadCues, loadTriggerLexicon } from './lexicon.js';
import { normalize } from '../text/normalize.js';

const lexicon = loadTriggerLexicon();
const cues = loadCues();

/** [text as written in the original, entryId, sub_event_type, PLOVER mode] for each trigger. */
type Found = [string, string, string, string | undefined];

function triggers(sentence: string): Found[] {
  return findTriggers(normalize(sentence), lexicon).map((m) => [
    sentence.slice(m.span.start, m.span.end),
    m.entryId,
    m.sub_event_type,
    m.plover.mode,
  ]);
}

test('public API names', () => {
  for (const name of ['findTriggers', 'findCues', 'viewWords']) assert.ok(name in api, name);
});

test('sentences → triggers', () => {
  const table: [string, Found[]][] = [
    [
      'وبالغارات الجوية دمرت القوات مخازن الذخيرة',
      [
        ['غارات الجوية', 'air_strike_phrase', 'Air/drone strike', 'aerial'],
        // Destroying beside air strikes is the strike (when_nearby of destruction).
        ['دمرت', 'destruction', 'Air/drone strike', 'aerial'],
      ],
    ],
    ['وهدمت الجرافات منازل في القرية', [['هدمت', 'destruction', 'Looting/property destruction', 'destroy']]],
    // A crowd and the Popular Mobilisation are no mobilisation of troops; a military build-up is.
    ['ألقى كلمة وسط حشد من المعزين', []],
    ['وقالت قوات الحشد الشعبي', []],
    ['حشدت القوات الحكومية مقاتليها', [['حشدت', 'mobilisation', 'Other', 'troops']]],
    ['أرسل الجيش حشودا عسكرية', [['حشودا عسكرية', 'mobilisation', 'Other', 'troops']]],
    // A drone shot down with its bombs is still shot down; only barrels dropped make a strike.
    ['أسقطت الدفاعات طائرة محملة بقنابل', [['أسقطت', 'aircraft_shot_down', 'Disrupted weapons use', 'heavy-weapons']]],
    ['والاشتباكات تتواصل منذ الصباح', [['اشتباكات', 'clash_noun', 'Armed clash', 'firearms']]],
    [
      'قصفت المدفعية أحياء سكنية',
      [
        ['قصفت', 'shelling_bare', 'Shelling/artillery/missile attack', 'heavy-weapons'],
        ['مدفعية', 'shelling_artillery', 'Shelling/artillery/missile attack', 'heavy-weapons'],
      ],
    ],
    ['تقصف الطائرات الحربية مواقع المسلحين', [['تقصف', 'shelling_bare', 'Air/drone strike', 'aerial']]],
    // A fire the crowd set is a riot where protesters are near; a tyre set alight too.
    [
      'اقتحم المحتجون مقر الحزب وأضرموا النار فيه',
      [
        ['اقتحم', 'territory_storming', 'Armed clash', 'seize'],
        ['محتجون', 'protest_participants', 'Peaceful protest', 'demo'],
        ['أضرموا النار', 'riot_arson', 'Violent demonstration', 'riot'],
      ],
    ],
    [
      'واصل المتظاهرون الاحتجاج حيث أشعلوا النار في إطارات السيارات',
      [
        ['متظاهرون', 'protest_participants', 'Peaceful protest', 'demo'],
        ['احتجاج', 'protest', 'Peaceful protest', 'demo'],
        ['أشعلوا النار في إطارات', 'riot_tyres', 'Violent demonstration', 'riot'],
      ],
    ],
    // A ballistic missile is fired from the ground, whatever air words (the air defence that
    // intercepted it) stand near; other missiles near air words are an air strike's.
    [
      'اعترضت قوات الدفاع الجوي صاروخا باليستيا فوق المدينة',
      [['صاروخا', 'shelling_munition', 'Shelling/artillery/missile attack', 'heavy-weapons']],
    ],
    [
      'تصدت الدفاعات الجوية السورية لصواريخ إسرائيلية استهدفت المطار',
      [['صواريخ', 'shelling_munition', 'Air/drone strike', 'aerial']],
    ],
    ['اشتبكت دورية مع مسلحين قرب البوابة', [['اشتبكت', 'clash_verb', 'Armed clash', 'firearms']]],
    ['سيطرت الكتيبة على المعسكر بالكامل', [['سيطرت', 'territory_control_verb', 'Armed clash', 'seize']]],
    ['يسيطر المسلحون على الطريق الساحلي', [['يسيطر', 'territory_control_verb', 'Armed clash', 'seize']]],
    ['استعادت القوات الحكومية المدينة', [['استعادت', 'territory_recapture', 'Armed clash', 'seize']]],
    ['نُفِّذَت ضربةٌ جويةٌ على مخزن', [['نُفِّذَت ضربةٌ جويةٌ', 'air_strike_launch', 'Air/drone strike', 'aerial']]],
    ['أصابت الضربة مخزنا', []],
    ['استهدفت طائرة مسيرة رتلا عسكريا', [['طائرة مسيرة', 'drone_phrase', 'Air/drone strike', 'drone']]],
    [
      'أسقطت الدفاعات مسيرة قرب القاعدة',
      [
        ['أسقطت', 'aircraft_shot_down', 'Disrupted weapons use', 'heavy-weapons'],
        ['مسيرة', 'drone_masira_context', 'Air/drone strike', 'drone'],
      ],
    ],
    ['انطلقت مسيرة سلمية في الميدان', [['مسيرة سلمية', 'protest_phrase', 'Peaceful protest', 'demo']]],
    ['شارك المئات في مسيرة رافعين لافتات', [['مسيرة', 'protest_masira_context', 'Peaceful protest', 'demo']]],
    ['كانت مسيرة الرجل طويلة', []],
    ['انفجرت سيارة مفخخة أمام المقر', [['سيارة مفخخة', 'car_bomb', 'Remote explosive/landmine/IED', 'explosives']]],
    [
      'فجر انتحاري سيارة مفخخة عند البوابة',
      [
        ['انتحاري', 'suicide_bomber', 'Suicide bomb', 'suicide-attack'],
        ['سيارة مفخخة', 'car_bomb', 'Suicide bomb', 'suicide-attack'],
      ],
    ],
    ['أعلن الطرفان وقف إطلاق النار اعتبارا من الليلة', [['وقف إطلاق النار', 'ceasefire', 'Agreement', 'ceasefire']]],
    ['سُمع إطلاق النار في الحي', [['إطلاق النار', 'clash_gunfire', 'Armed clash', 'firearms']]],
    ['ضبطت الجمارك شحنة أسلحة في الميناء', [['ضبطت', 'weapons_seizure', 'Disrupted weapons use', 'seize']]],
    ['ضبط الحكم المباراة بصرامة', []],
    ['أوقفت السلطات سفينة محملة بالمتفجرات', [['أوقفت', 'arrest_stop', 'Disrupted weapons use', 'seize']]],
    ['أوقفت الشرطة ثلاثة مطلوبين', [['أوقفت', 'arrest_stop', 'Arrests', 'arrest']]],
    ['ألقت الأجهزة الأمنية القبض على المتهم', [['ألقت الأجهزة الأمنية القبض', 'arrest', 'Arrests', 'arrest']]],
    ['اختطف مسلحون مجهولون طبيبا', [['اختطف', 'abduction', 'Abduction/forced disappearance', 'abduct']]],
    ['أطلق مسلحون النار على مدنيين في السوق', [['أطلق مسلحون النار على', 'opened_fire', 'Attack', 'targeted']]],
    ['دخلت قوات الجيش المدينة', [['دخلت', 'territory_entry', 'Armed clash', 'seize']]],
    ['لا تدخل في الشؤون الداخلية', []],
    ['تم إعلان حظر التجول في المدينة', [['حظر التجول', 'curfew', 'Change to group/activity', 'curfew']]],
    ['هاجم مسلحون حاجزا أمنيا', [['هاجم', 'clash_attack', 'Armed clash', 'firearms']]],
    ['هاجم مسلحون قرية وروعوا المدنيين', [['هاجم', 'clash_attack', 'Attack', 'targeted']]],
    [
      'أحرق المتظاهرون الغاضبون الإطارات وأغلقوا الطريق',
      [
        ['أحرق', 'arson', 'Looting/property destruction', 'destroy'],
        ['متظاهرون', 'protest_participants', 'Peaceful protest', 'demo'],
        ['أغلقوا', 'closure', 'Other', 'restrict'],
      ],
    ],
    [
      'وسط حرق الإطارات رفع المحتجون شعاراتهم',
      [
        ['حرق الإطارات', 'riot_tyres', 'Violent demonstration', 'riot'],
        ['محتجون', 'protest_participants', 'Peaceful protest', 'demo'],
      ],
    ],
  ];
  for (const [sentence, expected] of table) assert.deepEqual(triggers(sentence), expected, sentence);
});

test('clitics, tense and future', () => {
  const sentence = 'وسيقصفون المواقع، ولاعتقال المشتبه بهم';
  const found = findTriggers(normalize(sentence), lexicon);
  assert.deepEqual(
    found.map((m) => [sentence.slice(m.fullSpan.start, m.fullSpan.end), m.proclitic, m.tense]),
    [
      ['وسيقصفون', 'وس', 'future'],
      ['ولاعتقال', 'ول', null],
    ],
  );
});

test('longest match: the phrase beats its parts', () => {
  const cases: [string, string][] = [
    ['ضربة جوية', 'air_strike_phrase'],
    ['قصف مدفعي', 'shelling_phrase'],
    ['وقف إطلاق النار بعد اتفاق', 'ceasefire'],
    ['إعدام ميداني', 'execution'],
    ['هجوم مضاد', 'clash_counterattack'],
  ];
  for (const [text, id] of cases) {
    const found = findTriggers(normalize(text), lexicon);
    assert.equal(found[0]?.entryId, id, text);
    assert.equal(found[0].form.split(' ').length >= 2, true, text);
  }
});

test('spans are original offsets even with harakat and tatweel', () => {
  const sentence = 'وقد شـنّت الطائراتُ غاراتٍ عنيفة';
  const [m] = findTriggers(normalize(sentence), lexicon);
  assert.equal(m.entryId, 'air_strike_raid');
  assert.equal(sentence.slice(m.span.start, m.span.end), 'غاراتٍ');
});

test('context: requirement, territory and modality hints are passed on', () => {
  const [m] = findTriggers(normalize('تمكنت القوات من تحرير البلدة'), lexicon);
  assert.equal(m.entryId, 'territory_recapture');
  assert.equal(m.territory, true);
  assert.equal(m.requires, 'place');
  assert.deepEqual(m.sub_event_type_by_actor, {
    state: 'Government regains territory',
    non_state: 'Non-state actor overtakes territory',
  });
  const [mob] = findTriggers(normalize('أعلنت الوزارة النفير العام'), lexicon);
  assert.equal(mob.entryId, 'mobilisation');
  assert.equal(mob.modality_hint, 'announced');
  const [adv] = findTriggers(normalize('تقدمت القوات باتجاه المطار'), lexicon);
  assert.equal(adv.weak, true);
  assert.deepEqual(findTriggers(normalize('تقدمت الشركة بطلب رسمي'), lexicon), []);
});

test('context stops at the sentence end', () => {
  // "مدنيين" is in the next sentence, so قتل is not licensed.
  assert.deepEqual(triggers('قتل الرجل في ظروف غامضة. وأصيب مدنيين آخرون'), []);
  assert.equal(triggers('قتل ثلاثة مدنيين في القصف')[0][1], 'killing_civilians');
});

test('cues by list', () => {
  const table: [string, [string, string, string | null][]][] = [
    [
      'قالت مصادر طبية إن الحصيلة ارتفعت',
      [
        ['قالت', 'attribution', 'verb'],
        ['مصادر طبية', 'attribution', 'source'],
        ['حصيلة', 'casualty', 'toll'],
      ],
    ],
    [
      'وبحسب ما أفاد المتحدث باسم الجيش',
      [
        ['بحسب ما أفاد', 'attribution', 'according_to'],
        ['المتحدث باسم', 'attribution', 'spokesman'],
      ],
    ],
    [
      'نقلت الوكالة الرسمية عن مصدر عسكري',
      [
        ['نقلت الوكالة الرسمية عن', 'attribution', 'verb'],
        ['مصدر عسكري', 'attribution', 'source'],
      ],
    ],
    [
      'وفقاً للمصادر',
      [
        ['وفقاً ل', 'attribution', 'according_to'],
        ['مصادر', 'attribution', 'source'],
      ],
    ],
    [
      'نفت الوزارة وقوع قتلى بينهم أطفال',
      [
        ['نفت', 'negation', 'denial_verb'],
        ['نفت', 'denial', 'verb'],
        ['الوزارة', 'state_bodies', 'government'],
        ['قتلى', 'casualty', 'killed'],
        ['بينهم', 'casualty', 'subcount'],
      ],
    ],
    [
      'لم تسجل أي إصابات',
      [
        ['لم', 'negation', 'particle'],
        ['إصابات', 'casualty', 'injured'],
      ],
    ],
    [
      'تعتزم الحكومة إطلاق عملية لاستعادة المدينة',
      [
        ['تعتزم', 'planned', 'intent'],
        ['الحكومة', 'state_bodies', 'government'],
        ['إطلاق عملية', 'announced', null],
        ['لاستعادة', 'planned', 'intent'],
      ],
    ],
    [
      'وهدد القائد باقتحام المدينة وحذر من العواقب',
      [
        ['هدد', 'threatened', 'threat'],
        ['حذر من', 'threatened', 'threat'],
      ],
    ],
    [
      'كانت قد شهدت معارك منذ عام 2014',
      [
        ['كانت قد', 'background', 'history'],
        ['منذ عام 2014', 'background', 'history'],
      ],
    ],
    ['لقي ثلاثة حتفهم ولقوا حتفهم جميعا', [['لقوا حتفهم', 'casualty', 'killed']]],
    [
      'على مشارف المدينة وباتجاه الجنوب',
      [
        ['على مشارف', 'location_prepositions', 'near'],
        ['باتجاه', 'location_prepositions', 'toward'],
      ],
    ],
    [
      'برصاص قناص من القوات الموالية لحكومة الوفاق بقيادة العقيد',
      [
        ['برصاص', 'agent_markers', 'agent'],
        ['قوات', 'unit_nouns', 'force'],
        ['الموالية ل', 'place_references', 'owner'],
        ['الموالية ل', 'agent_markers', 'associated'],
        ['بقيادة', 'place_references', 'leader'],
        ['بقيادة', 'agent_markers', 'leader'],
      ],
    ],
    [
      'في المنطقة المحاذية للنيجر',
      [
        ['في', 'location_prepositions', 'in'],
        ['المحاذية ل', 'place_references', 'reference'],
      ],
    ],
    [
      'استهدفت الغارات مواقع',
      [
        ['استهدفت', 'target_markers', 'target'],
        ['غارات', 'author_nouns', null],
      ],
    ],
    [
      'أطلقت القذائف من موقع تحتله قوات الجماعة',
      [
        ['من موقع تحتله', 'fire_origins', null],
        ['قوات', 'unit_nouns', 'force'],
      ],
    ],
    [
      'ونشر موقع "الرصد" المحسوب على الحركة',
      [
        ['موقع', 'title_nouns', null],
        ['المحسوب على', 'agent_markers', 'affiliation'],
      ],
    ],
    [
      'وأعلن التنظيم مسؤوليته عن الهجوم',
      [
        ['أعلن', 'attribution', 'verb'],
        ['مسؤوليته عن', 'responsibility_claims', 'noun'],
        ['هجوم', 'author_nouns', null],
      ],
    ],
    [
      'وتبنت الحركة غارة جوية',
      [
        ['تبنت', 'attribution', 'verb'],
        ['تبنت', 'responsibility_claims', 'verb'],
        ['غارة', 'author_nouns', null],
      ],
    ],
    [
      'إحدى الكتائب الخاضعة للقيادة',
      [
        ['كتائب', 'unit_nouns', 'brigade'],
        ['الخاضعة ل', 'agent_markers', 'affiliation'],
      ],
    ],
  ];
  for (const [sentence, expected] of table) {
    const got = findCues(normalize(sentence), cues).map((c) => [
      sentence.slice(c.span.start, c.span.end),
      c.list,
      c.kind,
    ]);
    assert.deepEqual(got, expected, sentence);
  }
});

test('location cues carry geo_precision and direction', () => {
  const got = findCues(normalize('في غريان وقرب ترهونة ونحو سرت'), cues).map((c) => [
    c.form,
    c.geo_precision,
    c.direction,
  ]);
  assert.deepEqual(got, [
    ['في', 1, false],
    ['قرب', 2, false],
    ['نحو', null, true],
  ]);
});

test('viewWords counts sentences but not decimal points', () => {
  const words = viewWords(normalize('قتل 2.5 شخص. وجرح آخرون؟ نعم').norm);
  assert.deepEqual(
    words.map((w) => w.sentence),
    [0, 0, 0, 0, 1, 1, 2],
  );
});

test('a first word added to an index after a search is found by the next one', () => {
  const grown = loadCues();
  const view = normalize('قال زقزق إن');
  const before = findCues(view, grown).length;
  const form = grown.index.startingWith('قال')!.find((f) => f.rest.length === 0)!;
  grown.index.add('زقزق', [''], { ...form, excluded: new Set() });
  assert.equal(findCues(normalize('قال زقزق إن'), grown).length > before, true);
});
