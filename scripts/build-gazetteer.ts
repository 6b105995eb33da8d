/**
 * Builds packs/libya/places.json and packs/world/countries.json from their inputs:
 *
 *   ../shared/datasets/libya-places-osm/places.json   OpenStreetMap place nodes (ODbL)
 *   packs/libya/places-additions.json                 hand fixes and additions
 *   packs/libya/districts.json                        the 22 districts and their anchor towns
 *   packs/world/countries-additions.json              country points, aliases, demonyms
 *   i18n-iso-countries                                ISO codes, Arabic and English names
 *
 * Run: node --import tsx scripts/build-gazetteer.ts [path/to/osm/places.json]
 * The output depends only on the inputs (no clock, no randomness), so a rerun is byte-identical.
 *
 * District (admin1) assignment: no district polygons are available, so each place gets the
 * district of its nearest anchor, an anchor being a district capital or a town listed in the
 * district's `anchors_ar`. Anchors placed along district borders stand in for the boundary; a
 * fix or addition with an explicit `admin1` overrides the rule.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { normalizeForMatch } from '../src/text/normalize.js';
import {
  countriesFileSchema,
  placesFileSchema,
  type Country,
  type PlaceEntry as Place,
  type PlaceFeature,
} from '../src/knowledge/places.js';

/** A district's English name (ACLED spelling), as packs/libya/districts.json lists them. */
type District = string;

const repo = fileURLToPath(new URL('../', import.meta.url));
const osmPath = process.argv[2] ?? join(repo, '..', 'shared', 'datasets', 'libya-places-osm', 'places.json');

interface OsmEntry {
  name: Array<Record<string, string>>;
  latitude: number;
  longitude: number;
  id: number;
  type: 'city' | 'town' | 'village' | 'hamlet';
}
interface Fix {
  ref: string;
  drop?: boolean;
  reason?: string;
  id?: string;
  name_ar?: string;
  aliases_ar?: string[];
  name_en?: string;
  aliases_en?: string[];
  feature?: PlaceFeature;
  parent?: string;
  admin1?: District;
  admin2?: string;
  importance?: number;
}
type Addition = Omit<Place, 'country' | 'admin1' | 'importance' | 'source'> & {
  admin1?: District;
  importance?: number;
};
interface DistrictInput {
  id: string;
  name_ar: string;
  aliases_ar: string[];
  name_en: District;
  aliases_en: string[];
  capital: string;
  anchors_ar: string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Base rank per feature; fixes and additions may raise it. */
const FEATURE_IMPORTANCE: Record<PlaceFeature, number> = {
  district: 70,
  city: 60,
  town: 40,
  village: 20,
  hamlet: 10,
  neighbourhood: 30,
  airport: 45,
  airbase: 45,
  port: 40,
  oil_terminal: 45,
  oil_field: 40,
  camp: 30,
  road: 20,
  bridge: 20,
  border_crossing: 40,
  region: 50,
  landmark: 30,
};
/** Two same-named entries closer than this are one place listed twice. */
const SAME_PLACE_KM = 10;

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}

/**
 * Splits an extract name into a main Arabic name and variants: Latin words, bidi marks and
 * presentation forms go; "A (B)" gives A and B; "A - town", "A / B" and "A. B" keep A.
 */
function cleanArabic(raw: string): { name: string; aliases: string[] } {
  const tidy = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[A-Za-z'`’]+/g, ' ')
      .replace(/[\u200e\u200f]/g, '')
      .replace(/^[\s\-.]+|[\s\-.(]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const aliases: string[] = [];
  let name = raw;
  const paren = name.match(/^([^()]*)\(([^()]*)\)?\s*$/);
  if (paren) {
    name = paren[1];
    aliases.push(tidy(paren[2]));
  }
  name =
    tidy(name)
      .split(/\s*[-/.]\s*/)
      .filter(Boolean)[0] ?? '';
  return { name, aliases: aliases.filter((a) => /[\u0600-\u06ff]/.test(a)) };
}

/** Rough romanisation for the few extract places with no Latin name at all. */
const LATIN: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'dh',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '',
  ئ: 'y',
  ؤ: 'w',
};
function romanise(arabic: string): string {
  return normalizeForMatch(arabic)
    .split(' ')
    .map((word) => {
      const article = word.startsWith('ال') && word.length > 3;
      const body = [...(article ? word.slice(2) : word)].map((ch) => LATIN[ch] ?? '').join('');
      return (article ? 'Al ' : '') + body.charAt(0).toUpperCase() + body.slice(1);
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function englishName(names: Record<string, string>): string | undefined {
  for (const lang of ['en', 'fr', 'it', 'de', 'es']) {
    const n = names[lang]?.trim();
    if (n) return n;
  }
  const latin = names.ar?.match(/[A-Za-z][A-Za-z '`’-]*[A-Za-z]/)?.[0];
  return latin?.trim();
}

/** Keeps the first of each normalised spelling, and none equal to the main name. */
function distinctAliases(main: string, aliases: readonly string[], normalise: (s: string) => string): string[] {
  const seen = new Set([normalise(main)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const key = normalise(alias);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push(alias.trim());
    }
  }
  return out;
}

const lowerLatin = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

type Draft = Omit<Place, 'admin1'> & { admin1?: District; hand: boolean };

function buildLibya(): void {
  const osm = readJson<{ metadata: Record<string, string>; data: OsmEntry[] }>(osmPath);
  const additions = readJson<{ fixes: Fix[]; places: Addition[] }>(join(repo, 'packs/libya/places-additions.json'));
  const districtsInput = readJson<{ districts: DistrictInput[] }>(join(repo, 'packs/libya/districts.json'));
  const log: string[] = [];

  const fixes = new Map<string, Fix>();
  for (const fix of additions.fixes) {
    if (fixes.has(fix.ref)) throw new Error(`two fixes for ${fix.ref}`);
    fixes.set(fix.ref, fix);
  }
  const usedFixes = new Set<string>();

  const drafts: Draft[] = [];
  for (const entry of osm.data) {
    const ref = `${entry.type}/${entry.id}`;
    const fix = fixes.get(ref);
    if (fix) usedFixes.add(ref);
    if (fix?.drop) continue;
    const names = entry.name[0] ?? {};
    const cleaned = cleanArabic(names.ar?.trim() ?? '');
    const nameAr = fix?.name_ar ?? cleaned.name;
    if (!nameAr || !/[\u0600-\u06ff]/.test(nameAr)) continue;
    const nameEn = fix?.name_en ?? englishName(names) ?? romanise(nameAr);
    const aliasesAr = [...(fix?.aliases_ar ?? []), ...cleaned.aliases];
    const feature = fix?.feature ?? entry.type;
    drafts.push({
      id: fix?.id ?? `ly-osm-${entry.type}-${entry.id}`,
      name_ar: nameAr,
      aliases_ar: aliasesAr,
      name_en: nameEn,
      ...(fix?.aliases_en ? { aliases_en: fix.aliases_en } : {}),
      lat: round4(entry.latitude),
      lon: round4(entry.longitude),
      country: 'LY',
      ...(fix?.admin1 ? { admin1: fix.admin1 } : {}),
      ...(fix?.admin2 ? { admin2: fix.admin2 } : {}),
      feature,
      importance: fix?.importance ?? FEATURE_IMPORTANCE[feature],
      ...(fix?.parent ? { parent: fix.parent } : {}),
      source: { osm: ref },
      hand: Boolean(fix?.id),
    });
  }
  for (const ref of fixes.keys()) if (!usedFixes.has(ref)) throw new Error(`fix for unknown extract entry ${ref}`);

  for (const add of additions.places) {
    drafts.push({
      ...add,
      lat: round4(add.lat),
      lon: round4(add.lon),
      country: 'LY',
      importance: add.importance ?? FEATURE_IMPORTANCE[add.feature],
      source: 'public knowledge',
      hand: true,
    });
  }

  // Districts: a point at the capital, importance above any town but below the big cities.
  const draftById = new Map(drafts.map((d) => [d.id, d]));
  for (const d of districtsInput.districts) {
    const capital = draftById.get(d.capital);
    if (!capital) throw new Error(`district ${d.id}: capital ${d.capital} not found`);
    capital.importance = Math.max(capital.importance, 70);
    drafts.push({
      id: d.id,
      name_ar: d.name_ar,
      aliases_ar: d.aliases_ar,
      name_en: d.name_en,
      aliases_en: d.aliases_en,
      lat: capital.lat,
      lon: capital.lon,
      country: 'LY',
      admin1: d.name_en,
      feature: 'district',
      importance: 70,
      capital: d.capital,
      source: 'public knowledge',
      hand: true,
    });
  }

  // Same name, same place: keep one entry (hand-named first, then the higher rank).
  const rank = (d: Draft) => (d.hand ? 1000 : 0) + d.importance;
  const dropped = new Set<Draft>();
  const namesOf = (d: Draft) => [d.name_ar, ...d.aliases_ar].map(normalizeForMatch);
  const byName = new Map<string, Draft[]>();
  for (const d of drafts) for (const n of new Set(namesOf(d))) byName.set(n, [...(byName.get(n) ?? []), d]);
  for (const [name, group] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const live = group.filter((d) => !dropped.has(d)).sort((a, b) => rank(b) - rank(a) || a.id.localeCompare(b.id));
    for (let i = 1; i < live.length; i++) {
      const keeper = live.slice(0, i).find((k) => !dropped.has(k) && km(k, live[i]) < SAME_PLACE_KM);
      if (!keeper || live[i].hand || live[i].feature === 'district' || keeper.feature === 'district') continue;
      dropped.add(live[i]);
      keeper.aliases_ar.push(live[i].name_ar, ...live[i].aliases_ar);
      log.push(`merged ${live[i].id} into ${keeper.id} (“${name}”, ${km(keeper, live[i]).toFixed(1)} km)`);
    }
  }
  const kept = drafts.filter((d) => !dropped.has(d));
  for (const d of kept) d.aliases_ar = distinctAliases(d.name_ar, d.aliases_ar, normalizeForMatch);
  for (const d of kept) if (d.aliases_en) d.aliases_en = distinctAliases(d.name_en, d.aliases_en, lowerLatin);

  // Admin1 by nearest anchor.
  const keptByName = new Map<string, Draft[]>();
  for (const d of kept) for (const n of namesOf(d)) keptByName.set(n, [...(keptByName.get(n) ?? []), d]);
  const anchors: Array<{ lat: number; lon: number; district: District }> = [];
  for (const d of districtsInput.districts) {
    for (const name of d.anchors_ar) {
      let found = (keptByName.get(normalizeForMatch(name)) ?? []).filter((p) => p.feature !== 'district');
      // A shared name is settled by the entry given a hand-chosen id.
      if (found.length > 1) found = found.filter((p) => !p.id.startsWith('ly-osm-'));
      if (found.length !== 1)
        throw new Error(
          `anchor “${name}” of ${d.id} matches ${found.length} places: ${found.map((p) => p.id).join(', ')}`,
        );
      anchors.push({ lat: found[0].lat, lon: found[0].lon, district: d.name_en });
    }
    const capital = kept.find((p) => p.id === d.capital)!;
    anchors.push({ lat: capital.lat, lon: capital.lon, district: d.name_en });
  }
  for (const d of kept) {
    if (d.admin1) continue;
    let best = anchors[0];
    for (const a of anchors) if (km(d, a) < km(d, best)) best = a;
    d.admin1 = best.district;
  }

  // Names still shared after merging belong to different places: mark them.
  const shared = new Map<string, Draft[]>();
  for (const d of kept) for (const n of new Set(namesOf(d))) shared.set(n, [...(shared.get(n) ?? []), d]);
  const ambiguousNames: string[] = [];
  for (const [name, group] of shared) {
    if (group.length < 2) continue;
    ambiguousNames.push(name);
    for (const d of group) d.ambiguous = true;
    log.push(`ambiguous “${name}”: ${group.map((d) => `${d.id}@${d.lat},${d.lon}`).join(' | ')}`);
  }
  ambiguousNames.sort();

  const places: Place[] = kept
    .map(({ hand: _hand, ...p }) => ({ ...p, admin1: p.admin1! }))
    .sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id));
  const fromOsm = places.filter((p) => typeof p.source === 'object').length;
  const file = placesFileSchema.parse({
    $meta: {
      description:
        "Gazetteer of Libya: the 22 districts (admin1, ACLED spelling), OpenStreetMap's named cities, towns, villages and hamlets with an Arabic name, and hand-written additions (neighbourhoods, airports, air bases, ports, oil terminals and fields, camps, roads, border crossings, regions).",
      version: '1.0.0',
      source: `OpenStreetMap place nodes via the extract ${osm.metadata.source ?? 'mosabsomaer/Libya-cities-dataset-JSON'} (updated ${osm.metadata.updated ?? 'unknown'}); packs/libya/places-additions.json and packs/libya/districts.json (public knowledge)`,
      license: 'ODbL-1.0',
      attribution: '© OpenStreetMap contributors',
      license_notice:
        'Contains information from OpenStreetMap, which is made available here under the Open Database License (ODbL) 1.0. This file is a Derivative Database and is itself available under the ODbL 1.0; see packs/libya/PLACES-LICENSE.md.',
      generated_by: 'node --import tsx scripts/build-gazetteer.ts',
      admin1_method:
        'nearest anchor: each place takes the district of the closest district capital or anchor town listed in packs/libya/districts.json, unless a fix or addition names its admin1',
      osm_source_ids: 'source.osm is the extract\'s "<type>/<id>", not an OpenStreetMap node id',
      counts: {
        total: places.length,
        from_osm: fromOsm,
        hand_written: places.length - fromOsm,
        districts: districtsInput.districts.length,
      },
    },
    ambiguousNames,
    places,
  });
  writeFileSync(join(repo, 'packs/libya/places.json'), JSON.stringify(file, null, 1) + '\n');
  writeFileSync(join(repo, 'packs/libya/places-build.log'), log.join('\n') + '\n');
  console.log(
    `places.json: ${places.length} entries (${fromOsm} from OSM), ${ambiguousNames.length} ambiguous names; log in packs/libya/places-build.log`,
  );
}

function buildCountries(): void {
  const require = createRequire(import.meta.url);
  const iso = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  iso.registerLocale(require('i18n-iso-countries/langs/ar.json'));
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const input = readJson<{
    name_en: Record<string, string>;
    aliases_ar: Record<string, string[]>;
    demonyms_ar: Record<string, string[]>;
    points: Record<string, [number, number]>;
  }>(join(repo, 'packs/world/countries-additions.json'));
  const countries: Country[] = [];
  for (const iso2 of Object.keys(iso.getAlpha2Codes()).sort()) {
    const point = input.points[iso2];
    if (!point) throw new Error(`no representative point for ${iso2}`);
    const namesAr = iso.getName(iso2, 'ar', { select: 'all' }) ?? [];
    const namesEn = iso.getName(iso2, 'en', { select: 'all' }) ?? [];
    const nameEn = input.name_en[iso2] ?? namesEn[0];
    countries.push({
      iso2,
      iso3: iso.alpha2ToAlpha3(iso2)!,
      isoNumeric: Number(iso.alpha2ToNumeric(iso2)),
      name_ar: namesAr[0],
      aliases_ar: distinctAliases(
        namesAr[0],
        [...namesAr.slice(1), ...(input.aliases_ar[iso2] ?? [])],
        normalizeForMatch,
      ),
      demonyms_ar: distinctAliases(namesAr[0], input.demonyms_ar[iso2] ?? [], normalizeForMatch),
      name_en: nameEn,
      aliases_en: distinctAliases(nameEn, namesEn, lowerLatin),
      lat: point[0],
      lon: point[1],
    });
  }
  for (const key of Object.keys(input.points))
    if (!countries.some((c) => c.iso2 === key)) throw new Error(`point for unknown code ${key}`);
  const file = countriesFileSchema.parse({
    $meta: {
      description:
        "The world's countries (ISO 3166-1) with ISO alpha-2, alpha-3 and numeric codes, Arabic and English names, Arabic aliases and demonyms used in news, and a representative point (the capital).",
      version: '1.0.0',
      source:
        'codes and names: the i18n-iso-countries package (MIT); points, extra aliases and demonyms: packs/world/countries-additions.json (public knowledge)',
      license: 'MIT (names and codes from i18n-iso-countries); CC0-1.0 (additions)',
      generated_by: 'node --import tsx scripts/build-gazetteer.ts',
      counts: { countries: countries.length },
    },
    countries,
  });
  writeFileSync(join(repo, 'packs/world/countries.json'), JSON.stringify(file, null, 1) + '\n');
  console.log(`countries.json: ${countries.length} countries`);
}

buildLibya();
buildCountries();
