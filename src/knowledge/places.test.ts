import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as places from './places.js';
import { LIBYA_DISTRICTS, loadGazetteer, type Gazetteer } from './places.js';
import { normalizeForMatch } from '../text/normalize.js';

let cached: Gazetteer | undefined;
const gazetteer = (): Gazetteer => (cached ??= loadGazetteer());

const LIBYA_BOX = { minLat: 19.5, maxLat: 33.3, minLon: 9.3, maxLon: 25.2 };

test('public API', () => {
  for (const name of ['loadGazetteer', 'defaultPacksDir', 'placeSchema', 'countrySchema', 'citySchema', 'LIBYA_DISTRICTS', 'PLACE_FEATURES']) {
    assert.ok(name in places, name);
  }
});

test('every file validates and loads fast', () => {
  const start = performance.now();
  const g = loadGazetteer();
  const ms = performance.now() - start;
  cached = g;
  assert.ok(ms < 300, `loaded in ${ms.toFixed(0)} ms`);
  assert.ok(g.places.length > 0 && g.countries.length > 0 && g.cities.length > 0);
});

test('ids are unique in each file', () => {
  const g = gazetteer();
  for (const [label, ids] of [
    ['places', g.places.map((p) => p.id)],
    ['countries', g.countries.map((c) => c.iso2)],
    ['cities', g.cities.map((c) => c.id)],
  ] as const) {
    assert.equal(new Set(ids).size, ids.length, `${label} has duplicate ids`);
  }
});

test('every Libyan entry lies inside Libya', () => {
  const outside = gazetteer().places.filter((p) =>
    p.lat < LIBYA_BOX.minLat || p.lat > LIBYA_BOX.maxLat || p.lon < LIBYA_BOX.minLon || p.lon > LIBYA_BOX.maxLon);
  assert.deepEqual(outside.map((p) => p.id), []);
});

test('all 22 districts are present, each with an existing capital', () => {
  const g = gazetteer();
  assert.deepEqual(g.districts.map((d) => d.name_en).sort(), [...LIBYA_DISTRICTS].sort());
  for (const d of g.districts) {
    assert.equal(d.admin1, d.name_en);
    const capital = d.capital ? g.byId.get(d.capital) : undefined;
    assert.ok(capital && capital.feature !== 'district', `${d.id}: capital ${d.capital}`);
    assert.equal(capital.admin1, d.name_en, `${d.id}: capital lies in another district`);
  }
});

test('at least 800 Libyan places with Arabic names', () => {
  const arabic = gazetteer().places.filter((p) => /[\u0600-\u06ff]/.test(p.name_ar));
  assert.ok(arabic.length >= 800, `${arabic.length} places`);
});

test('every parent exists', () => {
  const g = gazetteer();
  const missing = g.places.filter((p) => p.parent && !g.byId.has(p.parent)).map((p) => `${p.id} → ${p.parent}`);
  assert.deepEqual(missing, []);
});

test('every name and alias is non-empty after normalisation', () => {
  const g = gazetteer();
  const names = [
    ...g.places.flatMap((p) => [p.name_ar, ...p.aliases_ar]),
    ...g.countries.flatMap((c) => [c.name_ar, ...c.aliases_ar, ...c.demonyms_ar]),
    ...g.cities.flatMap((c) => [c.name_ar, ...c.aliases_ar]),
  ];
  assert.deepEqual(names.filter((n) => normalizeForMatch(n) === ''), []);
});

/** Entries keyed by each normalised Arabic name they carry. */
function owners<T>(entries: readonly T[], namesOf: (e: T) => string[]): Map<string, T[]> {
  const byName = new Map<string, T[]>();
  for (const e of entries) {
    for (const n of new Set(namesOf(e).map(normalizeForMatch))) byName.set(n, [...(byName.get(n) ?? []), e]);
  }
  return byName;
}

test('a normalised Arabic name is shared only by entries marked ambiguous', () => {
  const g = gazetteer();
  const unmarked: string[] = [];
  for (const [name, group] of owners(g.places, (p) => [p.name_ar, ...p.aliases_ar])) {
    if (group.length < 2) continue;
    if (!g.ambiguousNames.has(name) && !group.every((p) => p.ambiguous)) unmarked.push(`${name}: ${group.map((p) => p.id)}`);
  }
  assert.deepEqual(unmarked, []);
});

test('country names, aliases and demonyms, and city names, are each unique in their file', () => {
  const g = gazetteer();
  const shared = (byName: Map<string, unknown[]>) => [...byName].filter(([, group]) => group.length > 1).map(([n]) => n);
  assert.deepEqual(shared(owners(g.countries, (c) => [c.name_ar, ...c.aliases_ar, ...c.demonyms_ar])), []);
  assert.deepEqual(shared(owners(g.cities, (c) => [c.name_ar, ...c.aliases_ar])), []);
});

test('countries carry ISO codes, names and points', () => {
  const g = gazetteer();
  assert.ok(g.countries.length >= 249);
  const table: Array<[string, string, number, string, string]> = [
    ['LY', 'LBY', 434, 'ليبيا', 'Libya'],
    ['GR', 'GRC', 300, 'اليونان', 'Greece'],
    ['TR', 'TUR', 792, 'تركيا', 'Turkey'],
    ['EG', 'EGY', 818, 'مصر', 'Egypt'],
  ];
  for (const [iso2, iso3, numeric, ar, en] of table) {
    const c = g.countryByIso2.get(iso2);
    assert.ok(c, iso2);
    assert.deepEqual([c.iso3, c.isoNumeric, c.name_ar, c.name_en], [iso3, numeric, ar, en]);
  }
  const libya = g.countryByIso2.get('LY')!;
  assert.ok(Math.abs(libya.lat - 32.89) < 0.5 && Math.abs(libya.lon - 13.19) < 0.5);
});

test('news aliases and demonyms lead to their country', () => {
  const g = gazetteer();
  const byName = owners(g.countries, (c) => [c.name_ar, ...c.aliases_ar, ...c.demonyms_ar]);
  const table: Array<[string, string]> = [
    ['اليونانية', 'GR'], ['التركي', 'TR'], ['الأمريكية', 'US'], ['أميركا', 'US'], ['بريطانيا', 'GB'],
    ['الإمارات', 'AE'], ['المصري', 'EG'], ['القطري', 'QA'], ['الروسي', 'RU'], ['التشادي', 'TD'],
    ['الإيطالي', 'IT'], ['التونسي', 'TN'], ['الجزائري', 'DZ'], ['السوداني', 'SD'], ['الفرنسي', 'FR'],
  ];
  for (const [word, iso2] of table) {
    assert.deepEqual(byName.get(normalizeForMatch(word))?.map((c) => c.iso2), [iso2], word);
  }
});

test('well-known places resolve to the right entry and district', () => {
  const g = gazetteer();
  const byName = owners(g.places, (p) => [p.name_ar, ...p.aliases_ar]);
  const table: Array<[string, string, string]> = [
    ['طرابلس', 'ly-tripoli', 'Tripoli'],
    ['بنغازي', 'ly-benghazi', 'Benghazi'],
    ['أجدابيا', 'ly-ajdabiya', 'Al Wahat'],
    ['صبراتة', 'ly-sabratha', 'Zawiya'],
    ['الزنتان', 'ly-zintan', 'Jabal al Gharbi'],
    ['زنتان', 'ly-zintan', 'Jabal al Gharbi'],
    ['مساعد', 'ly-musaid', 'Butnan'],
    ['الجميّل', 'ly-jamil', 'Nuqat al Khams'],
    ['العزيزية', 'ly-aziziya', 'Jafara'],
    ['غريان', 'ly-gharyan', 'Jabal al Gharbi'],
    ['ترهونة', 'ly-tarhuna', 'Murqub'],
    ['معيتيقة', 'ly-mitiga-airport', 'Tripoli'],
    ['قاعدة عقبة بن نافع', 'ly-watiya-airbase', 'Nuqat al Khams'],
    ['سرت', 'ly-sirte', 'Sirt'],
    ['بني وليد', 'ly-bani-walid', 'Misrata'],
    ['الجبل الأخضر', 'ly-district-jabal-al-akhdar', 'Jabal al Akhdar'],
  ];
  for (const [name, id, admin1] of table) {
    const found = byName.get(normalizeForMatch(name)) ?? [];
    const match = found.find((p) => p.id === id);
    assert.ok(match, `${name} → ${found.map((p) => p.id)}`);
    assert.equal(match.admin1, admin1, name);
  }
});

test('Tripoli exists in Libya and in Lebanon, in different files', () => {
  const g = gazetteer();
  const lebanese = g.cities.find((c) => normalizeForMatch(c.name_ar) === normalizeForMatch('طرابلس'));
  assert.equal(lebanese?.country, 'LB');
  assert.equal(g.byId.get('ly-tripoli')?.name_ar, 'طرابلس');
});

test('a neighbourhood names its city as parent and shares its district', () => {
  const g = gazetteer();
  for (const p of g.places.filter((q) => q.feature === 'neighbourhood' && q.parent)) {
    const parent = g.byId.get(p.parent!)!;
    assert.equal(p.admin1, parent.admin1, `${p.id} in ${p.admin1}, parent ${parent.id} in ${parent.admin1}`);
  }
});

test('loadGazetteer rejects a missing packs directory', () => {
  assert.throws(() => loadGazetteer('/nonexistent-packs-dir'), /ENOENT/);
});
