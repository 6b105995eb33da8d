import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../core/span.js';
import type { GoldEvent } from './gold.js';
import { matchEvents, overlapScore } from './match.js';
import { actorMatches, compareActors, tokenOverlapRatio } from './actors.js';
import * as score from './score.js';
import { prf, rate, scoreDocument, scoreDocuments, type PredictedEvent } from './score.js';

// Our own three-sentence report; offsets are found by phrase so that the fixtures stay readable.
const TEXT =
  'قصفت طائرات حربية مواقع في طرابلس وفي بنغازي صباح أمس. ' +
  'واندلعت اشتباكات عنيفة في سرت أسفرت عن مقتل ثلاثة مسلحين وإصابة خمسة. ' +
  'وكان الجيش قد أعلن الشهر الماضي عن خطة لاستعادة المدينة.';

function at(phrase: string): Span {
  const start = TEXT.indexOf(phrase);
  assert.notEqual(start, -1, `fixture phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
}

const length = (s: Span) => s.end - s.start;
const S1 = at('قصفت طائرات حربية مواقع في طرابلس وفي بنغازي صباح أمس.');
const S2 = at('واندلعت اشتباكات عنيفة في سرت أسفرت عن مقتل ثلاثة مسلحين وإصابة خمسة.');
const S3 = at('وكان الجيش قد أعلن الشهر الماضي عن خطة لاستعادة المدينة.');

const TRIPOLI = { name: 'Tripoli', country: 'LY', lat: 32.8872, lon: 13.1913, geo_precision: 1 as const };
const BENGHAZI = { name: 'Benghazi', country: 'LY', lat: 32.1167, lon: 20.0667, geo_precision: 1 as const };
const SIRTE = { name: 'Sirte', country: 'LY', lat: 31.2089, lon: 16.5887, geo_precision: 1 as const };
const LNA = 'Military Forces of Libya (2014-) Libyan National Army';
const GNA = 'Military Forces of Libya (2016-2021) Government of National Accord';

function gold(over: Partial<GoldEvent>): GoldEvent {
  return {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    date: null,
    time_precision: null,
    date_text: 'أمس',
    location: TRIPOLI,
    actor1: LNA,
    assoc_actor_1: [],
    actor2: null,
    assoc_actor_2: [],
    fatalities: 0,
    injured: null,
    modality: 'asserted',
    trigger: at('قصفت'),
    evidence: [S1],
    ...over,
  };
}

function predicted(over: Partial<PredictedEvent>): PredictedEvent {
  return {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    date: null,
    date_text: 'أمس',
    location: TRIPOLI,
    actor1: { id: 'ly-lna', name: LNA },
    actor2: null,
    fatalities: 0,
    injured: null,
    modality: 'asserted',
    claimed_by: null,
    trigger: at('قصفت'),
    evidence: [S1],
    ...over,
  };
}

test('public API', () => {
  assert.deepEqual(Object.keys(score).sort(), [
    'PLACE_NEAR_KM',
    'prf',
    'rate',
    'scoreDocument',
    'scoreDocuments',
    'scorePair',
  ]);
});

test('overlapScore: triggers, trigger inside evidence, evidence only, nothing', () => {
  const cases: [string, PredictedEvent, number | null][] = [
    ['same trigger and evidence', predicted({}), 2],
    ['trigger inside the other evidence only', predicted({ trigger: at('طائرات'), evidence: [] }), 0.5],
    // The gold trigger lies inside the predicted evidence, which covers S1 (shared) and S2.
    [
      'evidence partly shared, triggers apart',
      predicted({ trigger: at('اشتباكات'), evidence: [S1, S2] }),
      0.5 + length(S1) / (length(S1) + length(S2)),
    ],
    ['another sentence', predicted({ trigger: at('اشتباكات'), evidence: [S2] }), null],
  ];
  for (const [name, p, expected] of cases) {
    const got = overlapScore(gold({}), p);
    if (expected === null) assert.equal(got, null, name);
    else assert.ok(got !== null && Math.abs(got - expected) < 1e-9, `${name}: ${got} vs ${expected}`);
  }
});

test('matchEvents: one-to-one, missed and spurious', () => {
  const g = [
    gold({}),
    gold({
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      trigger: at('اشتباكات'),
      evidence: [S2],
      location: SIRTE,
    }),
  ];
  const p = [predicted({ trigger: at('أعلن'), evidence: [S3] }), predicted({})];
  assert.deepEqual(matchEvents(g, p), { pairs: [{ gold: 0, predicted: 1 }], missed: [1], spurious: [0] });
  assert.deepEqual(matchEvents([], p), { pairs: [], missed: [], spurious: [0, 1] });
  assert.deepEqual(matchEvents(g, []), { pairs: [], missed: [0, 1], spurious: [] });
});

test('matchEvents: one sentence, two places: the nearer place decides', () => {
  const g = [gold({ location: TRIPOLI }), gold({ location: BENGHAZI })];
  const p = [predicted({ location: BENGHAZI }), predicted({ location: TRIPOLI })];
  assert.deepEqual(matchEvents(g, p).pairs, [
    { gold: 0, predicted: 1 },
    { gold: 1, predicted: 0 },
  ]);
});

test('matchEvents: same words, the same event_type wins before the place', () => {
  const g = [
    gold({ location: BENGHAZI }),
    gold({ event_type: 'Battles', sub_event_type: 'Armed clash', location: TRIPOLI }),
  ];
  const p = [predicted({ event_type: 'Battles', sub_event_type: 'Armed clash', location: BENGHAZI })];
  assert.deepEqual(matchEvents(g, p).pairs, [{ gold: 1, predicted: 0 }]);
});

test('matchEvents: more pairs beat a better overlap (not greedy)', () => {
  // Gold 0 fits prediction 0 best, but gold 1 can only take prediction 0.
  const g = [gold({}), gold({ trigger: at('بنغازي'), evidence: [at('مواقع في طرابلس وفي بنغازي')] })];
  const p = [predicted({}), predicted({ trigger: at('طائرات'), evidence: [] })];
  const pairs = matchEvents(g, p).pairs;
  assert.equal(pairs.length, 2);
  assert.deepEqual(pairs, [
    { gold: 0, predicted: 1 },
    { gold: 1, predicted: 0 },
  ]);
});

test('prf and rate', () => {
  assert.deepEqual(prf(0, 0, 0), { tp: 0, predicted: 0, gold: 0, precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(prf(0, 2, 0), { tp: 0, predicted: 2, gold: 0, precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(prf(0, 0, 3), { tp: 0, predicted: 0, gold: 3, precision: 0, recall: 0, f1: 0 });
  const m = prf(2, 4, 2);
  assert.equal(m.precision, 0.5);
  assert.equal(m.recall, 1);
  assert.ok(Math.abs(m.f1 - 2 / 3) < 1e-12);
  assert.deepEqual(rate([true, false, null, true]), { count: 2, total: 3, share: 2 / 3 });
  assert.deepEqual(rate([]), { count: 0, total: 0, share: null });
});

test('actorMatches: loose names, state forces by kind, country and faction', () => {
  const cases: [string | null, { id: string; name: string } | null, boolean][] = [
    [LNA, { id: 'ly-lna', name: LNA }, true],
    [LNA, { id: 'ly-gna-forces', name: GNA }, false],
    ['ly-lna', { id: 'ly-lna', name: 'anything' }, true],
    [
      'Police Forces of Libya',
      { id: 'ly-police-gna', name: 'Police Forces of Libya (2016-2021) Government of National Accord' },
      true,
    ],
    ['Police Forces of Libya', { id: 'ly-military-2011-2014', name: 'Military Forces of Libya (2011-2014)' }, false],
    ['Military Forces of Syria (2000-)', { id: 'ru', name: 'Military Forces of Russia (2000-)' }, false],
    [GNA, { id: 'ly-gna', name: 'Government of Libya (2016-2021) Government of National Accord' }, true],
    ['Islamic State (Libya)', { id: 'is-libya', name: 'Islamic State' }, true],
    ['Libya Dawn', { id: 'ly-tribes-army', name: 'Tribes Army (Libya)' }, false],
    [null, null, true],
    [null, { id: 'ly-lna', name: LNA }, false],
    [LNA, null, false],
    // Another English name of the same group, from the actor dictionary.
    ['Houthis', { id: 'ye-houthi-forces', name: 'Military Forces of Yemen (2016-) Houthi' }, true],
    ['Houthis', { id: 'ye-military-2012', name: 'Military Forces of Yemen (2012-2022)' }, false],
  ];
  for (const [g, p, expected] of cases) assert.equal(actorMatches(g, p), expected, `${g} ~ ${p?.name}`);
  assert.equal(tokenOverlapRatio('Unidentified Armed Group (Libya)', 'Unidentified Armed Group (Syria)'), 0.75);
});

test('compareActors: either order, except in Violence against civilians', () => {
  const lna = { id: 'ly-lna', name: LNA };
  const gna = { id: 'ly-gna-forces', name: GNA };
  const battle = { event_type: 'Battles', actor1: LNA, actor2: GNA };
  assert.deepEqual(compareActors(battle, { actor1: gna, actor2: lna }), { actor1: true, actor2: true });
  const vac = { event_type: 'Violence against civilians', actor1: LNA, actor2: GNA };
  assert.deepEqual(compareActors(vac, { actor1: gna, actor2: lna }), { actor1: false, actor2: false });
  assert.deepEqual(compareActors(vac, { actor1: lna, actor2: null }), { actor1: true, actor2: false });
});

test('scoreDocument: fields of a matched pair', () => {
  const g = gold({
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    trigger: at('اشتباكات'),
    evidence: [S2],
    location: SIRTE,
    date: '2016-05-04',
    date_text: 'أمس',
    actor1: GNA,
    actor2: LNA,
    fatalities: 3,
    injured: 5,
    modality: 'claimed',
  });
  const p = predicted({
    event_type: 'Battles',
    sub_event_type: 'Government regains territory',
    trigger: at('اشتباكات عنيفة'),
    evidence: [S2],
    location: { ...SIRTE, lat: SIRTE.lat + 0.1 },
    date: '2016-05-04',
    date_text: 'أمس',
    actor1: { id: 'ly-lna', name: LNA },
    actor2: { id: 'ly-gna-forces', name: GNA },
    fatalities: 3,
    injured: null,
    modality: 'asserted',
  });
  const d = scoreDocument({ doc: 'd', gold: [g], predicted: [p], notEvents: [] });
  const pair = d.pairScores[0];
  assert.equal(pair.eventType, true);
  assert.equal(pair.subEventType, false);
  assert.ok(pair.km !== null && pair.km > 10 && pair.km < 12, String(pair.km));
  assert.equal(pair.placeMissing, false);
  assert.equal(pair.date, true);
  assert.equal(pair.dateText, true);
  assert.equal(pair.fatalities, true);
  assert.equal(pair.injured, false);
  assert.equal(pair.injuredNullAsZero, false);
  assert.equal(pair.actor1 && pair.actor2, true);
  assert.equal(pair.modality, false);
  assert.equal(d.detection.f1, 1);
});

test("claimants: overlap with one of gold's sources; a source where gold has none counts apart", () => {
  const army = at('الجيش');
  const fighters = at('ثلاثة مسلحين');
  const claimant = (g: Partial<GoldEvent>, p: Span | null) =>
    scoreDocument({ doc: 'd', gold: [gold(g)], predicted: [predicted({ claimed_by: p })], notEvents: [] })
      .pairScores[0];
  const named = {
    claimed_by: [
      { ...fighters, organisation: null },
      { ...army, organisation: LNA },
    ],
  };
  assert.deepEqual(
    [claimant(named, { start: army.start + 1, end: army.end + 4 }).claimant, claimant(named, null).claimant],
    [true, false],
  );
  assert.equal(claimant(named, S1).claimant, false, 'a span touching neither source');
  // The same source named again elsewhere (its other mentions) names the right claimant too.
  const alsoNamed = { claimed_by: [{ ...army, organisation: LNA, mentions: [at('سرت')] }] };
  assert.equal(claimant(alsoNamed, at('في سرت')).claimant, true);
  // Its organisation: gold's for the source named, loosely; none on both sides agrees.
  const organisation = (p: Partial<PredictedEvent>) =>
    scoreDocument({ doc: 'd', gold: [gold(named)], predicted: [predicted(p)], notEvents: [] }).pairScores[0]
      .claimantOrganisation;
  assert.equal(organisation({ claimed_by: army, claimed_by_actor: { id: 'ly-lna', name: LNA } }), true);
  assert.equal(organisation({ claimed_by: army, claimed_by_actor: { id: 'ly-gna', name: GNA } }), false);
  assert.equal(organisation({ claimed_by: fighters, claimed_by_actor: null }), true);
  assert.equal(organisation({ claimed_by: S1 }), null);
  assert.equal(claimant(named, army).claimantWhereNone, null);
  assert.deepEqual(
    [claimant({ claimed_by: [] }, army).claimantWhereNone, claimant({ claimed_by: [] }, null).claimantWhereNone],
    [true, false],
  );
  assert.equal(claimant({ claimed_by: [] }, army).claimant, null);
  // Not annotated: neither is scored.
  assert.deepEqual([claimant({}, army).claimant, claimant({}, army).claimantWhereNone], [null, null]);
  const s = scoreDocuments([
    { doc: 'a', gold: [gold(named)], predicted: [predicted({ claimed_by: army })], notEvents: [] },
    { doc: 'b', gold: [gold(named)], predicted: [predicted({})], notEvents: [] },
    { doc: 'c', gold: [gold({ claimed_by: [] })], predicted: [predicted({ claimed_by: army })], notEvents: [] },
  ]);
  assert.deepEqual(s.claimedBy.right, { count: 1, total: 2, share: 0.5 });
  assert.deepEqual(s.claimedBy.givenWhereNone, { count: 1, total: 1, share: 1 });
});

test('scoreDocuments: totals, places, null tolls, not-events and per-document breakdown', () => {
  const notEvent = { ...S3, why: 'a plan, not an event' };
  const docA = {
    doc: 'a',
    gold: [
      gold({ location: TRIPOLI, fatalities: null }),
      gold({ location: BENGHAZI, date: '2016-05-04' }),
      gold({
        event_type: 'Battles',
        sub_event_type: 'Armed clash',
        trigger: at('اشتباكات'),
        evidence: [S2],
        location: SIRTE,
      }),
    ],
    predicted: [
      predicted({ location: TRIPOLI, fatalities: 0 }),
      predicted({ location: BENGHAZI, date: null, date_text: 'صباح أمس' }),
      predicted({
        event_type: 'Battles',
        sub_event_type: 'Government regains territory',
        trigger: at('لاستعادة'),
        evidence: [S3],
      }),
    ],
    notEvents: [notEvent],
  };
  const docB = {
    doc: 'b',
    gold: [gold({ location: SIRTE, injured: null })],
    predicted: [predicted({ location: null, injured: 0 })],
    notEvents: [],
  };
  const s = scoreDocuments([docA, docB]);
  assert.equal(s.documents, 2);
  assert.deepEqual([s.detection.tp, s.detection.predicted, s.detection.gold], [3, 4, 4]);
  assert.equal(s.eventType.tp, 3);
  assert.equal(s.subEventType.tp, 3);
  assert.deepEqual(s.byEventType.Battles, prf(0, 1, 1));
  assert.deepEqual(s.byEventType['Explosions/Remote violence'], prf(3, 3, 3));
  // Two pairs with coordinates, both at the same point; doc b's prediction has no place.
  assert.equal(s.place.pairsWithCoordinates, 2);
  assert.equal(s.place.medianKm, 0);
  assert.equal(s.place.meanKm, 0);
  assert.deepEqual(s.place.within25km, { count: 2, total: 2, share: 1 });
  assert.deepEqual(s.place.goldPlacePredictedNone, { count: 1, total: 3, share: 1 / 3 });
  // Both located pairs carry the country (LY) on both sides.
  assert.deepEqual(s.place.rightCountry, { count: 2, total: 2, share: 1 });
  // Dates: null == null counts as right; the Benghazi pair is wrong on date and date_text.
  assert.deepEqual(s.date, { count: 2, total: 3, share: 2 / 3 });
  assert.deepEqual(s.dateText, { count: 2, total: 3, share: 2 / 3 });
  // Gold null fatalities are left out of the exact share and agree with 0 when null counts as 0.
  assert.deepEqual(s.fatalities.exact, { count: 2, total: 2, share: 1 });
  assert.deepEqual(s.fatalities.nullAsZero, { count: 3, total: 3, share: 1 });
  assert.deepEqual(s.injured.exact, { count: 0, total: 0, share: null });
  assert.deepEqual(s.injured.nullAsZero, { count: 3, total: 3, share: 1 });
  assert.deepEqual(s.actors.both, { count: 3, total: 3, share: 1 });
  assert.deepEqual(s.modality, { count: 3, total: 3, share: 1 });
  assert.deepEqual(s.notEvents, {
    spans: 1,
    spansHit: 1,
    predictedInside: 1,
    hits: [{ doc: 'a', predicted: 2, notEvent: 0 }],
  });
  const [a, b] = s.perDocument;
  assert.deepEqual([a.doc, a.pairs.length, a.missed, a.spurious], ['a', 2, [2], [2]]);
  assert.deepEqual([b.doc, b.detection.f1], ['b', 1]);
});
