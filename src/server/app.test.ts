import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import * as server from './index.js';
import { createApp } from './app.js';
import type { Analyzer } from './analyzer.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { fillFixtureStore, type FixtureArticleRecord } from '../testing/web-fixtures.js';
import { SqliteRepository } from '../store/sqlite.js';
import { fusePending } from '../fusion/fuse.js';
import type { EventRecord, ExtractionRecord } from '../events/record.js';
import { withCountCap } from '../testing/count-cap.js';

/** Finds "غارة" as an air strike and "ترهونة" as a place: enough to see what the API does with a record. */
const fakeAnalyzer: Analyzer = {
  extract(article): ExtractionRecord {
    const at = article.text.indexOf('غارة');
    const place = article.text.indexOf('ترهونة');
    const events: EventRecord[] =
      at < 0
        ? []
        : [
            {
              id: `${article.id}-1`,
              event_type: 'Explosions/Remote violence',
              sub_event_type: 'Air/drone strike',
              disorder_type: 'Political violence',
              plover: { type: 'ASSAULT', mode: 'aerial' },
              date: article.published,
              time_precision: 1,
              date_text: null,
              actor1: null,
              assoc_actor_1: [],
              actor2: null,
              assoc_actor_2: [],
              location: null,
              fatalities: 0,
              injured: null,
              modality: 'asserted',
              claimed_by: null,
              evidence: [{ start: 0, end: article.text.length, text: article.text }],
              trigger: { start: at, end: at + 4, text: 'غارة' },
              rule: 'fake',
              confidence: 0.5,
              sources: [],
            },
          ];
    return {
      article: { id: article.id, title: article.title, published: article.published, source: null, url: null },
      events,
      entities:
        place < 0
          ? []
          : [
              {
                type: 'LOC',
                text: 'ترهونة',
                start: place,
                end: place + 6,
                ref: 'ly-tarhuna',
                rule: 'fake',
                confidence: 1,
              },
            ],
    };
  },
};

let dir: string;
let repo: SqliteRepository;
let app: Hono;
let fixtures: FixtureArticleRecord[];

/** Response bodies are checked field by field, so they are read untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read untyped on purpose, as said above
type Json = any;
const json = (res: Response): Promise<Json> => res.json();

const get = async (path: string): Promise<{ status: number; type: string; body: Json }> => {
  const res = await app.request(path);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: res.headers.get('content-type')?.includes('json') ? await json(res) : await res.text(),
  };
};
const post = (path: string, body: string, type = 'application/json') =>
  app.request(path, { method: 'POST', body, headers: { 'content-type': type } });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-api-'));
  repo = new SqliteRepository(join(dir, 'api.db'));
  fixtures = await fillFixtureStore(repo);
  const webDir = join(dir, 'web');
  mkdirSync(webDir);
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>مرصد</title></html>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web folder');
  app = createApp({ repo, analyzer: fakeAnalyzer, webDir });
});

after(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

test('public API', () => {
  assert.deepEqual(Object.keys(server).sort(), [
    'DEFAULT_BODY_LIMIT_BYTES',
    'DEFAULT_HOST',
    'DEFAULT_PORT',
    'OPENAPI_DOCUMENT',
    'createApp',
    'pipelineAnalyzer',
    'startServer',
  ]);
});

describe('GET /api/events', () => {
  const cases: { query: string; ids: string[]; total?: number }[] = [
    {
      query: '',
      ids: ['fx-sabha-abduction', 'fx-benghazi-protest', 'fx-ain-zara-clash', 'fx-tarhuna-strike', 'fx-sirte-strikes'],
    },
    { query: 'sort=date-asc&limit=2', ids: ['fx-sirte-strikes', 'fx-tarhuna-strike'], total: 5 },
    { query: 'limit=2&offset=4', ids: ['fx-sirte-strikes'], total: 5 },
    { query: 'sort=fatalities&limit=1', ids: ['fx-tarhuna-strike'], total: 5 },
    { query: 'type=Battles', ids: ['fx-ain-zara-clash'] },
    { query: `sub_type=${encodeURIComponent('Air/drone strike')}`, ids: ['fx-tarhuna-strike', 'fx-sirte-strikes'] },
    { query: 'since=2019-04-08&until=2020-12-31', ids: ['fx-benghazi-protest', 'fx-ain-zara-clash'] },
    { query: 'bbox=12.5,32,14,33', ids: ['fx-ain-zara-clash', 'fx-tarhuna-strike'] },
    { query: 'actor=lna', ids: ['fx-ain-zara-clash'] },
    { query: `actor=${encodeURIComponent('تنظيم الدولة')}`, ids: ['fx-sirte-strikes'] },
    { query: `place=${encodeURIComponent('بنغازي')}`, ids: ['fx-benghazi-protest'] },
    { query: `source=${encodeURIComponent('الساحل')}`, ids: ['fx-ain-zara-clash'] },
    { query: `q=${encodeURIComponent('الكهرباء')}`, ids: ['fx-benghazi-protest'] },
    { query: `q=${encodeURIComponent('لا يوجد هذا النص')}`, ids: [] },
  ];
  for (const c of cases) {
    test(c.query || '(no filter)', async () => {
      const { status, body } = await get(`/api/events?${c.query}`);
      assert.equal(status, 200);
      assert.deepEqual(
        body.events.map((e: { id: string }) => e.id),
        c.ids,
      );
      assert.equal(body.total, c.total ?? c.ids.length);
      assert.equal(body.totalCapped, false);
    });
  }

  test('a total of outlet or text matches stops at the cap and says so', async () => {
    // The store's count of a list with a cap of 1 in place of 10,000 (workbench.test.ts: fused events).
    const capped = createApp({ repo: withCountCap(repo, 1), analyzer: fakeAnalyzer, webDir: null });
    const body = async (path: string): Promise<Json> => json(await capped.request(path));
    for (const query of ['', '&view=full']) {
      const page = await body(`/api/events?q=${encodeURIComponent('في')}${query}`);
      assert.deepEqual([page.total, page.totalCapped], [1, true], query);
      assert.ok(page.events.length > 1, 'the page is whole');
    }
    const exact = await body('/api/events');
    assert.deepEqual([exact.total, exact.totalCapped], [5, false], 'other filters: exact');
  });

  test('totals count what another process stored a moment ago', async () => {
    const before = (await get('/api/events?type=Battles')).body.total;
    const other = new SqliteRepository(join(dir, 'api.db'));
    try {
      await other.upsertArticle('other-process', {
        title: '',
        text: 'اشتباكات',
        published: '2020-01-02',
        publishedAt: null,
        publishedRaw: null,
        origin: { url: null, source: null, input: 'test', externalId: null },
      });
      await other.replaceEvents('other-process', [
        { ...(await repo.getEvent('fx-ain-zara-clash'))!.record, id: 'other-process-1' },
      ]);
      assert.equal((await get('/api/events?type=Battles')).body.total, before + 1);
      await other.deleteArticle('other-process');
      assert.equal((await get('/api/events?type=Battles')).body.total, before);
    } finally {
      await other.close();
    }
  });

  test('each event carries its article', async () => {
    const { body } = await get('/api/events?type=Battles');
    assert.equal(body.events[0].article.title, 'اشتباكات عنيفة جنوب طرابلس');
    assert.equal(body.events[0].article.source, 'صحيفة الساحل التجريبية');
  });
});

describe('malformed queries are 400 naming the parameter', () => {
  const cases: [string, string][] = [
    ['/api/events?bbox=1,2,x', 'bbox'],
    ['/api/events?bbox=1,2,3', 'bbox'],
    ['/api/events?bbox=20,30,10,35', 'bbox'],
    ['/api/events?since=2019-13-45', 'since'],
    ['/api/events?until=yesterday', 'until'],
    ['/api/events?limit=0', 'limit'],
    ['/api/events?limit=5000', 'limit'],
    ['/api/events?offset=-1', 'offset'],
    ['/api/events?sort=random', 'sort'],
    ['/api/events?tpye=Battles', 'tpye'],
    ['/api/events.geojson?limit=abc', 'limit'],
    ['/api/stats?since=2019-02-30x', 'since'],
    ['/api/events?since=2019-02-31', 'since'],
    ['/api/events?until=2019-02-29', 'until'],
    ['/api/articles?since=2019-04-31', 'since'],
    ['/api/articles?limit=1.5', 'limit'],
    ['/api/actors?q=', 'q'],
    ['/api/places?limit=-3', 'limit'],
  ];
  for (const [path, parameter] of cases) {
    test(path, async () => {
      const { status, type, body } = await get(path);
      assert.equal(status, 400);
      assert.match(type, /application\/json/);
      assert.equal(body.parameter, parameter);
      assert.match(body.error, new RegExp(parameter));
    });
  }
});

test('GET /api/events.geojson is a FeatureCollection of points with flat properties', async () => {
  const { status, type, body } = await get('/api/events.geojson');
  assert.equal(status, 200);
  assert.match(type, /application\/geo\+json/);
  assert.equal(body.type, 'FeatureCollection');
  assert.equal(body.features.length, 5);
  const sirte = body.features.find((f: { id: string }) => f.id === 'fx-sirte-strikes');
  assert.deepEqual(sirte.geometry, { type: 'Point', coordinates: [16.5887, 31.2089] });
  assert.equal(sirte.properties.actor2, 'Islamic State (Libya)');
  assert.equal(sirte.properties.fatalities, 0);
  for (const f of body.features)
    for (const v of Object.values(f.properties)) assert.ok(v === null || typeof v !== 'object');
});

test('GET /api/events.csv has a header and one row per event, formulas defused', async () => {
  const { status, type, body } = await get('/api/events.csv?type=Protests');
  assert.equal(status, 200);
  assert.match(type, /text\/csv/);
  const lines = (body as string).trimEnd().split('\r\n');
  assert.equal(lines.length, 2);
  assert.ok(lines[0].startsWith('id,date,time_precision,event_type,'));
  assert.ok(lines[1].startsWith('fx-benghazi-protest,2020-01-15,1,Protests,Peaceful protest,'));
});

describe('GET /api/events/:id', () => {
  test('evidence excerpts with highlights, claimant and sources', async () => {
    const { status, body } = await get('/api/events/fx-tarhuna-strike');
    assert.equal(status, 200);
    assert.equal(body.event.claimed_by.text, 'المتحدث باسم قوات حكومة الوفاق');
    assert.equal(body.excerpts.length, 1, 'the evidence sentences and their neighbours make one excerpt');
    const [excerpt] = body.excerpts;
    const text = fixtures[0].input.text;
    assert.equal(excerpt.text, text.slice(excerpt.start, excerpt.end));
    const quoted = (field: string) =>
      excerpt.highlights
        .filter((h: { field: string }) => h.field === field)
        .map((h: { start: number; end: number }) => text.slice(h.start, h.end));
    assert.deepEqual(quoted('trigger'), ['غارة جوية']);
    assert.deepEqual(quoted('claimed_by'), ['المتحدث باسم قوات حكومة الوفاق']);
    assert.deepEqual(quoted('fatalities'), ['ثلاثة']);
    assert.deepEqual(quoted('location'), ['ترهونة']);
    assert.deepEqual(body.sources, [
      {
        article_id: fixtures[0].id,
        title: 'غارة جوية على مواقع قرب ترهونة',
        published: '2019-04-08',
        outlet: 'وكالة مرصد التجريبية',
        url: 'https://news.example.org/2019/04/tarhuna-strike',
      },
    ]);
  });

  test('unknown id is 404 JSON', async () => {
    const { status, body } = await get('/api/events/no-such-event');
    assert.equal(status, 404);
    assert.match(body.error, /no-such-event/);
  });
});

test('GET /api/stats counts by day, type and district', async () => {
  const { status, body } = await get('/api/stats');
  assert.equal(status, 200);
  assert.equal(body.total, 5);
  assert.equal(body.byDay.length, 5);
  assert.deepEqual(
    body.byType.find((t: { event_type: string }) => t.event_type === 'Explosions/Remote violence'),
    { event_type: 'Explosions/Remote violence', count: 2, fatalities: 3 },
  );
  assert.ok(body.byAdmin1.some((a: { admin1: string }) => a.admin1 === 'Tripoli'));
  const filtered = await get('/api/stats?type=Battles');
  assert.equal(filtered.body.total, 1);
});

test('GET /api/stats gives the trends of the fused events by week or month, following the filters', async () => {
  await fusePending(repo);
  const weekly = await get('/api/stats');
  assert.equal(weekly.body.fused.interval, 'week');
  assert.equal(weekly.body.fused.total, await repo.countFusedEvents());
  assert.ok(weekly.body.fused.total > 0);
  for (const bar of weekly.body.fused.byPeriod as { period: string }[])
    assert.equal(new Date(`${bar.period}T00:00:00Z`).getUTCDay(), 1, `${bar.period} is a Monday`);
  const monthly = await get('/api/stats?interval=month&type=Battles');
  assert.equal(monthly.body.fused.interval, 'month');
  assert.ok((monthly.body.fused.byPeriod as { period: string }[]).every((b) => b.period.endsWith('-01')));
  assert.ok((monthly.body.fused.byType as { event_type: string }[]).every((b) => b.event_type === 'Battles'));
  const bad = await get('/api/stats?interval=day');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.parameter, 'interval');
});

test('GET /api/stats?parts=fused answers the fused trends alone, the same as in the full answer', async () => {
  await fusePending(repo);
  const full = await get('/api/stats?interval=month&type=Battles');
  const fused = await get('/api/stats?interval=month&type=Battles&parts=fused');
  assert.equal(fused.status, 200);
  assert.deepEqual(Object.keys(fused.body), ['fused']);
  assert.deepEqual(fused.body.fused, full.body.fused);
  const bad = await get('/api/stats?parts=days');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.parameter, 'parts');
});

test('GET /api/stats?layout=columns gives fused.byPeriod as columns holding the same figures as its rows', async () => {
  await fusePending(repo);
  const rows = (await get('/api/stats?parts=fused')).body.fused;
  const columns = (await get('/api/stats?parts=fused&layout=columns')).body.fused;
  assert.deepEqual({ ...columns, byPeriod: null }, { ...rows, byPeriod: null });
  const { periods, types, count, fatalities } = columns.byPeriod;
  assert.ok(rows.byPeriod.length > 1 && types.length > 1, 'several periods and types to lay out');
  const fromColumns = types.flatMap((event_type: string, t: number) =>
    periods.flatMap((period: string, p: number) =>
      count[t][p] > 0 ? [{ period, event_type, count: count[t][p], fatalities: fatalities[t][p] }] : [],
    ),
  );
  const byKey = (a: { period: string; event_type: string }, b: { period: string; event_type: string }) =>
    `${a.period}\n${a.event_type}`.localeCompare(`${b.period}\n${b.event_type}`);
  assert.deepEqual(fromColumns.sort(byKey), [...rows.byPeriod].sort(byKey));
  assert.deepEqual(periods, [...new Set(rows.byPeriod.map((r: { period: string }) => r.period))].sort());
  assert.deepEqual(
    (await get('/api/stats?layout=columns')).body.fused.byPeriod,
    columns.byPeriod,
    'the full answer lays out alike',
  );
  const bad = await get('/api/stats?layout=grid');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.parameter, 'layout');
});

test('GET /api/stats and the map are sent gzipped to clients that accept it, the same JSON', async () => {
  for (const path of ['/api/stats?interval=month', '/api/fused-events/map']) {
    const plain = await app.request(path);
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
    const expected = await plain.json();
    for (const [accept, gzipped] of [
      ['gzip, deflate, br', true],
      ['br;q=1.0, gzip;q=0.5', true],
      ['*', true],
      ['gzip;q=0', false],
      ['br', false],
    ] as const) {
      const res = await app.request(path, { headers: { 'accept-encoding': accept } });
      assert.equal(res.headers.get('content-encoding'), gzipped ? 'gzip' : null, `${path}, ${accept}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual(JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString('utf8')), expected, path);
    }
  }
});

describe('articles', () => {
  test('Arabic full-text search ignores harakat', async () => {
    const { body } = await get(`/api/articles?q=${encodeURIComponent('طَرَابُلُس')}`);
    assert.equal(body.total, 1);
    assert.equal(body.articles[0].title, 'اشتباكات عنيفة جنوب طرابلس');
  });

  test('a search of punctuation alone filters nothing, for articles and events', async () => {
    const all = (await get('/api/articles')).body.total;
    const articles = await get(`/api/articles?q=${encodeURIComponent('!!! ،')}`);
    assert.equal(articles.status, 200);
    assert.equal(articles.body.total, all);
    const events = await get(`/api/events?q=${encodeURIComponent('!!!')}`);
    assert.equal(events.status, 200);
    assert.equal(events.body.total, (await get('/api/events')).body.total);
  });

  test('one article with entity and event spans, by id or prefix', async () => {
    const { status, body } = await get(`/api/articles/${fixtures[0].id.slice(0, 10)}`);
    assert.equal(status, 200);
    assert.equal(body.article.text, fixtures[0].input.text);
    assert.deepEqual(
      body.entities.map((e: { text: string; start: number; end: number }) => body.article.text.slice(e.start, e.end)),
      ['ترهونة'],
    );
    assert.deepEqual(
      body.events.map((e: { id: string }) => e.id),
      ['fx-tarhuna-strike'],
    );
  });

  test('unknown article is 404', async () => {
    assert.equal((await get('/api/articles/0000000000000')).status, 404);
  });
});

test('GET /api/actors and /api/places look up the knowledge packs', async () => {
  const places = await get(`/api/places?q=${encodeURIComponent('طرابلس')}&limit=3`);
  assert.equal(places.status, 200);
  assert.ok(places.body.places.length >= 1 && places.body.places.length <= 3);
  assert.ok(places.body.places.some((p: { name: string }) => p.name === 'Tripoli'));
  const actors = await get('/api/actors?limit=5');
  assert.equal(actors.body.actors.length, 5);
  assert.ok(actors.body.total >= 5);
  for (const a of actors.body.actors) assert.ok(a.id && a.name && a.name_ar && typeof a.inter === 'number');
});

describe('POST /api/extract', () => {
  const text = 'استهدفت غارة جوية مخزنا للذخيرة قرب ترهونة فجر اليوم.';

  test('returns the extraction record without storing it', async () => {
    const before = await repo.countArticles();
    const res = await post('/api/extract', JSON.stringify({ text, title: 'غارة', published: '2019-05-01' }));
    assert.equal(res.status, 200);
    const record = await json(res);
    assert.equal(record.events.length, 1);
    assert.equal(record.events[0].trigger.text, 'غارة');
    assert.equal(record.article.published, '2019-05-01');
    assert.equal(await repo.countArticles(), before);
  });

  test('plain text is the article text', async () => {
    const res = await post('/api/extract', text, 'text/plain; charset=utf-8');
    assert.equal(res.status, 200);
    assert.equal((await json(res)).entities[0].text, 'ترهونة');
  });

  test('store=true (query or body) stores the article and its events', async () => {
    const res = await post('/api/extract?store=true', JSON.stringify({ text, title: 'مخزن ذخيرة' }));
    assert.equal(res.status, 201);
    const record = await json(res);
    assert.equal(res.headers.get('location'), `/api/articles/${record.article.id}`);
    assert.equal((await repo.getEvent(record.events[0].id))?.article.title, 'مخزن ذخيرة');
    const again = await post('/api/extract', JSON.stringify({ text: `${text} (تحديث)`, store: true }));
    assert.equal(again.status, 201);
  });

  const bad: [string, string, number, string | undefined][] = [
    ['not JSON', '{"text": ', 400, undefined],
    ['no text', '{"title": "x"}', 400, 'text'],
    ['text and title empty', '{"text": "  "}', 400, 'text'],
    ['bad date', JSON.stringify({ text, published: '08/04/2019' }), 400, 'published'],
    ['unknown field', JSON.stringify({ text, colour: 'red' }), 400, 'colour'],
  ];
  for (const [name, body, status, parameter] of bad) {
    test(`${name} → ${status}`, async () => {
      const res = await post('/api/extract', body);
      assert.equal(res.status, status);
      const answer = await json(res);
      assert.equal(answer.parameter, parameter);
    });
  }

  test('other content types → 415', async () => {
    assert.equal((await post('/api/extract', 'x', 'image/png')).status, 415);
  });
});

describe('POST /api/articles', () => {
  test('JSON array: each article stored and extracted', async () => {
    const articles = [
      {
        title: 'غارة على مخزن',
        text: 'دمرت غارة جوية مخزنا قرب ترهونة.',
        published: '2019-06-01',
        source: 'وكالة تجريبية',
        url: 'https://example.org/x',
      },
      { title: 'اجتماع', text: 'عقد المجلس البلدي اجتماعا لمناقشة الميزانية.' },
    ];
    const res = await post('/api/articles', JSON.stringify(articles));
    assert.equal(res.status, 201);
    const body = await json(res);
    assert.deepEqual(
      body.articles.map((a: { status: string; events: number }) => [a.status, a.events]),
      [
        ['new', 1],
        ['new', 0],
      ],
    );
    const stored = await repo.getArticle(body.articles[0].id);
    assert.equal(stored?.origins[0].source, 'وكالة تجريبية');
    const again = await post('/api/articles', JSON.stringify(articles[0]));
    assert.equal((await json(again)).articles[0].status, 'duplicate');
  });

  test('raw text body with its content type', async () => {
    const res = await post(
      '/api/articles',
      'سقطت قذيفة على حي سكني في ترهونة دون إصابات.',
      'text/plain; charset=utf-8',
    );
    assert.equal(res.status, 201);
  });

  test('a body with no article is 400', async () => {
    const res = await post('/api/articles', '[{"title": "", "text": ""}]');
    assert.equal(res.status, 400);
    assert.match((await json(res)).error, /empty article/);
  });
});

test('a 50 MB POST is refused with 413 before it is read', async () => {
  const big = 'ا'.repeat(25 * 1024 * 1024); // two bytes each in UTF-8
  for (const path of ['/api/extract', '/api/articles']) {
    const res = await post(path, JSON.stringify({ text: big }));
    assert.equal(res.status, 413, path);
    assert.match((await json(res)).error, /larger than/);
  }
});

describe('OpenAPI document', () => {
  test('describes every route of the app', () => {
    const routes = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`)),
    );
    assert.deepEqual([...routes].sort(), [...documented].sort());
  });

  test('documents every query parameter each route accepts', async () => {
    for (const [path, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method !== 'get' || path.includes('{')) continue;
        const params = ((op as { parameters?: { name: string }[] }).parameters ?? []).map((p) => p.name);
        // An undocumented parameter is rejected (400 naming it); a documented one is not.
        for (const name of params) {
          const { body } = await get(`${path}?${name}=__probe__`);
          assert.notEqual(body.error?.startsWith('unknown'), true, `${path} rejects documented "${name}"`);
        }
      }
    }
    const served = await get('/api/openapi.json');
    assert.equal(served.body.openapi, '3.0.3');
  });
});

describe('web app files', () => {
  test('index at /, with a content security policy', async () => {
    const res = await app.request('/');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });

  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/missing.js']) {
    test(`${path} is 404`, async () => {
      assert.equal((await app.request(path)).status, 404);
    });
  }

  test('every answer, errors too, forbids sniffing and carries the policy', async () => {
    for (const path of ['/', '/api/events?limit=1', '/api/events?limit=abc', '/api/nothing', '/missing.js']) {
      const res = await app.request(path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src/, path);
    }
  });

  test('unknown API routes are JSON 404', async () => {
    const { status, body } = await get('/api/nothing');
    assert.equal(status, 404);
    assert.match(body.error, /no route/);
  });
});
