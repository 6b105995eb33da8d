import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as actorsModule from './actors.js';
import {
  actorValidAt,
  aliasWindow,
  buildActorDictionary,
  loadActors,
  rangeCovers,
  rangesOverlap,
  type DictionaryEntry,
} from './actors.js';
import { normalizeForMatch } from '../text/normalize.js';

test('public API', () => {
  for (const name of [
    'loadActors',
    'buildActorDictionary',
    'actorValidAt',
    'aliasWindow',
    'rangeCovers',
    'rangesOverlap',
    'ActorsFileSchema',
    'PeopleFileSchema',
    'TitlesFileSchema',
    'INTER_CODES',
    'ACTOR_KINDS',
    'RELATIONS',
  ]) {
    assert.ok(name in actorsModule, `missing export ${name}`);
  }
});

test('date ranges: inclusive, any precision, null open', () => {
  const cases: [string | null, string | null, string, boolean][] = [
    ['2014-05-16', null, '2019', true],
    ['2014-05-16', null, '2014-05', true], // the month overlaps the start day
    ['2014-05-16', null, '2014-05-15', false],
    ['2016-03-30', '2021-03-14', '2021-03-14', true],
    ['2016-03-30', '2021-03-14', '2021-03-15', false],
    ['2014', '2015', '2015-12-31', true],
    [null, '2011-10-23', '2011-10-24', false],
    [null, null, '1990', true],
  ];
  for (const [from, to, date, expected] of cases) {
    assert.equal(rangeCovers(from, to, date), expected, `${from}..${to} covers ${date}`);
  }
  assert.equal(actorValidAt({ valid_from: '2014-05-16', valid_to: null }, null), true);
  assert.equal(actorValidAt({ valid_from: '2014-05-16', valid_to: null }, '2013'), false);
  assert.equal(rangesOverlap('2011-10-24', '2014-05-15', '2014-05-16', null), false);
  assert.equal(rangesOverlap('2014', null, '2014-05-16', null), true);
});

/** The real packs, loaded on first use rather than at import (loadActors caches them). */
function packs() {
  const dictionary = loadActors();
  const entries: DictionaryEntry[] = [...dictionary.actors, ...dictionary.people];
  return { dictionary, entries };
}

test('packs load and are large enough', () => {
  const { dictionary } = packs();
  assert.ok(dictionary.actors.length >= 120, `${dictionary.actors.length} actors`);
  assert.ok(dictionary.people.length >= 50, `${dictionary.people.length} people`);
  assert.ok(dictionary.titles.length >= 40, `${dictionary.titles.length} titles`);
  assert.ok(dictionary.partisanLabels.length >= 5);
});

test('ids are unique across actors and people', () => {
  const { dictionary, entries } = packs();
  const seen = new Set<string>();
  for (const e of entries) {
    assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
    seen.add(e.id);
  }
  assert.equal(dictionary.byId.size, entries.length);
});

test('every alias is non-empty after normalisation and listed once per entry', () => {
  const { entries } = packs();
  for (const e of entries) {
    const seen = new Set<string>();
    for (const a of e.aliases_ar) {
      assert.notEqual(a.norm, '', `${e.id}: alias "${a.text}" normalises to nothing`);
      assert.ok(!seen.has(a.norm), `${e.id}: alias "${a.text}" repeats another's normal form`);
      seen.add(a.norm);
    }
  }
});

test('a shared alias is either ambiguous on both entries or valid at different times', () => {
  const { entries } = packs();
  const byNorm = new Map<string, { e: DictionaryEntry; a: DictionaryEntry['aliases_ar'][number] }[]>();
  for (const e of entries) {
    for (const a of e.aliases_ar) byNorm.set(a.norm, [...(byNorm.get(a.norm) ?? []), { e, a }]);
  }
  const clashes: string[] = [];
  for (const [norm, list] of byNorm) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        const ambiguous = (z: typeof x) => z.a.ambiguous || (z.e.type === 'actor' && z.e.ambiguous === true);
        if (ambiguous(x) && ambiguous(y)) continue;
        const wx = aliasWindow(x.e, x.a);
        const wy = aliasWindow(y.e, y.a);
        if (rangesOverlap(wx.from, wx.to, wy.from, wy.to)) clashes.push(`${norm}: ${x.e.id} / ${y.e.id}`);
      }
    }
  }
  assert.deepEqual(clashes, []);
});

test('every affiliation, role, rank and partisan-label target exists', () => {
  const { dictionary } = packs();
  const titles = new Set(dictionary.titles.map((t) => t.text));
  for (const a of dictionary.actors) {
    for (const f of a.affiliations) {
      assert.ok(dictionary.byId.get(f.actor)?.type === 'actor', `${a.id} -> ${f.actor}`);
      assert.notEqual(f.actor, a.id, `${a.id} is affiliated with itself`);
    }
  }
  for (const p of dictionary.people) {
    for (const r of p.roles) assert.ok(dictionary.byId.get(r.actor)?.type === 'actor', `${p.id} role -> ${r.actor}`);
    for (const k of p.ranks ?? []) assert.ok(titles.has(k.rank), `${p.id} rank ${k.rank} is not in titles.json`);
  }
  for (const l of dictionary.partisanLabels) {
    for (const id of l.may_refer_to) assert.ok(dictionary.byId.has(id), `partisan label ${l.text} -> ${id}`);
  }
});

test('validity ranges are ordered', () => {
  const { dictionary, entries } = packs();
  const ordered = (from: string | null, to: string | null, what: string) => {
    if (from !== null && to !== null) assert.ok(from.slice(0, to.length) <= to, `${what}: ${from} > ${to}`);
  };
  for (const a of dictionary.actors) {
    ordered(a.valid_from, a.valid_to, a.id);
    for (const f of a.affiliations) ordered(f.from, f.to, `${a.id} -> ${f.actor}`);
  }
  for (const e of entries) for (const al of e.aliases_ar) ordered(al.from, al.to, `${e.id} alias ${al.text}`);
  for (const p of dictionary.people) {
    for (const r of p.roles) ordered(r.from, r.to, `${p.id} ${r.title_en}`);
    for (const k of p.ranks ?? []) ordered(k.from, k.to, `${p.id} ${k.rank}`);
  }
});

test('inter codes are ACLED 1-8 and foreign state forces are 8', () => {
  const { dictionary } = packs();
  for (const a of dictionary.actors) {
    assert.ok(Number.isInteger(a.inter) && a.inter >= 1 && a.inter <= 8, `${a.id} inter ${a.inter}`);
    if (a.kind === 'foreign_state' || a.kind === 'foreign_forces' || a.kind === 'pmc') assert.equal(a.inter, 8, a.id);
  }
});

test('pejorative labels are never aliases', () => {
  const { dictionary, entries } = packs();
  const aliasNorms = new Set(entries.flatMap((e) => e.aliases_ar.map((a) => a.norm)));
  for (const l of dictionary.partisanLabels.filter((x) => x.kind === 'pejorative')) {
    for (const norm of l.norms) assert.ok(!aliasNorms.has(norm), `"${norm}" is a partisan label and an alias`);
  }
});

test('اللواء is both a rank and a unit', () => {
  const { dictionary } = packs();
  const liwa = dictionary.titles.find((t) => t.text === 'اللواء');
  assert.equal(liwa?.kind, 'rank');
  assert.equal(liwa?.ambiguous_with_unit, true);
});

test('lookups: the best candidate for a label at a date', () => {
  const { dictionary } = packs();
  const cases: [label: string, date: string | null, expectedId: string][] = [
    ['قوات الوفاق', '2019-04-08', 'ly-gna-forces'],
    ['الجيش الوطني', '2019', 'ly-lna'],
    ['فجر ليبيا', '2014-08', 'ly-libya-dawn'],
    ['الكانيات', '2019', 'ly-kaniyat'],
    ['المسماري', null, 'p-ahmed-mismari'],
    ['حفتر', null, 'p-khalifa-haftar'],
    ['حفتر', '2024-09', 'p-khalifa-haftar'],
    ['الجيش الليبي', '2012-06', 'ly-military-2011-2014'],
    ['الجيش الليبي', '2019-04-08', 'ly-lna'],
    ['سلاح الجو الليبي', '2011-05', 'ly-gaddafi-forces'],
    ['وزارة الدفاع في حكومة طرابلس', '2014-12', 'ly-gns-mod'],
    ['وزارة الدفاع في حكومة طرابلس', '2022', 'ly-gnu-mod'],
    ['المجلس الرئاسي', '2019', 'ly-pc-gna'],
    ['المجلس الرئاسي', '2022', 'ly-pc-2021'],
    ['اللواء التاسع ترهونة', '2019-06', 'ly-kaniyat'],
    ['جيش القبائل', '2014', 'ly-tribes-army'],
    ['بركان الغضب', '2019-05', 'ly-gna-forces'],
    ['فاغنر', '2020', 'ru-wagner'],
    ['أفريكوم', '2019', 'us-military-2017'],
    ['أفريكوم', '2016', 'us-military-2009'],
    ['حكومة طرابلس', '2015', 'ly-gns-2014'],
    ['حكومة طرابلس', '2023', 'ly-gnu'],
    ['مسلحون مجهولون', '2020', 'unidentified-armed-group'],
    ['غنيوة', '2022', 'p-abdulghani-kikli'],
    ['جهاز دعم الاستقرار', '2022', 'ly-ssa'],
    ['الجيش الجيبوتي', '1990', 'dj-military-1977-1999'],
    ['الجيش الجيبوتي', '2020-03-02', 'dj-military-1999'],
    ['الشرطة الجيبوتية', '1995', 'dj-police-1977-1999'],
    ['الشرطة الجيبوتية', '2020', 'dj-police-1999'],
  ];
  for (const [label, date, expectedId] of cases) {
    const found = dictionary.candidatesFor(normalizeForMatch(label), date);
    assert.equal(found[0]?.entry.id, expectedId, `${label} @ ${date}: ${found.map((c) => c.entry.id).join(', ')}`);
  }
});

test('lookups: alias spelling variants normalise to the same key', () => {
  const { dictionary } = packs();
  const [first] = dictionary.candidatesFor(normalizeForMatch('قوات الوفاق'), '2019-04-08');
  const [variant] = dictionary.candidatesFor(normalizeForMatch('قوّات الوِفاق'), '2019-04-08');
  assert.equal(variant?.entry.id, first?.entry.id);
  assert.deepEqual(dictionary.candidatesFor(normalizeForMatch('لا أحد بهذا الاسم'), null), []);
});

test('lookups: candidates invalid at the date rank last and say why', () => {
  const { dictionary } = packs();
  const found = dictionary.candidatesFor(normalizeForMatch('الجيش الليبي'), '2012-06');
  assert.equal(found[0].validAtDate, true);
  assert.ok(found.slice(1).every((c) => c.validAtDate === false));
  assert.ok(found[1].why.some((w) => w.startsWith('not valid')));
});

test('the Mismari spokesman role points to the LNA', () => {
  const { dictionary } = packs();
  const [mismari] = dictionary.candidatesFor(normalizeForMatch('المسماري'), '2019-04-08');
  assert.equal(mismari.entry.type, 'person');
  assert.ok(
    mismari.entry.type === 'person' &&
      mismari.entry.roles.some((r) => r.actor === 'ly-lna' && r.title_en.startsWith('Spokesman')),
  );
});

test('affiliationsAt: in force at the date, both directions', () => {
  const { dictionary } = packs();
  const kaniyat2019 = dictionary.affiliationsAt('ly-kaniyat', '2019-06').map((a) => `${a.direction} ${a.actor}`);
  assert.ok(kaniyat2019.includes('out ly-lna'));
  assert.ok(!dictionary.affiliationsAt('ly-kaniyat', '2021').some((a) => a.actor === 'ly-lna'));
  assert.ok(
    dictionary
      .affiliationsAt('ly-tribes-army', '2014-10')
      .some((a) => a.actor === 'ly-lna' && a.relation === 'allied_with'),
  );
  assert.ok(
    dictionary.affiliationsAt('ly-libya-dawn', '2014-08').some((a) => a.direction === 'in' && a.actor === 'ly-misrata'),
  );
  assert.ok(
    dictionary.affiliationsAt('ly-lna', '2019-06').some((a) => a.direction === 'in' && a.actor === 'ly-kaniyat'),
  );
  assert.deepEqual(dictionary.affiliationsAt('no-such-actor', null), []);
});

test('loadActors: explicit directory, cached per directory', () => {
  const { dictionary } = packs();
  const packsPath = new URL('../../packs', import.meta.url).pathname;
  const again = loadActors(packsPath);
  assert.equal(again.actors.length, dictionary.actors.length);
  assert.equal(loadActors(packsPath), again);
});

test('schema rejects malformed entries', () => {
  const meta = { description: 'x', version: '1', provenance: 'x', licence: 'MIT' };
  const actor = {
    id: 'ly-test',
    name: 'Test',
    name_ar: 'اختبار',
    aliases_ar: [],
    inter: 3,
    kind: 'militia',
    country: 'LY',
    valid_from: null,
    valid_to: null,
    affiliations: [],
    source: 'public knowledge',
  };
  const build = (a: object) =>
    buildActorDictionary([{ $meta: meta, actors: [a], partisan_labels: [] }], [{ $meta: meta, people: [] }], {
      $meta: meta,
      titles: [],
    });
  assert.equal(build(actor).actors.length, 1);
  const bad: [string, object][] = [
    ['inter 9', { ...actor, inter: 9 }],
    ['bad date', { ...actor, valid_from: '2014/05/16' }],
    ['unknown kind', { ...actor, kind: 'army' }],
    ['bad relation', { ...actor, affiliations: [{ actor: 'ly-x', relation: 'friend_of', from: null, to: null }] }],
    ['unknown field', { ...actor, colour: 'green' }],
  ];
  for (const [why, a] of bad) assert.throws(() => build(a), Error, why);
});
