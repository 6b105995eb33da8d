import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toArticle } from '../app/analyze.js';
import { loadEntityKnowledge } from '../entities/knowledge.js';
import { loadEventKnowledge } from '../events/extract.js';
import type { EventRecord } from '../events/record.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadActors } from './actors.js';
import { repositoryPacksDir } from './pack.js';
import { loadTheatres } from './theatres.js';
import { loadGazetteer } from './places.js';
import { normalizeForMatch } from '../text/normalize.js';

const meta = { description: 'a fixture theatre', version: '1', provenance: 'written for this test', licence: 'MIT' };

/** A copy of the repository's packs with one more theatre folder, as a contributor would add it. */
function packsWithFixtureTheatre(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-packs-'));
  cpSync(repositoryPacksDir(), dir, { recursive: true });
  const theatre = join(dir, 'mauritania');
  mkdirSync(theatre);
  writeFileSync(
    join(theatre, 'theatre.json'),
    JSON.stringify({ $meta: meta, country: 'MR', name: 'Mauritania', name_ar: 'موريتانيا', actors: ['actors.json'] }),
  );
  const forces = (id: string, name: string, from: string | null, to: string | null) => ({
    id,
    name,
    name_ar: 'القوات المسلحة الموريتانية',
    aliases_ar: ['الجيش الموريتاني', 'قوات الجيش الموريتاني'],
    inter: 1,
    kind: 'state_forces',
    country: 'MR',
    valid_from: from,
    valid_to: to,
    affiliations: [],
    source: 'fixture',
  });
  writeFileSync(
    join(theatre, 'actors.json'),
    JSON.stringify({
      $meta: meta,
      actors: [
        forces('mr-military-2005-2008', 'Military Forces of Mauritania (2005-2008)', '2005-08-03', '2008-08-05'),
        forces('mr-military-2008', 'Military Forces of Mauritania (2008-)', '2008-08-06', null),
      ],
    }),
  );
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the repository has the Libya theatre, and every theatre lists files that load', () => {
  const theatres = loadTheatres(repositoryPacksDir());
  assert.ok(theatres.some((t) => t.country === 'LY' && t.actors.includes('actors.json')));
  assert.ok(loadActors().byId.has('civilians'), 'the generic categories are loaded with the theatres');
});

test('a bad manifest is an error naming the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-packs-'));
  try {
    mkdirSync(join(dir, 'nowhere'));
    writeFileSync(join(dir, 'nowhere', 'theatre.json'), JSON.stringify({ $meta: meta, country: 'Mauritania' }));
    assert.throws(
      () => loadTheatres(dir),
      (e: Error) => e.message.includes('nowhere/theatre.json') && /country/.test(e.message) && /name/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a theatre added by packs alone: its forces by period, and generic actors named for it', () => {
  const { dir, cleanup } = packsWithFixtureTheatre();
  try {
    const actors = loadActors(dir);
    const army = (date: string) => actors.candidatesFor('الجيش الموريتاني', date)[0]?.entry.id;
    assert.equal(army('2007-01-01'), 'mr-military-2005-2008');
    assert.equal(army('2016-07-03'), 'mr-military-2008');

    const context = {
      entities: loadEntityKnowledge({ packsDir: dir, withTagger: false }),
      events: loadEventKnowledge(),
      taggerScope: 'none' as const,
    };
    const article = toArticle({
      title: 'هجوم في موريتانيا',
      text: 'هاجم مسلحون مجهولون دورية للجيش الموريتاني قرب نواكشوط أمس الأحد.',
      published: '2016-07-04',
      publishedAt: null,
      publishedRaw: null,
      origin: { source: null, url: null, input: null, externalId: null },
    });
    const events = (runPipeline(article, context) as { events?: EventRecord[] }).events ?? [];
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.event_type)));
    const [event] = events;
    assert.equal(event.location?.country, 'MR');
    const actorIds = [event.actor1?.id, event.actor2?.id];
    assert.ok(actorIds.includes('mr-military-2008'), `actors: ${actorIds.join(', ')}`);
    assert.ok(actorIds.includes('unidentified-armed-group-mr'), `actors: ${actorIds.join(', ')}`);
    const gunmen = [event.actor1, event.actor2].find((a) => a?.id === 'unidentified-armed-group-mr');
    assert.equal(gunmen?.name, 'Unidentified Armed Group (Mauritania)');
  } finally {
    cleanup();
  }
});

/** The events the pipeline finds in an article of the repository's packs (no statistical tagger). */
function eventsOf(title: string, text: string, published: string): EventRecord[] {
  const context = {
    entities: loadEntityKnowledge({ withTagger: false }),
    events: loadEventKnowledge(),
    taggerScope: 'none' as const,
  };
  const article = toArticle({
    title,
    text,
    published,
    publishedAt: null,
    publishedRaw: null,
    origin: { source: null, url: null, input: null, externalId: null },
  });
  return (runPipeline(article, context) as { events?: EventRecord[] }).events ?? [];
}

/** The fixture theatre with a gazetteer: two admin areas and a village, as a contributor would write them. */
function withFixtureGazetteer(dir: string, place: Record<string, unknown> = {}): void {
  const theatre = join(dir, 'mauritania');
  const manifest = {
    $meta: meta,
    country: 'MR',
    name: 'Mauritania',
    name_ar: 'موريتانيا',
    actors: ['actors.json'],
    acled_region: 'Western Africa',
    id_prefix: 'mr',
    admin_levels: [{ level: 1, name: 'Region', name_ar: 'ولاية' }],
    admin1: 'admin1.json',
    places: ['places.json'],
  };
  writeFileSync(join(theatre, 'theatre.json'), JSON.stringify(manifest));
  writeFileSync(
    join(theatre, 'admin1.json'),
    JSON.stringify({
      $meta: meta,
      areas: [
        { code: 'HC', name: 'Hodh Ech Chargui', name_ar: 'الحوض الشرقي', lat: 16.6, lon: -7.25 },
        { code: 'NKC', name: 'Nouakchott', name_ar: 'نواكشوط', lat: 18.08, lon: -15.97 },
      ],
    }),
  );
  const gazetteerMeta = {
    description: 'fixture places',
    version: '1',
    source: 'written for this test',
    license: 'CC0-1.0',
  };
  writeFileSync(
    join(theatre, 'places.json'),
    JSON.stringify({
      $meta: gazetteerMeta,
      ambiguousNames: [],
      places: [
        {
          id: 'mr-bassikounou',
          name_ar: 'باسكنو',
          aliases_ar: ['باسيكونو'],
          name_en: 'Bassikounou',
          lat: 15.8722,
          lon: -5.9617,
          country: 'MR',
          admin1: 'Hodh Ech Chargui',
          feature: 'town',
          importance: 30,
          source: 'public knowledge',
          ...place,
        },
      ],
    }),
  );
}

test('a theatre gazetteer added by packs alone: a village of it is the place of an event', () => {
  const { dir, cleanup } = packsWithFixtureTheatre();
  try {
    withFixtureGazetteer(dir);
    const context = {
      entities: loadEntityKnowledge({ packsDir: dir, withTagger: false }),
      events: loadEventKnowledge(),
      taggerScope: 'none' as const,
    };
    const article = toArticle({
      title: 'هجوم في موريتانيا',
      text: 'هاجم مسلحون مجهولون دورية للجيش الموريتاني في بلدة باسكنو أمس الأحد.',
      published: '2016-07-04',
      publishedAt: null,
      publishedRaw: null,
      origin: { source: null, url: null, input: null, externalId: null },
    });
    const [event] = (runPipeline(article, context) as { events?: EventRecord[] }).events ?? [];
    assert.equal(event?.location?.id, 'mr-bassikounou');
    assert.equal(event?.location?.country, 'MR');
    assert.equal(event?.location?.admin1, 'Hodh Ech Chargui');
  } finally {
    cleanup();
  }
});

test('a theatre place of another country, prefix or admin area is an error naming the file and place', () => {
  for (const [bad, message] of [
    [{ country: 'ML' }, /places\.json: places\[0\] \(mr-bassikounou\): country ML, but the theatre is MR/],
    [
      { id: 'ml-bassikounou' },
      /places\.json: places\[0\] \(ml-bassikounou\): id does not start with the theatre's "mr-"/,
    ],
    [{ admin1: 'Tagant' }, /places\.json: places\[0\] \(mr-bassikounou\): admin1 "Tagant" is not an admin area of MR/],
  ] as const) {
    const { dir, cleanup } = packsWithFixtureTheatre();
    try {
      withFixtureGazetteer(dir, bad);
      assert.throws(() => loadGazetteer(dir), message);
    } finally {
      cleanup();
    }
  }
});

test('the Djibouti theatre: its army and police by period', () => {
  assert.ok(loadTheatres(repositoryPacksDir()).some((t) => t.country === 'DJ'));
  const actors = loadActors();
  const best = (label: string, date: string) => actors.candidatesFor(normalizeForMatch(label), date)[0]?.entry.id;
  assert.equal(best('الجيش الجيبوتي', '1990-01-01'), 'dj-military-1977-1999');
  assert.equal(best('الجيش الجيبوتي', '2020-03-02'), 'dj-military-1999');
  assert.equal(best('الشرطة الجيبوتية', '1995'), 'dj-police-1977-1999');
  assert.equal(best('الشرطة الجيبوتية', '2020'), 'dj-police-1999');
  const army = actors.byId.get('dj-military-1999');
  assert.equal(army?.type === 'actor' ? army.name : null, 'Military Forces of Djibouti (1999-)');
});

test('an attack near a Djibouti town gets the generic actors named for Djibouti and its army', () => {
  const events = eventsOf('هجوم في جيبوتي', 'هاجم مسلحون مجهولون دورية للجيش الجيبوتي قرب تاجورة أمس.', '2020-03-02');
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.event_type)));
  const [event] = events;
  assert.equal(event.location?.id, 'city:dj-tadjourah');
  assert.equal(event.location?.country, 'DJ');
  const actors = [event.actor1, event.actor2];
  assert.deepEqual(actors.map((a) => a?.id).sort(), ['dj-military-1999', 'unidentified-armed-group-dj']);
  assert.equal(
    actors.find((a) => a?.id === 'unidentified-armed-group-dj')?.name,
    'Unidentified Armed Group (Djibouti)',
  );
});

test('civilians killed in Djibouti City are Civilians (Djibouti)', () => {
  const events = eventsOf('انفجار في جيبوتي', 'قتل شخصان في انفجار عبوة ناسفة في مدينة جيبوتي أمس.', '2020-03-02');
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.event_type)));
  const [event] = events;
  assert.equal(event.location?.id, 'city:dj-djibouti');
  const civilians = [event.actor1, event.actor2].find((a) => a?.id === 'civilians-dj');
  assert.equal(civilians?.name, 'Civilians (Djibouti)');
});

test('تاجورة is Tajura in a Libyan article and Tadjourah in a Djiboutian one', () => {
  const libya = eventsOf(
    'اشتباكات',
    'اندلعت اشتباكات مسلحة بين مجموعتين مسلحتين في تاجورة شرق العاصمة الليبية طرابلس أمس.',
    '2020-03-02',
  );
  assert.equal(libya[0]?.location?.id, 'ly-tajura');
  const djibouti = eventsOf('هجوم', 'هاجم مسلحون مجهولون دورية للجيش الجيبوتي قرب تاجورة أمس.', '2020-03-02');
  assert.equal(djibouti[0]?.location?.id, 'city:dj-tadjourah');
});

/** The fixture theatre's additions file, as a contributor would write it: a spelling and a place. */
function withFixtureAdditions(dir: string, additions: Record<string, unknown>): void {
  const theatre = join(dir, 'mauritania');
  const manifestPath = join(theatre, 'theatre.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, places_additions: ['places-additions.json'] }));
  writeFileSync(join(theatre, 'places-additions.json'), JSON.stringify({ $meta: meta, ...additions }));
}

const fixtureFix = {
  id: 'mr-bassikounou',
  aliases_ar: ['باسكنوو'],
  evidence: { cue_counts: { باسكنوو: { 'ant-multisource': 2 } }, why: 'a fixture spelling' },
};
const fixturePlace = {
  id: 'mr-mbera-camp',
  name_ar: 'مبيرا',
  aliases_ar: ['امبرة'],
  name_en: 'Mbera camp',
  lat: 15.78,
  lon: -5.6,
  country: 'MR',
  admin1: 'Hodh Ech Chargui',
  feature: 'camp',
  importance: 40,
  approximate: true,
  source: 'public knowledge',
  evidence: { cue_counts: { مبيرا: { 'ant-multisource': 1 } }, why: 'the camp of Malian refugees, a fixture' },
};

test("a theatre's additions give its places press spellings and add the places it lacks", () => {
  const { dir, cleanup } = packsWithFixtureTheatre();
  try {
    withFixtureGazetteer(dir);
    withFixtureAdditions(dir, { fixes: [fixtureFix], places: [fixturePlace] });
    const g = loadGazetteer(dir);
    assert.deepEqual(g.byId.get('mr-bassikounou')?.aliases_ar, ['باسيكونو', 'باسكنوو']);
    const camp = g.byId.get('mr-mbera-camp');
    assert.equal(camp?.admin1_ar, 'الحوض الشرقي');
    assert.equal('evidence' in (camp ?? {}), false, 'the evidence stays in the file');
    const keys = [...g.placeNames()].map((n) => `${n.words.join(' ')}→${n.id}`);
    assert.ok(keys.includes('باسكنوو→mr-bassikounou') && keys.includes('امبره→mr-mbera-camp'), keys.join(' '));
  } finally {
    cleanup();
  }
});

test('an additions entry naming no place of its theatre, or counting a name it lacks, is an error naming the file', () => {
  for (const [additions, message] of [
    [
      { fixes: [{ ...fixtureFix, id: 'mr-nowhere' }] },
      /places-additions\.json: fixes\[0\] \(mr-nowhere\): no place of MR/,
    ],
    [{ places: [{ ...fixturePlace, id: 'mr-bassikounou' }] }, /duplicate place id mr-bassikounou/],
    [{ places: [{ ...fixturePlace, admin1: 'Tagant' }] }, /places\[0\] \(mr-mbera-camp\): admin1 "Tagant"/],
    [
      { fixes: [{ ...fixtureFix, evidence: { cue_counts: { باسكنو: {} }, why: 'x' } }] },
      /places-additions\.json is not a valid pack:[^]*"باسكنو" is not one of the entry's names/,
    ],
  ] as const) {
    const { dir, cleanup } = packsWithFixtureTheatre();
    try {
      withFixtureGazetteer(dir);
      withFixtureAdditions(dir, additions);
      assert.throws(() => loadGazetteer(dir), message);
    } finally {
      cleanup();
    }
  }
});

test('a press spelling of the additions is the place of an event, in its country and admin1', () => {
  const cases: Array<[string, string, string, string, string]> = [
    [
      'قصفت مقاتلات التحالف تجمعات للحوثيين في مديرية التحيتا أمس وقتلت عشرة منهم.',
      '2018-06-20',
      'ye-gn-77655',
      'YE',
      'Al Hudaydah',
    ],
    [
      'قتل خمسة مدنيين في هجوم شنه مسلحون على قرية في منطقة جبل مرة أمس.',
      '2018-05-10',
      'sd-jebel-marra',
      'SD',
      'Central Darfur',
    ],
    ['قتل سبعة أشخاص في انفجار سيارة مفخخة في مدينة بيدوة أمس السبت.', '2018-02-24', 'so-gn-64536', 'SO', 'Bay'],
    ['هاجم مسلحون مجهولون مقر القوة المشتركة في بلدة سيفاري أمس.', '2018-06-29', 'ml-sevare', 'ML', 'Mopti'],
    ['أصيب عون حرس في هجوم مسلح على دورية أمنية بمدينة سبيبة أمس.', '2016-03-02', 'tn-sbiba', 'TN', 'Al Qasrayn'],
    ['قتل ثلاثة جنود في هجوم على كمين للجيش في شمال سيناء أمس.', '2018-02-12', 'eg-admin1-27', 'EG', 'North Sinai'],
    ['قتل ثلاثة جنود في هجوم على كمين للجيش في وسط سيناء أمس.', '2018-02-12', 'eg-sinai', 'EG', 'North Sinai'],
    ['قصفت طائرات التحالف مواقع حوثية في مديرية نهم أمس.', '2018-03-05', 'ye-nihm', 'YE', 'Sanaa'],
    ['قصفت طائرات إسرائيلية مواقع للجيش السوري في هضبة الجولان أمس.', '2018-05-10', 'sy-golan', 'SY', 'Quneitra'],
  ];
  for (const [text, date, id, country, admin1] of cases) {
    const [event] = eventsOf('هجوم', text, date);
    assert.equal(event?.location?.id, id, text);
    assert.equal(event?.location?.country, country, text);
    assert.equal(event?.location?.admin1, admin1, text);
  }
  const [ouagadougou] = eventsOf('هجوم', 'هاجم مسلحون مقر قيادة الجيش في واغادوغو أمس.', '2018-03-02');
  assert.equal(ouagadougou?.location?.id, 'city:bf-ouagadougou');
  assert.equal(ouagadougou?.location?.country, 'BF');
});
