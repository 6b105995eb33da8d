/** Fusion rules on facts, and fusion of Arabic reports through ingest (SQLite). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as fusion from './index.js';
import { sameOccurrence } from './rules.js';
import type { FusionFacts } from '../store/repository.js';
import { SqliteRepository } from '../store/sqlite.js';
import { articleInput } from '../testing/repository-suite.js';
import { storeArticles } from '../app/ingest.js';

test('public API', () => {
  assert.deepEqual(Object.keys(fusion).sort(), [
    'NEAR_KM',
    'actorRule',
    'candidateWindows',
    'dateRule',
    'explain',
    'familyTypes',
    'fuseAll',
    'fusePending',
    'fusedId',
    'mergeRecords',
    'partition',
    'placeRule',
    'sameOccurrence',
    'typeFamily',
    'typeRule',
  ]);
});

function facts(id: string, fields: Partial<FusionFacts> = {}): FusionFacts {
  return {
    id,
    articleId: `a-${id}`,
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    date: '2019-04-07',
    time_precision: 1,
    lat: 32.8872,
    lon: 13.1913,
    geo_precision: 1,
    admin1: 'Tripoli',
    actors1: ['lna'],
    actors2: ['gna'],
    place: 'Tripoli',
    ...fields,
  };
}

test('sameOccurrence: each rule joins or refuses with its reason', () => {
  const cases: [string, Partial<FusionFacts>, Partial<FusionFacts>, RegExp][] = [
    [
      'the same clash',
      {},
      { lat: 32.88, lon: 13.35, place: 'Tajura' },
      /^same type Battles\/Armed clash, same day 2019-04-07, 14\.8 km apart \(Tripoli \/ Tajura\), actors compatible$/,
    ],
    ['one article', { articleId: 'x' }, { articleId: 'x' }, /^same article$/],
    [
      'a shelling and a clash are one family',
      {},
      { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
      /^same family/,
    ],
    [
      'a protest is not a clash',
      {},
      { event_type: 'Protests', sub_event_type: 'Peaceful protest' },
      /^different types/,
    ],
    ['another day', {}, { date: '2019-04-08' }, /^different days/],
    ['within the week', {}, { date: '2019-04-10', time_precision: 2 }, /, same week \(2019-04-07 \/ 2019-04-10\),/],
    ['beyond the week', {}, { date: '2019-04-11', time_precision: 2 }, /^4 days apart/],
    ['same month', { date: '2019-04-15', time_precision: 3 }, { date: '2019-04-30' }, /same month 2019-04/],
    ['undated', { date: null }, { date: null }, /^undated$/],
    [
      '100 km apart',
      {},
      { lat: 31.98, lon: 13.19, admin1: 'Jafara', place: 'Aziziya' },
      /^100\.\d km apart \(Tripoli \/ Aziziya\)$/,
    ],
    [
      'imprecise, same district',
      { geo_precision: 2 },
      { lat: 32.5, lon: 13.6 },
      /same district Tripoli, place imprecise/,
    ],
    ['precise, same district, far', {}, { lat: 32.5, lon: 13.6 }, /km apart/],
    ['no place', { lat: null, lon: null }, {}, /^no place$/],
    [
      'actors in the other order',
      {},
      { actors1: ['gna'], actors2: ['lna'] },
      /actors compatible \(in the other order\)$/,
    ],
    ['an unnamed side agrees', {}, { actors1: [], actors2: ['lna'] }, /actors compatible/],
    [
      'one side conflicts',
      {},
      { actors1: ['isis'], actors2: ['lna'] },
      /^actors conflict \(lna v gna \/ isis v lna\)$/,
    ],
    [
      'conflicting on both sides',
      {},
      { actors1: ['isis'], actors2: ['tribe'] },
      /^actors conflict \(lna v gna \/ isis v tribe\)$/,
    ],
    [
      'victims are actor 2 in violence against civilians',
      { event_type: 'Violence against civilians', actors1: ['lna'], actors2: ['civilians'] },
      { event_type: 'Violence against civilians', actors1: ['civilians'], actors2: ['lna'] },
      /^actors conflict/,
    ],
  ];
  for (const [label, a, b, expected] of cases) {
    const x = facts('x', a);
    const y = facts('y', b);
    const result = sameOccurrence(x, y);
    assert.match(result.reason, expected, label);
    assert.equal(sameOccurrence(y, x).ok, result.ok, `${label}: symmetric`);
  }
});

test('candidate windows cover every date the date rule accepts', () => {
  const windows = fusion.candidateWindows(facts('x', { date: '2019-04-30' }));
  assert.deepEqual(windows, [
    { types: ['Battles', 'Explosions/Remote violence'], since: '2019-04-27', until: '2019-05-03' },
    { types: ['Battles', 'Explosions/Remote violence'], since: '2019-04-01', until: '2019-04-31', precision: 3 },
  ]);
  assert.deepEqual(fusion.candidateWindows(facts('x', { date: null })), []);
});

test('a partition never puts two events of one article, or two unlinked events, together', () => {
  const clusters = fusion.partition([
    facts('b', { articleId: 'a1' }),
    facts('a', { articleId: 'a2' }),
    facts('c', { articleId: 'a1' }),
    facts('d', { articleId: 'a3', actors1: ['isis'], actors2: ['tribe'] }),
  ]);
  assert.deepEqual(
    clusters.map((c) => c.members.map((m) => m.facts.id)),
    [['a', 'b'], ['c'], ['d']],
  );
});

// Two outlets' reports of one clash, worded and spelled differently, with different tolls.
const REPORT_A =
  'قتل 4 من عناصر قوات حكومة الوفاق أمس الأحد في اشتباكات مع قوات الجيش الوطني الليبي في منطقة تاجوراء شرق طرابلس.';
const REPORT_B =
  'أفاد مصدر عسكري بسقوط 6 قتلى في مواجهات بين قوات حكومة الوفاق والجيش الوطني الليبي يوم الأحد في العاصمة طَرابُلس، بحسب ما أعلن المتحدث باسم الجيش.';
// A clash the next week between the same forces, and one in Sirte the same day.
const REPORT_LATER =
  'قتل 3 من قوات حكومة الوفاق في اشتباكات مع قوات الجيش الوطني الليبي في تاجوراء يوم الأحد 14 أبريل 2019.';
const REPORT_FAR = 'قتل 2 في اشتباكات بين قوات حكومة الوفاق وقوات الجيش الوطني الليبي أمس الأحد في مدينة سرت.';

function report(title: string, text: string, source: string) {
  return articleInput(title, text, {
    published: '2019-04-08',
    origin: { url: `https://${source}.example/1`, source, input: 'test', externalId: null },
  });
}

test('two reports of one clash are one fused event with both sources and the lower toll; removing one unmerges', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-fusion-'));
  const repo = new SqliteRepository(join(dir, 'fusion.db'));
  try {
    const timing = { fusionSeconds: 0 };
    const stored = await storeArticles(
      repo,
      [report('اشتباكات في تاجوراء', REPORT_A, 'agency'), report('معارك في العاصمة', REPORT_B, 'paper')],
      timing,
    );
    assert.deepEqual(
      stored.map((s) => s.events),
      [1, 1],
    );
    assert.ok(timing.fusionSeconds > 0);
    const [fused, ...others] = await repo.listFusedEvents({});
    assert.equal(others.length, 0);
    assert.equal(fused.record.event_type, 'Battles');
    assert.equal(fused.record.date, '2019-04-07');
    assert.equal(fused.record.fatalities, 4);
    assert.deepEqual(fused.fatalities_range, [4, 6]);
    assert.deepEqual(fused.members.map((m) => m.article.source).sort(), ['agency', 'paper']);
    assert.match(
      fused.explanation.join('\n'),
      /same type Battles\/Armed clash, same day 2019-04-07, \d+\.\d km apart \((Tajura \/ Tripoli|Tripoli \/ Tajura)\), actors compatible/,
    );

    // Another day and another city stay apart.
    await storeArticles(repo, [
      report('اشتباكات جديدة', REPORT_LATER, 'site'),
      report('اشتباكات في سرت', REPORT_FAR, 'radio'),
    ]);
    assert.deepEqual((await repo.listFusedEvents({})).map((f) => f.members.length).sort(), [1, 1, 2]);

    const paper = fused.members.find((m) => m.article.source === 'paper')!;
    await repo.transaction(async () => {
      await repo.deleteArticle(paper.article.id);
      await fusion.fusePending(repo);
    });
    const left = await repo.getFusedEvent(fused.members.find((m) => m.article.source === 'agency')!.eventId);
    assert.deepEqual(
      [left?.members.map((m) => m.article.source), left?.record.fatalities, left?.fatalities_range],
      [['agency'], 4, [4, 4]],
    );
    assert.equal(await repo.countFusedEvents(), 3);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
