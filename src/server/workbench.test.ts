/**
 * The workbench routes: fused events listed, filtered, paged and exported; reviews decided,
 * kept and refused (bad values, other sites), on a small store written here.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { Analyzer } from './analyzer.js';
import { SqliteRepository } from '../store/sqlite.js';
import { fusePending } from '../fusion/fuse.js';
import { articleInput, eventRecord } from '../testing/repository-suite.js';
import type { EventActor } from '../events/record.js';
import { withCountCap } from '../testing/count-cap.js';
import { exportContext, exportFusedEvents } from '../export/index.js';
import { Writable } from 'node:stream';

const noEvents: Analyzer = {
  extract: (article) => ({
    article: { id: article.id, title: article.title, published: article.published, source: null, url: null },
    events: [],
    entities: [],
  }),
};

/** The LNA as the actor dictionary names it (packs/libya/actors.json). */
const LNA: EventActor = { id: 'ly-lna', name: 'Libyan National Army', name_ar: 'الجيش الوطني الليبي', inter: 1 };

let dir: string;
let repo: SqliteRepository;
let app: Hono;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;
const get = async (path: string): Promise<{ status: number; body: Json; text: string; type: string }> => {
  const res = await app.request(path);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, text, type, body: type.includes('json') ? JSON.parse(text) : null };
};
const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-workbench-'));
  repo = new SqliteRepository(join(dir, 'workbench.db'));
  const outlets = ['وكالة أ', 'جريدة الفجر', 'قناة ج'];
  for (const [i, outlet] of outlets.entries()) {
    await repo.upsertArticle(
      `a${i + 1}`,
      articleInput(`a${i + 1}`, `نص ${i}`, {
        published: '2019-04-08',
        origin: { url: `https://x.example/${i}`, source: outlet, input: 'test', externalId: null },
      }),
    );
  }
  // One clash told by three outlets; a strike and a protest told once.
  await repo.replaceEvents('a1', [
    eventRecord('e1', { fatalities: 4, actor1: LNA }),
    eventRecord('e4', {
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      date: '2019-04-07',
      fatalities: 2,
      actor1: null,
    }),
  ]);
  await repo.replaceEvents('a2', [eventRecord('e2', { fatalities: 6, actor1: LNA })]);
  await repo.replaceEvents('a3', [
    eventRecord('e3', { fatalities: 5, actor1: LNA }),
    eventRecord('e5', {
      event_type: 'Protests',
      sub_event_type: 'Peaceful protest',
      date: '2019-04-09',
      actor1: null,
      actor2: null,
    }),
  ]);
  await fusePending(repo);
  app = createApp({ repo, analyzer: noEvents, webDir: null });
});

after(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GET /api/fused-events: one item per occurrence with its sources, outlets and review; paged', async () => {
  const { status, body } = await get('/api/fused-events');
  assert.equal(status, 200);
  assert.deepEqual([body.total, body.offset, body.limit], [3, 0, 100]);
  assert.deepEqual(
    body.items.map((i: Json) => i.id),
    ['fe-e5', 'fe-e1', 'fe-e4'],
  );
  const clash = body.items[1];
  assert.deepEqual([clash.reports, clash.outlets, clash.fatalities, clash.fatalities_range], [3, 3, 4, [4, 6]]);
  assert.deepEqual(clash.sources[1], {
    articleId: 'a2',
    eventId: 'e2',
    outlet: 'جريدة الفجر',
    source: 'جريدة الفجر',
    title: 'a2',
    url: 'https://x.example/1',
    published: '2019-04-08',
  });
  assert.deepEqual([clash.review, clash.review_status], [null, 'unreviewed']);
  assert.equal(clash.evidence, undefined, 'lists leave the evidence to the detail');
  const page = await get('/api/fused-events?limit=1&offset=1&sort=date-asc');
  assert.deepEqual([page.body.total, page.body.items.map((i: Json) => i.id)], [3, ['fe-e1']]);
  assert.deepEqual(
    (await get('/api/fused-events?sort=reports')).body.items.map((i: Json) => i.id),
    ['fe-e1', 'fe-e5', 'fe-e4'],
  );
});

test('GET /api/fused-events: a total of outlet or text matches stops at the cap and says so', async () => {
  // The store's count of a list with a cap of 1 in place of 10,000.
  const capped = createApp({ repo: withCountCap(repo, 1), analyzer: noEvents, webDir: null });
  const res = await capped.request(`/api/fused-events?source=${encodeURIComponent('وكالة')}`);
  const page = (await res.json()) as Json;
  assert.deepEqual([page.total, page.totalCapped, page.items.length], [1, true, 2]);
  const exact = (await get('/api/fused-events')).body;
  assert.deepEqual([exact.total, exact.totalCapped], [3, false]);
});

test('GET /api/fused-events/map: the newest placed fused events as points, bounded, with how many match', async () => {
  const { status, body } = await get('/api/fused-events/map');
  assert.equal(status, 200);
  assert.deepEqual([body.total, body.limit], [3, 20_000]);
  const { lon, lat } = eventRecord('x').location!;
  assert.deepEqual(body.points[1], ['fe-e1', lon, lat, 'Battles', 4, '2019-04-08']);
  const newest = await get('/api/fused-events/map?limit=1&type=Battles');
  assert.deepEqual([newest.body.total, newest.body.points.map((p: Json) => p[0])], [1, ['fe-e1']]);
  const capped = await get('/api/fused-events/map?limit=2');
  assert.deepEqual([capped.body.total, capped.body.points.map((p: Json) => p[0])], [3, ['fe-e5', 'fe-e1']]);
  assert.equal((await get('/api/fused-events/map?limit=100001')).status, 400);
});

test('fused-event filters: type and sub-type in any case, actor by any alias, toll, country, admin1', async () => {
  const ids = async (query: string) => {
    const { status, body } = await get(`/api/fused-events?${query}`);
    assert.equal(status, 200, `${query}: ${JSON.stringify(body)}`);
    return body.items.map((i: Json) => i.id);
  };
  assert.deepEqual(await ids('type=battles'), ['fe-e1']);
  assert.deepEqual(await ids(`subType=${encodeURIComponent('air/drone STRIKE')}`), ['fe-e4']);
  assert.deepEqual(await ids(`actor=${encodeURIComponent('قوات حفتر')}`), ['fe-e1'], 'an alias no event spells');
  assert.deepEqual(await ids(`actor=${encodeURIComponent('Libyan National Army')}`), ['fe-e1']);
  assert.deepEqual(await ids('fatalitiesMin=3'), ['fe-e1']);
  assert.deepEqual(await ids('fatalitiesMin=1&fatalitiesMax=3'), ['fe-e4']);
  assert.deepEqual(await ids('country=ly'), []);
  assert.deepEqual(await ids('admin1=Tripoli&type=Protests'), ['fe-e5']);
  assert.deepEqual(await ids(`outlet=${encodeURIComponent('الفجر')}`), ['fe-e1']);
  assert.deepEqual(await ids('review=unreviewed'), ['fe-e5', 'fe-e1', 'fe-e4']);
  // The same parsing on per-article events.
  const events = await get('/api/events?type=BATTLES&fatalitiesMin=5');
  assert.deepEqual(events.body.events.map((e: Json) => e.id).sort(), ['e2', 'e3']);
});

test('an unknown type, sub-type, review status or modality is a 400 listing the valid values', async () => {
  for (const path of ['/api/fused-events', '/api/events', '/api/events.csv', '/api/fused-events.csv', '/api/stats']) {
    const { status, body } = await get(`${path}?type=Battle`);
    assert.equal(status, 400, path);
    assert.equal(body.parameter, 'type');
    assert.match(body.error, /unknown event type "Battle": expected one of Battles, Protests, Riots/);
  }
  const sub = await get('/api/fused-events?type=Protests&subType=Armed%20clash');
  assert.equal(sub.status, 400);
  assert.match(sub.body.error, /sub-event type of Protests.*Peaceful protest/);
  const review = await get('/api/fused-events?review=done');
  assert.match(
    review.body.error,
    /unknown review status "done": expected one of unreviewed, confirmed, corrected, dismissed/,
  );
  assert.equal((await get('/api/fused-events?modality=rumour')).status, 400);
  assert.equal((await get('/api/fused-events?fatalitiesMin=-1')).status, 400);
  assert.equal((await get('/api/fused-events?sort=outlets')).status, 400);
});

test('GET /api/events/fe-… and /api/fused-events/{id}: the fused event with members and explanation', async () => {
  for (const path of ['/api/events/fe-e1', '/api/fused-events/fe-e1', '/api/fused-events/e2']) {
    const { status, body } = await get(path);
    assert.equal(status, 200, path);
    assert.equal(body.id, 'fe-e1');
    assert.deepEqual(
      body.members.map((m: Json) => m.eventId),
      ['e1', 'e2', 'e3'],
    );
    assert.equal(body.explanation.length, 4);
    assert.ok(body.record.evidence.length > 0);
  }
  assert.equal((await get('/api/events/fe-nope')).status, 404);
  assert.equal((await get('/api/fused-events/fe-nope')).status, 404);
});

test('review: correct, confirm, dismiss and reopen; the trail keeps every action; lists and exports follow', async () => {
  const corrected = await send('POST', '/api/events/fe-e1/review', {
    action: 'correct',
    changes: { fatalities: 7, type: 'battles', subType: 'armed clash', place: 'ly-derna' },
    note: 'hospital count',
  });
  assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
  assert.deepEqual([corrected.body.review.status, corrected.body.review.machine.fatalities], ['corrected', 4]);
  assert.deepEqual(
    [corrected.body.event.fatalities, corrected.body.event.fatalities_range, corrected.body.event.location.admin1],
    [7, [7, 7], 'Darnah'],
  );
  const listed = await get('/api/fused-events?review=corrected');
  assert.deepEqual(
    listed.body.items.map((i: Json) => [i.id, i.fatalities, i.review_status]),
    [['fe-e1', 7, 'corrected']],
  );

  const dismissed = await send('DELETE', '/api/events/fe-e4?note=duplicate');
  assert.equal(dismissed.status, 200);
  assert.equal(dismissed.body.review.status, 'dismissed');
  assert.deepEqual(
    (await get('/api/fused-events')).body.items.map((i: Json) => i.id),
    ['fe-e5', 'fe-e1'],
  );
  assert.deepEqual(
    (await get('/api/fused-events?includeDismissed=true')).body.items.map((i: Json) => i.id),
    ['fe-e5', 'fe-e1', 'fe-e4'],
  );

  // A per-article event too.
  const one = await send('POST', '/api/events/e5/review', { action: 'confirm', note: 'seen' });
  assert.deepEqual([one.status, one.body.review.status, one.body.event.review_status], [200, 'confirmed', undefined]);
  assert.deepEqual(
    (await get('/api/events?review=confirmed')).body.events.map((e: Json) => [e.id, e.review_status]),
    [['e5', 'confirmed']],
  );

  // Exports: corrections applied, the status said, dismissed left out unless asked for.
  const csv = await get('/api/fused-events.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.type, /text\/csv/);
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines.length, 3, 'header and two events');
  const clashLine = lines.find((l) => l.includes(',Battles,'))!;
  assert.match(clashLine, /,Darnah,/);
  assert.match(clashLine, /review corrected/);
  assert.equal((await get('/api/fused-events.csv?includeDismissed=true')).text.trim().split('\r\n').length, 4);
  // The same bytes as marsad export (the timestamp column aside).
  const out: string[] = [];
  await exportFusedEvents(
    repo,
    new Writable({
      write(chunk: Buffer, _e, done) {
        out.push(chunk.toString('utf8'));
        done();
      },
    }),
    { format: 'acled-csv', context: exportContext() },
  );
  const withoutTimestamp = (text: string) => text.replace(/,\d{10}\r\n/g, ',T\r\n');
  assert.equal(withoutTimestamp(csv.text), withoutTimestamp(out.join('')));
  const geojson = await get('/api/fused-events.geojson?type=Battles');
  const features = JSON.parse(geojson.text).features;
  assert.deepEqual(
    features.map((f: Json) => [f.id, f.properties.fatalities, f.properties.review_status, f.properties.outlets]),
    [['fe-e1', 7, 'corrected', 3]],
  );

  const history = await get('/api/events/fe-e1/reviews');
  assert.deepEqual(
    history.body.reviews.map((e: Json) => [e.action, e.status, e.before.fatalities, e.note]),
    [['correct', 'corrected', 4, 'hospital count']],
  );
  const reopened = await send('POST', '/api/events/fe-e1/review', { action: 'reopen' });
  assert.deepEqual([reopened.body.event.fatalities, reopened.body.event.review_status], [4, 'unreviewed']);
  assert.equal((await get('/api/events/fe-e1/reviews')).body.reviews.length, 2);
  assert.equal((await get('/api/events/nope/reviews')).status, 404);
});

test('review: bad bodies are 400s naming the field; an unknown event is a 404', async () => {
  const bad = [
    { body: { action: 'approve' }, parameter: 'action' },
    { body: { action: 'correct' }, parameter: 'changes' },
    { body: { action: 'confirm', changes: { fatalities: 1 } }, parameter: 'changes' },
    { body: { action: 'correct', changes: { colour: 'red' } }, parameter: 'colour' },
    { body: { action: 'correct', changes: { fatalities: -1 } }, parameter: 'changes' },
    { body: { action: 'correct', changes: { type: 'War' } }, parameter: 'changes' },
    { body: { action: 'correct', changes: { type: 'Riots' } }, parameter: 'changes' },
    { body: { action: 'correct', changes: { actor1: 'nobody at all' } }, parameter: 'changes' },
    { body: { action: 'correct', changes: { place: 'Atlantis' } }, parameter: 'changes' },
  ];
  for (const { body, parameter } of bad) {
    const res = await send('POST', '/api/events/fe-e5/review', body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.parameter, parameter, JSON.stringify(res.body));
  }
  assert.equal((await send('POST', '/api/events/fe-nope/review', { action: 'confirm' })).status, 404);
  assert.equal((await send('DELETE', '/api/events/nope')).status, 404);
  assert.equal((await get('/api/events/fe-e5/reviews')).body.reviews.length, 0, 'nothing refused was kept');
});

test('review: writing routes refuse other sites', async () => {
  const crossSite = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
  assert.equal((await send('POST', '/api/events/fe-e5/review', { action: 'dismiss' }, crossSite)).status, 403);
  assert.equal((await send('DELETE', '/api/events/fe-e5', undefined, crossSite)).status, 403);
  assert.equal((await get('/api/events/fe-e5')).body.review_status, 'unreviewed');
});
