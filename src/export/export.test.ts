/** Formatter unit tests on fused events constructed here; the store-backed tests are in export-store.test.ts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { ArticleRef, EventActor, EventLocation, EventRecord } from '../events/record.js';
import type { EventQuery } from '../store/repository.js';
import { loadGazetteer } from '../knowledge/places.js';
import * as api from './index.js';
import {
  ACLED_COLUMNS,
  ACLED_REGIONS,
  acledHeader,
  acledNotes,
  acledRegion,
  acledRow,
  combinedSourceScale,
  csvRecord,
  eventFeature,
  exportContext,
  exportFusedEvents,
  interactionCode,
  jsonlLine,
  ploverLine,
  sourceNames,
  sourceScale,
  loadOutlets,
  type ExportFormat,
  type FusedEvent,
} from './index.js';

const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const gazetteer = loadGazetteer();
/** 2024-01-01T00:00:00Z */
const ctx = exportContext({ now: new Date(Date.UTC(2024, 0, 1)), countryByIso2: gazetteer.countryByIso2 });

const LNA: EventActor = {
  id: 'ly-lna',
  name: 'Military Forces of Libya (2014-) Libyan National Army',
  name_ar: 'الجيش الوطني الليبي',
  inter: 1,
};
const GNA: EventActor = {
  id: 'ly-gna-forces',
  name: 'Military Forces of Libya (2016-2021) Government of National Accord',
  name_ar: 'قوات حكومة الوفاق',
  inter: 1,
};
const MILITIA: EventActor = {
  id: 'unidentified-armed-group-ly',
  name: 'Unidentified Armed Group (Libya)',
  name_ar: 'مسلحون مجهولون',
  inter: 3,
};
const CIVILIANS: EventActor = { id: 'civilians-ly', name: 'Civilians (Libya)', name_ar: 'مدنيون', inter: 7 };
const SOUTH_OF_TRIPOLI: EventLocation = {
  id: 'ly-tripoli',
  name: 'Tripoli',
  name_ar: 'طرابلس',
  country: 'LY',
  admin1: 'Tripoli',
  admin2: null,
  lat: 32.8967,
  lon: 13.1778,
  geo_precision: 2,
  direction: 'south',
};
const ZAWIYA: EventLocation = {
  id: 'ly-zawiya',
  name: 'Zawiya',
  name_ar: 'الزاوية',
  country: 'LY',
  admin1: 'Zawiya',
  admin2: null,
  lat: 32.7571,
  lon: 12.7278,
  geo_precision: 1,
  direction: null,
};

function article(id: string, source: string | null, url: string | null, published = '2019-04-08'): ArticleRef {
  return { id, title: `عنوان ${id}`, published, source, url };
}

function record(overrides: Partial<EventRecord>): EventRecord {
  return {
    id: 'ev-1',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    disorder_type: 'Political violence',
    plover: { type: 'ASSAULT', mode: 'aerial' },
    date: '2019-04-07',
    time_precision: 1,
    date_text: 'أمس',
    actor1: LNA,
    assoc_actor_1: [],
    actor2: GNA,
    assoc_actor_2: [],
    location: SOUTH_OF_TRIPOLI,
    fatalities: 0,
    injured: null,
    modality: 'asserted',
    claimed_by: null,
    evidence: [{ start: 0, end: 38, text: 'شنّ الطيران غارة جوية جنوب طرابلس، أمس.' }],
    trigger: { start: 12, end: 17, text: 'غارة' },
    rule: 'test',
    confidence: 0.9,
    sources: [],
    ...overrides,
  };
}

function fused(id: string, overrides: Partial<EventRecord> = {}, extra: Partial<FusedEvent> = {}): FusedEvent {
  const r = record({ id, ...overrides });
  return {
    id,
    record: r,
    members: [
      { eventId: `${id}-m1`, article: article(`a-${id}`, 'Libya Observer', 'https://www.libyaobserver.ly/news/1') },
    ],
    fatalities_range: [r.fatalities, r.fatalities],
    explanation: [],
    review: null,
    outlets: 1,
    ...extra,
  };
}

test('the public API exports its names', () => {
  for (const name of [
    'exportFusedEvents',
    'exportContext',
    'ACLED_COLUMNS',
    'acledRow',
    'acledHeader',
    'eventFeature',
    'jsonlLine',
    'ploverLine',
    'acledNotes',
    'acledRegion',
    'sourceScale',
    'csvRecord',
  ]) {
    assert.ok(name in api, name);
  }
});

test("the ACLED header is exactly ACLED's columns in ACLED's order", () => {
  assert.equal(acledHeader(), `${ACLED_HEADER}\r\n`);
  assert.equal(ACLED_COLUMNS.length, 31);
});

test('an ACLED row: ids, date, codes, country, place, sources, notes, toll, tags', () => {
  const event = fused(
    'fe-strike',
    { modality: 'claimed', fatalities: 4, injured: 2, assoc_actor_1: [MILITIA] },
    {
      members: [
        { eventId: 'm1', article: article('a1', 'Libya Observer', 'https://www.libyaobserver.ly/news/1') },
        { eventId: 'm2', article: article('a2', null, 'https://www.aljazeera.net/news/2') },
        { eventId: 'm3', article: article('a3', 'Libya Observer', 'https://www.libyaobserver.ly/news/3') },
      ],
      fatalities_range: [4, 6],
    },
  );
  const row = acledRow(event, ctx);
  assert.match(String(row.event_id_cnty), /^LBY\d+$/);
  assert.equal(row.event_id_cnty, acledRow(event, ctx).event_id_cnty, 'stable per fused event');
  assert.notEqual(row.event_id_cnty, acledRow(fused('fe-other'), ctx).event_id_cnty);
  assert.deepEqual(
    [
      row.event_date,
      row.year,
      row.time_precision,
      row.actor1,
      row.assoc_actor_1,
      row.inter1,
      row.inter2,
      row.interaction,
      row.civilian_targeting,
    ],
    ['2019-04-07', 2019, 1, LNA.name, MILITIA.name, 1, 1, 11, null],
  );
  assert.deepEqual(
    [row.iso, row.region, row.country, row.admin1, row.location, row.latitude, row.longitude, row.geo_precision],
    [434, 'Northern Africa', 'Libya', 'Tripoli', 'Tripoli', '32.8967', '13.1778', 2],
  );
  assert.equal(row.source, 'Libya Observer; aljazeera.net');
  assert.equal(row.source_scale, 'National-International');
  assert.equal(row.fatalities, 4);
  assert.equal(row.tags, 'claimed; fatalities range 4-6; injured 2; geo_precision 2: south of; reports 3');
  assert.equal(row.timestamp, 1704067200);
  assert.equal(
    row.notes,
    `On 7 April 2019, ${LNA.name} and ${MILITIA.name} carried out an air strike on ${GNA.name} south of Tripoli (Tripoli). ` +
      '[claimed by a source quoted in the report] Reports give 4-6 fatalities; the lowest is coded. 2 people injured.',
  );
});

test('interaction: the two inter codes lower first; one actor gives its code and 0', () => {
  const cases: [number | null, number | null, number | null][] = [
    [1, 3, 13],
    [3, 1, 13],
    [2, 1, 12],
    [1, 7, 17],
    [8, 8, 88],
    [1, null, 10],
    [null, 7, 70],
    [null, null, null],
  ];
  for (const [a, b, want] of cases) assert.equal(interactionCode(a, b), want, `${a},${b}`);
});

test('civilian targeting when actor 2 is civilians', () => {
  const cases: [EventActor | null, EventActor | null, string | null][] = [
    [MILITIA, CIVILIANS, 'Civilian targeting'],
    [LNA, GNA, null],
    [CIVILIANS, null, null],
    [null, CIVILIANS, 'Civilian targeting'],
  ];
  for (const [actor1, actor2, want] of cases) {
    const row = acledRow(
      fused('fe-c', { event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1, actor2 }),
      ctx,
    );
    assert.equal(row.civilian_targeting, want, `${actor1?.name} / ${actor2?.name}`);
  }
});

test('country codes: ISO numeric, English name, ACLED region; no place: the --country given, else empty', () => {
  const place = (country: string): EventLocation => ({
    ...ZAWIYA,
    id: `country:${country}`,
    country,
    geo_precision: 3,
  });
  const cases: [EventLocation | null, number, string, string, string][] = [
    [ZAWIYA, 434, 'Libya', 'Northern Africa', 'LBY'],
    [place('TN'), 788, 'Tunisia', 'Northern Africa', 'TUN'],
    [place('SD'), 729, 'Sudan', 'Northern Africa', 'SDN'],
    [place('SY'), 760, 'Syria', 'Middle East', 'SYR'],
    [place('TR'), 792, 'Turkey', 'Middle East', 'TUR'],
    [place('NE'), 562, 'Niger', 'Western Africa', 'NER'],
    [place('TD'), 148, 'Chad', 'Middle Africa', 'TCD'],
    [place('IT'), 380, 'Italy', 'Europe', 'ITA'],
  ];
  for (const [location, iso, country, region, iso3] of cases) {
    const row = acledRow(fused('fe-p', { location }), ctx);
    assert.deepEqual([row.iso, row.country, row.region], [iso, country, region], country);
    assert.ok(String(row.event_id_cnty).startsWith(iso3));
  }
  const given = acledRow(fused('fe-p', { location: null }), { ...ctx, defaultCountry: 'LY' });
  assert.deepEqual([given.iso, given.country, given.region], [434, 'Libya', 'Northern Africa']);
  assert.ok(String(given.event_id_cnty).startsWith('LBY'));
  const none = acledRow(fused('fe-p', { location: null }), ctx);
  assert.deepEqual([none.iso, none.country, none.region], [null, null, null], 'no country is guessed');
  assert.match(String(none.event_id_cnty), /^\d+$/);
  assert.deepEqual(
    [none.location, none.latitude, none.longitude, none.geo_precision, none.tags],
    [null, null, null, null, 'no location'],
  );
});

test('every country of the gazetteer has an ACLED region', () => {
  const missing = gazetteer.countries.filter((c) => !ACLED_REGIONS.includes(acledRegion(c.iso3))).map((c) => c.iso3);
  assert.deepEqual(missing, []);
});

test('CSV quoting (RFC 4180): commas, quotes and line breaks in Arabic text survive a parser', () => {
  const awkward = ['بوابة "الوسط"، طرابلس', 'قناة, ليبيا\nالأحرار', 'سطر\r\nآخر', '=HYPERLINK("x")'];
  const members = awkward.map((source, i) => ({ eventId: `m${i}`, article: article(`a${i}`, source, null) }));
  const line = api.acledCsvRecord(fused('fe-q', {}, { members }), ctx);
  const [parsed] = parse<Record<string, string>>(acledHeader() + line, { columns: true });
  assert.equal(parsed.source, `${awkward.slice(0, 3).join('; ')}; ${awkward[3]}`);
  assert.equal(Object.keys(parsed).join(','), ACLED_HEADER);
  const cells = parse(csvRecord(awkward));
  assert.deepEqual(cells[0], [...awkward.slice(0, 3), `'${awkward[3]}`], 'a formula is defused');
  assert.equal(csvRecord(['-13.1778', 'نص']), '-13.1778,نص\r\n', 'a negative number stays a number');
});

test('source names: outlet, else URL host, without repeats', () => {
  const names = sourceNames([
    article('a', 'Libya Observer', 'https://www.libyaobserver.ly/1'),
    article('b', null, 'https://www.alwasat.ly/news/2'),
    article('c', 'Libya Observer', null),
    article('d', null, null),
  ]);
  assert.deepEqual(names, ['Libya Observer', 'alwasat.ly']);
});

test("source scale relative to the event's country", () => {
  const outlets = loadOutlets();
  const iso3Of = (iso2: string) => gazetteer.countryByIso2.get(iso2)?.iso3 ?? null;
  const cases: [ArticleRef, string, string][] = [
    [article('a', 'Libya Al-Ahrar', null), 'LY', 'National'],
    [article('a', null, 'https://alwasat.ly/x'), 'LY', 'National'],
    [article('a', 'بوابة الوسط', null), 'LY', 'National'],
    [article('a', 'Jawhara FM', null), 'LY', 'Regional'],
    [article('a', 'Jawhara FM', null), 'TN', 'National'],
    [article('a', 'Sky News Arabia', null), 'LY', 'Regional'],
    [article('a', 'Sky News Arabia', null), 'IT', 'International'],
    [article('a', 'Al Jazeera', null), 'LY', 'International'],
    [article('a', null, 'https://t.me/channel/5'), 'LY', 'New media'],
    [article('a', 'صحيفة محلية', null), 'LY', 'Other'],
    [article('a', 'alarabia', null), 'YE', 'Regional'],
  ];
  for (const [a, country, want] of cases)
    assert.equal(sourceScale(a, country, iso3Of, outlets), want, `${a.source ?? a.url} in ${country}`);
  assert.equal(combinedSourceScale(['International', 'National', 'National']), 'National-International');
  assert.equal(combinedSourceScale(['National', 'New media', 'Other']), 'New media-Other-National');
});

test('notes: an English sentence by sub-event type, date precision, place and modality', () => {
  const cases: [Partial<EventRecord>, string][] = [
    [
      {},
      `On 7 April 2019, ${LNA.name} carried out an air strike on ${GNA.name} south of Tripoli (Tripoli). 0 fatalities reported.`,
    ],
    [
      { event_type: 'Battles', sub_event_type: 'Armed clash', time_precision: 2, location: ZAWIYA, fatalities: 1 },
      `Around 7 April 2019, ${LNA.name} clashed with ${GNA.name} in Zawiya (Zawiya). 1 fatality reported.`,
    ],
    [
      {
        event_type: 'Violence against civilians',
        sub_event_type: 'Abduction/forced disappearance',
        actor1: MILITIA,
        actor2: CIVILIANS,
        time_precision: 3,
        location: { ...ZAWIYA, geo_precision: 2, direction: null },
      },
      `In April 2019, ${MILITIA.name} abducted ${CIVILIANS.name} near Zawiya (Zawiya). 0 fatalities reported.`,
    ],
    [
      {
        sub_event_type: 'Remote explosive/landmine/IED',
        actor1: null,
        actor2: null,
        location: null,
        modality: 'announced',
      },
      'On 7 April 2019, an unidentified actor detonated an explosive device. [announced, not reported as carried out] 0 fatalities reported.',
    ],
    [
      {
        plover: { type: 'ASSAULT', mode: 'drone' },
        assoc_actor_2: [MILITIA],
        location: { ...SOUTH_OF_TRIPOLI, direction: 'centre' },
      },
      `On 7 April 2019, ${LNA.name} carried out a drone strike on ${GNA.name} and ${MILITIA.name} in central Tripoli (Tripoli). 0 fatalities reported.`,
    ],
    [
      {
        event_type: 'Strategic developments',
        sub_event_type: 'Arrests',
        actor2: null,
        location: { ...ZAWIYA, id: 'country:LY', name: 'Libya', admin1: null, geo_precision: 3 },
      },
      `On 7 April 2019, ${LNA.name} made arrests in Libya. 0 fatalities reported.`,
    ],
    [
      { modality: 'claimed', claimed_by: { start: 0, end: 14, text: 'المتحدث العسكري' }, claimed_by_actor: LNA },
      `On 7 April 2019, ${LNA.name} carried out an air strike on ${GNA.name} south of Tripoli (Tripoli). [claimed by ${LNA.name}] 0 fatalities reported.`,
    ],
  ];
  for (const [overrides, want] of cases) {
    const r = record(overrides);
    assert.equal(acledNotes(r, [r.fatalities, r.fatalities]), want);
    assert.doesNotMatch(want, /[\u0600-\u06ff]/, 'no Arabic in notes');
  }
});

test('GeoJSON feature: a point, longitude first, flat properties; no place, no feature', () => {
  const feature = eventFeature(fused('fe-g', {}, { fatalities_range: [2, 3] }), ctx);
  assert.ok(feature);
  assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [13.1778, 32.8967] });
  assert.equal(feature.id, 'fe-g');
  assert.equal(feature.properties.actor1, LNA.name);
  assert.deepEqual(feature.properties.sources, ['Libya Observer']);
  assert.deepEqual(
    [feature.properties.fatalities, feature.properties.fatalities_max, feature.properties.date],
    [2, 3, '2019-04-07'],
  );
  for (const value of Object.values(feature.properties)) {
    assert.ok(value === null || typeof value !== 'object' || Array.isArray(value), 'flat');
  }
  assert.equal(eventFeature(fused('fe-n', { location: null }), ctx), null);
});

test('jsonl keeps the record with members and toll range; plover puts PLOVER first and keeps ACLED', () => {
  const event = fused(
    'fe-l',
    { modality: 'claimed', claimed_by: { start: 0, end: 14, text: 'المتحدث العسكري' }, claimed_by_actor: LNA },
    { fatalities_range: [1, 2] },
  );
  const line = JSON.parse(jsonlLine(event));
  assert.equal(line.id, 'fe-l');
  assert.equal(line.event_type, 'Explosions/Remote violence');
  assert.deepEqual(line.fatalities_range, [1, 2]);
  assert.equal(line.members.length, 1);
  const plover = JSON.parse(ploverLine(event, ctx));
  assert.deepEqual(Object.keys(plover).slice(0, 6), [
    'event_id',
    'event_date',
    'date_precision',
    'story_date',
    'event_type',
    'mode',
  ]);
  assert.deepEqual(
    [plover.event_type, plover.mode, plover.actor.name, plover.actor.sector, plover.recipient.country],
    ['ASSAULT', 'aerial', LNA.name, 'State forces', 'LBY'],
  );
  assert.deepEqual(plover.acled, {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    disorder_type: 'Political violence',
    interaction: 11,
  });
  assert.equal(plover.context.claimed_by, 'المتحدث العسكري');
  assert.equal(plover.context.claimed_by_actor, LNA.name);
  assert.deepEqual(plover.context.evidence, ['شنّ الطيران غارة جوية جنوب طرابلس، أمس.']);
  assert.equal(plover.location.country, 'LBY');
});

/** A source that answers from a list and records the queries it was asked. */
function listSource(events: FusedEvent[]) {
  const queries: EventQuery[] = [];
  return {
    queries,
    listFusedEvents(query: EventQuery): Promise<FusedEvent[]> {
      queries.push(query);
      const offset = query.offset ?? 0;
      return Promise.resolve(events.slice(offset, offset + (query.limit ?? events.length)));
    },
  };
}

/** A sink that accepts one small chunk at a time and drains later, to exercise backpressure. */
function slowSink() {
  const chunks: string[] = [];
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  return { sink, text: () => chunks.join('') };
}

const EVENTS: FusedEvent[] = [
  fused('fe-1'),
  fused('fe-2', { date: null, time_precision: null }),
  fused('fe-3', { location: null }),
  fused('fe-4', { location: ZAWIYA }),
  fused('fe-5', { date: null, location: null }),
];

async function run(format: ExportFormat, extra: { bom?: boolean } = {}) {
  const source = listSource(EVENTS);
  const { sink, text } = slowSink();
  const summary = await exportFusedEvents(source, sink, {
    format,
    context: ctx,
    pageSize: 2,
    filters: { type: 'Battles' },
    ...extra,
  });
  return { summary, text: text(), queries: source.queries };
}

test('export pages through the source with the filters, oldest first', async () => {
  const { queries } = await run('jsonl');
  assert.deepEqual(
    queries.map((q) => [q.offset, q.limit, q.sort, q.type]),
    [
      [0, 2, 'date-asc', 'Battles'],
      [2, 2, 'date-asc', 'Battles'],
      [4, 2, 'date-asc', 'Battles'],
    ],
  );
});

test('acled-csv skips undated events and counts them', async () => {
  const { summary, text } = await run('acled-csv');
  assert.deepEqual(summary, { read: 5, written: 3, skippedNoDate: 2, skippedNoLocation: 0, writtenNoLocation: 1 });
  const rows = parse<Record<string, string>>(text, { columns: true });
  assert.equal(text.split('\r\n')[0], ACLED_HEADER);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.event_date)));
  const bom = await run('acled-csv', { bom: true });
  assert.ok(bom.text.startsWith(`\ufeff${ACLED_HEADER}`));
  assert.ok(!text.startsWith('\ufeff'));
});

test('geojson is one valid document with the located events only', async () => {
  const { summary, text } = await run('geojson');
  assert.deepEqual([summary.written, summary.skippedNoLocation], [3, 2]);
  const doc = JSON.parse(text);
  assert.equal(doc.type, 'FeatureCollection');
  assert.deepEqual(
    doc.features.map((f: { id: string }) => f.id),
    ['fe-1', 'fe-2', 'fe-4'],
  );
});

test('jsonl and plover write one line per fused event', async () => {
  for (const format of ['jsonl', 'plover'] as const) {
    const { summary, text } = await run(format);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 5, format);
    assert.equal(summary.written, 5);
    lines.forEach((l) => JSON.parse(l));
  }
});

test('an empty store gives a header-only CSV and an empty FeatureCollection', async () => {
  const { sink, text } = slowSink();
  await exportFusedEvents(listSource([]), sink, { format: 'geojson', context: ctx });
  assert.deepEqual(JSON.parse(text()), { type: 'FeatureCollection', features: [] });
  const csv = slowSink();
  await exportFusedEvents(listSource([]), csv.sink, { format: 'acled-csv', context: ctx });
  assert.equal(csv.text(), `${ACLED_HEADER}\r\n`);
});
