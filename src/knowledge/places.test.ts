import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as places from './places.js';
import { defaultPacksDir, loadGazetteer, type Gazetteer, type Place } from './places.js';
import { normalizeForMatch } from '../text/normalize.js';
import { readPack, repositoryPacksDir } from './pack.js';
import { placeAdditionsFileSchema } from './place-additions.js';
import { loadTheatres } from './theatres.js';
import { sharedFile } from '../core/shared-data.js';

let cached: Gazetteer | undefined;
const gazetteer = (): Gazetteer => (cached ??= loadGazetteer());
/** The Libya theatre's entries: the tests below check its OpenStreetMap gazetteer. */
const libyan = () => gazetteer().places.filter((p) => p.country === 'LY');

/** Libya's 22 districts (2007 division), ACLED's admin1, in ACLED's spelling. */
const LIBYA_DISTRICTS = [
  'Butnan',
  'Darnah',
  'Jabal al Akhdar',
  'Marj',
  'Benghazi',
  'Al Wahat',
  'Kufra',
  'Jabal al Gharbi',
  'Murzuq',
  'Sabha',
  'Wadi al Hayaa',
  'Wadi al Shatii',
  'Ghat',
  'Jufra',
  'Sirt',
  'Misrata',
  'Murqub',
  'Tripoli',
  'Jafara',
  'Zawiya',
  'Nuqat al Khams',
  'Nalut',
];

const LIBYA_BOX = { minLat: 19.5, maxLat: 33.3, minLon: 9.3, maxLon: 25.2 };

test('public API', () => {
  for (const name of [
    'loadGazetteer',
    'defaultPacksDir',
    'placeSchema',
    'countrySchema',
    'citySchema',
    'adminAreasFileSchema',
    'nameKeyOf',
    'PLACE_FEATURES',
  ]) {
    assert.ok(name in places, name);
  }
});

// Its load time is a benchmark (npm run bench), not a test.
test('every file validates and loads', () => {
  const g = loadGazetteer();
  cached = g;
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
  const outside = libyan().filter(
    (p) => p.lat < LIBYA_BOX.minLat || p.lat > LIBYA_BOX.maxLat || p.lon < LIBYA_BOX.minLon || p.lon > LIBYA_BOX.maxLon,
  );
  assert.deepEqual(
    outside.map((p) => p.id),
    [],
  );
});

test('all 22 districts are present, each with an existing capital', () => {
  const g = gazetteer();
  const districts = libyan().filter((p) => p.feature === 'district');
  assert.deepEqual(districts.map((d) => d.name_en).sort(), [...LIBYA_DISTRICTS].sort());
  assert.deepEqual(
    g.adminAreas
      .filter((a) => a.country === 'LY')
      .map((a) => a.name)
      .sort(),
    [...LIBYA_DISTRICTS].sort(),
  );
  for (const d of districts) {
    assert.equal(d.admin1, d.name_en);
    const capital = d.capital ? g.byId.get(d.capital) : undefined;
    assert.ok(capital && capital.feature !== 'district', `${d.id}: capital ${d.capital}`);
    assert.equal(capital.admin1, d.name_en, `${d.id}: capital lies in another district`);
  }
});

test('at least 800 Libyan places with Arabic names', () => {
  const arabic = libyan().filter((p) => /[\u0600-\u06ff]/.test(p.name_ar));
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
  assert.deepEqual(
    names.filter((n) => normalizeForMatch(n) === ''),
    [],
  );
});

/** Entries keyed by each normalised Arabic name they carry. */
function owners<T>(entries: readonly T[], namesOf: (e: T) => string[]): Map<string, T[]> {
  const byName = new Map<string, T[]>();
  for (const e of entries) {
    for (const n of new Set(namesOf(e).map(normalizeForMatch))) byName.set(n, [...(byName.get(n) ?? []), e]);
  }
  return byName;
}

test('a normalised Arabic name is shared only by entries marked ambiguous, in each theatre', () => {
  const g = gazetteer();
  const unmarked: string[] = [];
  const byCountry = new Map<string, Place[]>();
  for (const p of g.places) byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p]);
  for (const [name, group] of [...byCountry.values()].flatMap((places) => [
    ...owners(places, (p) => [p.name_ar, ...p.aliases_ar]),
  ])) {
    if (group.length < 2) continue;
    if (!g.ambiguousNames.has(name) && !group.every((p) => p.ambiguous))
      unmarked.push(`${name}: ${group.map((p) => p.id).join(',')}`);
  }
  assert.deepEqual(unmarked, []);
});

/** The city names the cities file declares as shared by two cities (رفح in Egypt and in Gaza), normalised. */
function declaredSharedCityNames(): string[] {
  const file = JSON.parse(readFileSync(join(defaultPacksDir(), 'world', 'cities.json'), 'utf8')) as {
    $meta: { sharedNames?: unknown };
  };
  const names = file.$meta.sharedNames ?? [];
  assert.ok(Array.isArray(names) && names.every((n) => typeof n === 'string'), '$meta.sharedNames is a list of names');
  return names.map(normalizeForMatch);
}

test('country names, aliases and demonyms, and city names, are each unique in their file', () => {
  const g = gazetteer();
  const shared = (byName: Map<string, unknown[]>) =>
    [...byName].filter(([, group]) => group.length > 1).map(([n]) => n);
  assert.deepEqual(shared(owners(g.countries, (c) => [c.name_ar, ...c.aliases_ar, ...c.demonyms_ar])), []);
  // A city name may be shared only when the file declares it, and only by cities of different countries.
  const cityNames = owners(g.cities, (c) => [c.name_ar, ...c.aliases_ar]);
  assert.deepEqual(shared(cityNames).sort(), declaredSharedCityNames().sort());
  for (const name of declaredSharedCityNames()) {
    const countries = cityNames.get(name)!.map((c) => c.country);
    assert.equal(new Set(countries).size, countries.length, `${name} is shared inside one country`);
  }
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
    ['اليونانية', 'GR'],
    ['التركي', 'TR'],
    ['الأمريكية', 'US'],
    ['أميركا', 'US'],
    ['بريطانيا', 'GB'],
    ['الإمارات', 'AE'],
    ['المصري', 'EG'],
    ['القطري', 'QA'],
    ['الروسي', 'RU'],
    ['التشادي', 'TD'],
    ['الإيطالي', 'IT'],
    ['التونسي', 'TN'],
    ['الجزائري', 'DZ'],
    ['السوداني', 'SD'],
    ['الجيبوتي', 'DJ'],
    ['الفرنسي', 'FR'],
  ];
  for (const [word, iso2] of table) {
    assert.deepEqual(
      byName.get(normalizeForMatch(word))?.map((c) => c.iso2),
      [iso2],
      word,
    );
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
    assert.ok(match, `${name} → ${found.map((p) => p.id).join(',')}`);
    assert.equal(match.admin1, admin1, name);
  }
});

test('Tripoli exists in Libya and in Lebanon, in different files', () => {
  const g = gazetteer();
  const lebanese = g.cities.find((c) => normalizeForMatch(c.name_ar) === normalizeForMatch('طرابلس'));
  assert.equal(lebanese?.country, 'LB');
  assert.equal(g.byId.get('ly-tripoli')?.name_ar, 'طرابلس');
});

test('the cities file covers the region, country by country', () => {
  const g = gazetteer();
  assert.ok(g.cities.length >= 300, `${g.cities.length} cities`);
  const minimum: Record<string, number> = {
    SY: 40,
    IQ: 35,
    YE: 25,
    EG: 25,
    TN: 25,
    DZ: 15,
    SD: 15,
    TD: 8,
    NE: 6,
    LB: 10,
    JO: 6,
    PS: 8,
    SA: 10,
    TR: 10,
    ML: 6,
    MA: 6,
  };
  for (const [iso2, n] of Object.entries(minimum)) {
    const found = g.cities.filter((c) => c.country === iso2).length;
    assert.ok(found >= n, `${iso2}: ${found} cities, want ${n}`);
  }
  for (const c of g.cities) assert.ok(g.countryByIso2.has(c.country), `${c.id}: unknown country ${c.country}`);
});

/** Rough boxes around each country (lat, lon): a swapped or mistyped coordinate falls outside. */
const COUNTRY_BOXES: Record<string, [number, number, number, number]> = {
  SY: [32.3, 37.4, 35.6, 42.4],
  IQ: [29.0, 37.4, 38.8, 48.6],
  YE: [12.1, 19.0, 42.5, 54.6],
  EG: [22.0, 31.7, 24.7, 36.9],
  TN: [30.2, 37.6, 7.5, 11.6],
  DZ: [18.9, 37.1, -8.7, 12.0],
  SD: [8.6, 22.3, 21.8, 38.6],
  TD: [7.4, 23.5, 13.4, 24.0],
  NE: [11.6, 23.6, 0.1, 16.0],
  LB: [33.0, 34.7, 35.1, 36.7],
  JO: [29.1, 33.4, 34.9, 39.3],
  PS: [31.2, 32.6, 34.2, 35.6],
  IL: [29.4, 33.4, 34.2, 35.9],
  SA: [16.3, 32.2, 34.5, 55.7],
  TR: [35.8, 42.2, 25.6, 44.9],
  ML: [10.1, 25.0, -12.3, 4.3],
  MA: [27.6, 35.95, -13.2, -1.0],
  IT: [35.4, 47.1, 6.6, 18.6],
  GR: [34.7, 41.8, 19.3, 29.7],
  DJ: [10.9, 12.8, 41.7, 43.5],
  BF: [9.4, 15.1, -5.6, 2.4],
};

test('every city lies inside its country', () => {
  const outside = gazetteer().cities.filter((c) => {
    const box = COUNTRY_BOXES[c.country];
    return box && (c.lat < box[0] || c.lat > box[1] || c.lon < box[2] || c.lon > box[3]);
  });
  assert.deepEqual(
    outside.map((c) => `${c.id} ${c.lat},${c.lon}`),
    [],
  );
});

test("the press spellings of the region's cities lead to the right city", () => {
  const byName = owners(gazetteer().cities, (c) => [c.name_ar, ...c.aliases_ar]);
  const table: Array<[string, string, string, string | undefined]> = [
    ['حمص', 'sy-homs', 'SY', 'Homs'],
    ['حماه', 'sy-hama', 'SY', 'Hama'],
    ['ادلب', 'sy-idlib', 'SY', 'Idleb'],
    ['معرّة النعمان', 'sy-maarat-al-numan', 'SY', 'Idleb'],
    ['الرقه', 'sy-raqqa', 'SY', 'Ar-Raqqa'],
    ['ديرالزور', 'sy-deir-ez-zor', 'SY', 'Deir-ez-Zor'],
    ['دير الزور', 'sy-deir-ez-zor', 'SY', 'Deir-ez-Zor'],
    ['البو كمال', 'sy-abu-kamal', 'SY', 'Deir-ez-Zor'],
    ['كوباني', 'sy-kobani', 'SY', 'Aleppo'],
    ['عين العرب', 'sy-kobani', 'SY', 'Aleppo'],
    ['راس العين', 'sy-ras-al-ain', 'SY', 'Al-Hasakeh'],
    ['الغوطة الشرقية', 'sy-eastern-ghouta', 'SY', 'Rural Damascus'],
    ['تل كلخ', 'sy-tall-kalakh', 'SY', 'Homs'],
    ['هولير', 'iq-erbil', 'IQ', 'Erbil'],
    ['الكرادة', 'iq-karrada', 'IQ', 'Baghdad'],
    ['مدينة الصدر', 'iq-sadr-city', 'IQ', 'Baghdad'],
    ['طوز خورماتو', 'iq-tuz-khurmatu', 'IQ', 'Salah al-Din'],
    ['تل عفر', 'iq-tal-afar', 'IQ', 'Ninewa'],
    ['الحديده', 'ye-hodeidah', 'YE', 'Al Hudaydah'],
    ['صعده', 'ye-saada', 'YE', 'Saada'],
    ['محافظة مأرب', 'ye-marib', 'YE', 'Marib'],
    ['المخاء', 'ye-mokha', 'YE', 'Taiz'],
    ['الحوطة', 'ye-lahij', 'YE', 'Lahj'],
    ['جزيرة سقطرى', 'ye-socotra', 'YE', 'Socotra'],
    ['بور سعيد', 'eg-port-said', 'EG', 'Port Said'],
    ['بير العبد', 'eg-bir-al-abd', 'EG', 'North Sinai'],
    ['رفح المصرية', 'eg-rafah', 'EG', 'North Sinai'],
    ['جبل الشعانبي', 'tn-chaambi', 'TN', 'Kasserine'],
    ['سيدي بوزيد', 'tn-sidi-bouzid', 'TN', 'Sidi Bouzid'],
    ['تامنغست', 'dz-tamanrasset', 'DZ', 'Tamanrasset'],
    ['ود مدني', 'sd-wad-madani', 'SD', 'Gezira'],
    ['بور سودان', 'sd-port-sudan', 'SD', 'Red Sea'],
    ['فايا', 'td-faya-largeau', 'TD', 'Borkou'],
    ['ضاحية بيروت الجنوبية', 'lb-dahieh', 'LB', 'Mount Lebanon'],
    ['خانيونس', 'ps-khan-yunis', 'PS', 'Gaza Strip'],
    ['مخيم جباليا', 'ps-jabalia', 'PS', 'Gaza Strip'],
    ['رفح الفلسطينية', 'ps-rafah', 'PS', 'Gaza Strip'],
    ['عنتاب', 'tr-gaziantep', 'TR', 'Gaziantep'],
    ['هاتاي', 'tr-antakya', 'TR', 'Hatay'],
    ['تنبكتو', 'ml-timbuktu', 'ML', 'Tombouctou'],
    ['الدار البيضاء', 'ma-casablanca', 'MA', 'Casablanca-Settat'],
    ['البيضاء', 'ye-al-bayda', 'YE', 'Al Bayda'],
    ['حلب', 'sy-aleppo', 'SY', 'Aleppo'],
    ['مدينة جيبوتي', 'dj-djibouti', 'DJ', 'Djibouti'],
    ['جيبوتي العاصمة', 'dj-djibouti', 'DJ', 'Djibouti'],
    ['تاجورة', 'dj-tadjourah', 'DJ', 'Tadjourah'],
  ];
  for (const [name, id, country, admin1] of table) {
    const found = byName.get(normalizeForMatch(name)) ?? [];
    assert.deepEqual(
      found.map((c) => c.id),
      [id],
      name,
    );
    assert.deepEqual([found[0].country, found[0].admin1], [country, admin1], name);
  }
});

test('رفح names a town in Egypt and one in Gaza, next to each other', () => {
  const found = owners(gazetteer().cities, (c) => [c.name_ar, ...c.aliases_ar]).get(normalizeForMatch('رفح')) ?? [];
  assert.deepEqual(found.map((c) => c.country).sort(), ['EG', 'PS']);
  assert.ok(Math.abs(found[0].lat - found[1].lat) < 0.05 && Math.abs(found[0].lon - found[1].lon) < 0.05);
});

test('a city whose bare name is an ordinary word is named with its place noun', () => {
  // صور "pictures", بحجة "on the pretext", القائم بالأعمال "chargé d'affaires", البيت الأبيض, المجتمع المدني, آب "August" ...
  const byName = owners(gazetteer().cities, (c) => [c.name_ar, ...c.aliases_ar]);
  const words = [
    'صور',
    'حجة',
    'القائم',
    'الباب',
    'الأبيض',
    'حرض',
    'الحزم',
    'مدني',
    'إب',
    'آب',
    'عمران',
    'قبلي',
    'الميادين',
    'الطبقة',
    'السلمية',
    'سلمية',
    'القصير',
    'حديثة',
    'معان',
    'العقبة',
    'الزرقاء',
    'سار',
    'أدري',
    'الخارجة',
    'الضاحية الجنوبية',
    'بحري',
    // Found matching ordinary words in Tunisian news: مآرب "aims", السلط "the authorities", المعاليم الديوانية "customs
    // duties", السمعي البصري, السفيرة "the ambassador", جده "his grandfather", وجدة, مسقط رأس "birthplace", الجنين, الحابل بالنابل.
    'مآرب',
    'السلط',
    'الديوانية',
    'بصرى',
    'السفيرة',
    'جدة',
    'وجدة',
    'مسقط',
    'جنين',
    'نابل',
  ];
  assert.deepEqual(
    words.filter((w) => byName.has(normalizeForMatch(w))),
    [],
  );
  for (const [name, id] of [
    ['مدينة صور', 'lb-tyre'],
    ['مدينة حجة', 'ye-hajjah'],
    ['مدينة القائم', 'iq-al-qaim'],
    ['مدينة الأبيض', 'sd-el-obeid'],
  ]) {
    assert.deepEqual(
      byName.get(normalizeForMatch(name))?.map((c) => c.id),
      [id],
      name,
    );
  }
});

test('capitals rank 90 or more, towns less than big cities', () => {
  const g = gazetteer();
  const byId = new Map(g.cities.map((c) => [c.id, c]));
  for (const id of [
    'sy-damascus',
    'iq-baghdad',
    'ye-sanaa',
    'lb-beirut',
    'sd-khartoum',
    'td-ndjamena',
    'ne-niamey',
    'ml-bamako',
    'tn-tunis',
    'dz-algiers',
    'eg-cairo',
    'dj-djibouti',
    'bf-ouagadougou',
  ]) {
    assert.ok((byId.get(id)?.importance ?? 0) >= 90, id);
  }
  for (const c of g.cities.filter((x) => x.feature === 'town'))
    assert.ok(c.importance <= 60, `${c.id}: a town ranked ${c.importance}`);
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

test('every theatre place has its admin1 in English and Arabic, in its theatre country', () => {
  const g = gazetteer();
  const areas = new Map(g.adminAreas.map((a) => [`${a.country}/${a.name}`, a]));
  const bad = g.places.filter((p) => {
    const area = areas.get(`${p.country}/${p.admin1}`);
    return !area || p.admin1_ar !== area.name_ar || (p.admin2_ar !== undefined && p.admin2 === undefined);
  });
  assert.deepEqual(
    bad.slice(0, 5).map((p) => p.id),
    [],
  );
  const countries = new Set(g.places.map((p) => p.country));
  for (const iso of ['LY', 'SY', 'IQ', 'YE', 'SD', 'SS', 'PS', 'LB', 'EG', 'SO', 'ML', 'TN', 'DZ'])
    assert.ok(countries.has(iso), iso);
});

test('every place of a compact table is found by its id, and every key by its name', () => {
  const g = gazetteer();
  for (const table of g.placeTables) {
    for (let row = 0; row < table.size; row++) assert.equal(table.rowOf(table.idAt(row)), row, table.idAt(row));
    let keys = 0;
    for (const key of table.keys()) {
      assert.ok(key.rows.length > 0, key.words.join(' '));
      if (keys++ % 50 === 0) assert.ok(table.lookup(key.words.join(' ')), key.words.join(' '));
    }
  }
});

test('Tunisian towns are in the Tunisian gazetteer or cities; a world city of a theatre has its admin areas', () => {
  const g = gazetteer();
  const sousse = g.cities.find((c) => c.id === 'tn-sousse');
  assert.equal(sousse?.country, 'TN');
  assert.ok(g.cityAdmin.get('tn-sousse')?.admin1_ar, 'Sousse has an Arabic admin1');
  assert.ok(g.cityAdmin.get('sy-aleppo')?.admin1, 'Aleppo has an admin1');
});

test('every additions file validates, and each of its spellings leads to its place', () => {
  const g = gazetteer();
  const keyOf = (name: string) => places.nameKeyOf(name).words.join(' ');
  const named = new Map<string, Set<string>>();
  for (const n of g.placeNames()) named.set(n.words.join(' '), (named.get(n.words.join(' ')) ?? new Set()).add(n.id));
  const inTables = (key: string, id: string) =>
    g.placeTables.some((t) => (t.lookup(key) ?? []).some((hit) => t.idAt(hit.row) === id));
  let entries = 0;
  for (const theatre of loadTheatres(repositoryPacksDir()))
    for (const file of theatre.places_additions) {
      const additions = readPack(join(theatre.dir, file), placeAdditionsFileSchema);
      const check = (id: string, names: readonly string[]) => {
        const place = g.byId.get(id);
        assert.equal(place?.country, theatre.country, id);
        for (const name of names) {
          assert.ok(place.aliases_ar.includes(name) || place.name_ar === name, `${id} is not named ${name}`);
          assert.ok(named.get(keyOf(name))?.has(id) || inTables(keyOf(name), id), `${name} does not lead to ${id}`);
        }
        entries++;
      };
      for (const fix of additions.fixes) check(fix.id, fix.aliases_ar);
      for (const place of additions.places) check(place.id, [place.name_ar, ...place.aliases_ar]);
    }
  assert.ok(entries >= 60, `${entries} additions`);
});

test('the press spellings of the additions lead to the right place, country and admin1', () => {
  const byName = owners(gazetteer().places, (p) => [p.name_ar, ...p.aliases_ar]);
  const table: Array<[string, string, string, string]> = [
    ['التحيتا', 'ye-gn-77655', 'YE', 'Al Hudaydah'],
    ['نهم', 'ye-nihm', 'YE', 'Sanaa'],
    ['الملاحيظ', 'ye-gn-73125', 'YE', "Sa'dah"],
    ['كفربطنا', 'sy-gn-168713', 'SY', 'Rif-dimashq'],
    ['الجولان', 'sy-golan', 'SY', 'Quneitra'],
    ['سيناء', 'eg-sinai', 'EG', 'North Sinai'],
    ['دارفور', 'sd-darfur', 'SD', 'Northern Darfur'],
    ['جبل مرة', 'sd-jebel-marra', 'SD', 'Central Darfur'],
    ['ياميبو', 'ss-gn-363656', 'SS', 'West Equatoria'],
    ['بيدوة', 'so-gn-64536', 'SO', 'Bay'],
    ['وانلاوين', 'so-wanlaweyn', 'SO', 'Lower Shabeelle'],
    ['جوبالاند', 'so-jubaland', 'SO', 'Lower Juba'],
    ['سيفاري', 'ml-sevare', 'ML', 'Mopti'],
    ['ماسينا', 'ml-gn-2455465', 'ML', 'Segou'],
    ['نغيغمي', 'ne-gn-2440495', 'NE', 'Diffa'],
    ['النفيضة', 'tn-enfidha', 'TN', 'Susah'],
    ['سبيبة', 'tn-sbiba', 'TN', 'Al Qasrayn'],
    ['خدير', 'ye-khadir', 'YE', "Ta'izz"],
    ['دوميز', 'iq-domiz-camp', 'IQ', 'Dahuk'],
    ['بوقنادل', 'ma-gn-6546542', 'MA', 'Rabat-Sale-Kenitra'],
  ];
  for (const [name, id, country, admin1] of table) {
    const found = byName.get(normalizeForMatch(name)) ?? [];
    const match = found.find((p) => p.id === id);
    assert.ok(match, `${name} → ${found.map((p) => p.id).join(',')}`);
    assert.equal(match.country, country, name);
    assert.equal(match.admin1, admin1, name);
    assert.ok(match.admin1_ar, name);
  }
  const cities = owners(gazetteer().cities, (c) => [c.name_ar, ...c.aliases_ar]);
  assert.equal(cities.get(normalizeForMatch('الغوطة'))?.[0]?.id, 'sy-eastern-ghouta');
  assert.equal(cities.get(normalizeForMatch('مينكا'))?.[0]?.id, 'ml-menaka');
});

/** True when (lon, lat) is inside a polygon given as rings of [lon, lat] (even-odd rule). */
function insidePolygon(lon: number, lat: number, rings: number[][][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

test("every place an additions file adds lies inside its admin1's boundary", (t) => {
  const path = sharedFile('datasets', 'gazetteer-arab-world', 'admin1-boundaries.geojson');
  if (!path) {
    t.skip('../shared/datasets/gazetteer-arab-world/admin1-boundaries.geojson is absent');
    return;
  }
  const features = (
    JSON.parse(readFileSync(path, 'utf8')) as {
      features: {
        properties: { country: string; name: string };
        geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
      }[];
    }
  ).features;
  const outside: string[] = [];
  for (const theatre of loadTheatres(repositoryPacksDir()))
    for (const file of theatre.places_additions)
      for (const p of readPack(join(theatre.dir, file), placeAdditionsFileSchema).places) {
        const area = features.find((f) => f.properties.country === p.country && f.properties.name === p.admin1);
        if (!area) continue; // areas the boundaries lack (a few newer ones) are not checked
        const polygons =
          area.geometry.type === 'Polygon'
            ? [area.geometry.coordinates as number[][][]]
            : (area.geometry.coordinates as number[][][][]);
        if (!polygons.some((rings) => insidePolygon(p.lon, p.lat, rings))) outside.push(`${p.id} (${p.admin1})`);
      }
  assert.deepEqual(outside, []);
});
