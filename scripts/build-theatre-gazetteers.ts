/**
 * Builds one gazetteer per theatre of the Arab world and its neighbours from the regional
 * gazetteer (GeoNames + Who's On First, CC BY 4.0):
 *
 *   ../shared/datasets/gazetteer-arab-world/places.jsonl   populated places with Arabic names
 *   ../shared/datasets/gazetteer-arab-world/admin1.json    first-level areas, with Arabic names
 *   packs/world/admin1-names-ar.json                       Arabic names the source lacks
 *   packs/world/cities.json                                the hand-written cities (kept; the
 *                                                          built entry for the same town is dropped)
 *
 * and writes, for each country of THEATRES: packs/<folder>/places.json.gz, admin1.json,
 * PLACES-LICENSE.md, and theatre.json when the folder has none (an existing manifest is kept:
 * its actors and people lists are hand-written). Libya keeps its OpenStreetMap gazetteer
 * (scripts/build-gazetteer.ts; 880 entries against 335 here); its admin1.json is written from
 * packs/libya/districts.json.
 *
 * Run: node --import tsx scripts/build-theatre-gazetteers.ts [path/to/gazetteer-arab-world]
 * The output depends only on the inputs (no clock, no randomness): a rerun is byte-identical.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distanceKm } from '../src/core/geo.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import {
  adminAreasFileSchema,
  citiesFileSchema,
  nameKeyOf,
  placesFileSchema,
  placeSchema,
  PLACE_FEATURES,
  type PlaceEntry,
  type PlaceFeature,
} from '../src/knowledge/places.js';
import { compactPlacesFileSchema, PLACE_COLUMNS, type PlaceRow } from '../src/knowledge/place-table.js';
import { TheatreManifestSchema } from '../src/knowledge/theatres.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const source = process.argv[2] ?? join(repo, '..', 'shared', 'datasets', 'gazetteer-arab-world');

interface TheatreSpec {
  folder: string;
  country: string;
  name: string;
  name_ar: string;
  acled_region: string;
  admin_levels: { level: 1 | 2; name: string; name_ar: string }[];
  /** Arabic-script names in the source are Persian, Pashto or Turkish spellings: keep Arabic-language names of towns only. */
  arabicNamesOnly?: boolean;
}

const level = (n: 1 | 2, name: string, name_ar: string) => ({ level: n, name, name_ar });
const THEATRES: TheatreSpec[] = [
  {
    folder: 'syria',
    country: 'SY',
    name: 'Syria',
    name_ar: 'سوريا',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Governorate', 'محافظة'), level(2, 'District', 'منطقة')],
  },
  {
    folder: 'iraq',
    country: 'IQ',
    name: 'Iraq',
    name_ar: 'العراق',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Governorate', 'محافظة'), level(2, 'District', 'قضاء')],
  },
  {
    folder: 'yemen',
    country: 'YE',
    name: 'Yemen',
    name_ar: 'اليمن',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Governorate', 'محافظة'), level(2, 'District', 'مديرية')],
  },
  {
    folder: 'lebanon',
    country: 'LB',
    name: 'Lebanon',
    name_ar: 'لبنان',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Governorate', 'محافظة'), level(2, 'District', 'قضاء')],
  },
  {
    folder: 'palestine',
    country: 'PS',
    name: 'Palestine',
    name_ar: 'فلسطين',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Territory', 'منطقة'), level(2, 'Governorate', 'محافظة')],
  },
  {
    folder: 'israel',
    country: 'IL',
    name: 'Israel',
    name_ar: 'إسرائيل',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'District', 'لواء'), level(2, 'Subdistrict', 'قضاء')],
  },
  {
    folder: 'jordan',
    country: 'JO',
    name: 'Jordan',
    name_ar: 'الأردن',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Governorate', 'محافظة'), level(2, 'District', 'لواء')],
  },
  {
    folder: 'saudi-arabia',
    country: 'SA',
    name: 'Saudi Arabia',
    name_ar: 'السعودية',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Region', 'منطقة'), level(2, 'Governorate', 'محافظة')],
  },
  {
    folder: 'turkey',
    country: 'TR',
    name: 'Turkey',
    name_ar: 'تركيا',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Province', 'ولاية'), level(2, 'District', 'قضاء')],
    arabicNamesOnly: true,
  },
  {
    folder: 'iran',
    country: 'IR',
    name: 'Iran',
    name_ar: 'إيران',
    acled_region: 'Middle East',
    admin_levels: [level(1, 'Province', 'محافظة'), level(2, 'County', 'شهرستان')],
    arabicNamesOnly: true,
  },
  {
    folder: 'afghanistan',
    country: 'AF',
    name: 'Afghanistan',
    name_ar: 'أفغانستان',
    acled_region: 'South Asia',
    admin_levels: [level(1, 'Province', 'ولاية'), level(2, 'District', 'مديرية')],
    arabicNamesOnly: true,
  },
  {
    folder: 'egypt',
    country: 'EG',
    name: 'Egypt',
    name_ar: 'مصر',
    acled_region: 'Northern Africa',
    admin_levels: [level(1, 'Governorate', 'محافظة'), level(2, 'Markaz', 'مركز')],
  },
  {
    folder: 'tunisia',
    country: 'TN',
    name: 'Tunisia',
    name_ar: 'تونس',
    acled_region: 'Northern Africa',
    admin_levels: [level(1, 'Governorate', 'ولاية'), level(2, 'Delegation', 'معتمدية')],
  },
  {
    folder: 'algeria',
    country: 'DZ',
    name: 'Algeria',
    name_ar: 'الجزائر',
    acled_region: 'Northern Africa',
    admin_levels: [level(1, 'Province', 'ولاية'), level(2, 'District', 'دائرة')],
  },
  {
    folder: 'morocco',
    country: 'MA',
    name: 'Morocco',
    name_ar: 'المغرب',
    acled_region: 'Northern Africa',
    admin_levels: [level(1, 'Region', 'جهة'), level(2, 'Province', 'إقليم')],
  },
  {
    folder: 'sudan',
    country: 'SD',
    name: 'Sudan',
    name_ar: 'السودان',
    acled_region: 'Northern Africa',
    admin_levels: [level(1, 'State', 'ولاية'), level(2, 'Locality', 'محلية')],
  },
  {
    folder: 'south-sudan',
    country: 'SS',
    name: 'South Sudan',
    name_ar: 'جنوب السودان',
    acled_region: 'Eastern Africa',
    admin_levels: [level(1, 'State', 'ولاية'), level(2, 'County', 'مقاطعة')],
  },
  {
    folder: 'somalia',
    country: 'SO',
    name: 'Somalia',
    name_ar: 'الصومال',
    acled_region: 'Eastern Africa',
    admin_levels: [level(1, 'Region', 'إقليم'), level(2, 'District', 'مديرية')],
  },
  {
    folder: 'mali',
    country: 'ML',
    name: 'Mali',
    name_ar: 'مالي',
    acled_region: 'Western Africa',
    admin_levels: [level(1, 'Region', 'إقليم'), level(2, 'Cercle', 'دائرة')],
  },
  {
    folder: 'niger',
    country: 'NE',
    name: 'Niger',
    name_ar: 'النيجر',
    acled_region: 'Western Africa',
    admin_levels: [level(1, 'Region', 'إقليم'), level(2, 'Department', 'مقاطعة')],
  },
  {
    folder: 'chad',
    country: 'TD',
    name: 'Chad',
    name_ar: 'تشاد',
    acled_region: 'Middle Africa',
    admin_levels: [level(1, 'Province', 'إقليم'), level(2, 'Department', 'مقاطعة')],
  },
];

interface SourcePlace {
  id: string;
  name: string;
  name_ar: string[];
  name_ar_arabic_language: string[];
  name_ar_suspect: boolean;
  country: string;
  admin1_code: string | null;
  admin1_name: string | null;
  admin2_name: string | null;
  admin2_name_ar: string | null;
  feature_code: string;
  population: number | null;
  lat: number;
  lon: number;
  is_current: boolean;
}

interface SourceAdmin1 {
  country: string;
  admin1_code: string | null;
  name: string;
  name_ar: string | null;
  name_ar_variants: string[];
  iso_3166_2: string | null;
  hasc: string | null;
  places_assigned: number;
  centroid: { lat: number; lon: number };
}

/** Abandoned or historical places, tribes: not where news happens. */
const DROPPED_FEATURES = new Set(['PPLQ', 'PPLH', 'TRB']);
const SEAT_IMPORTANCE: Record<string, number> = { PPLC: 95, PPLA: 75, PPLA2: 55, PPLA3: 45, PPLA4: 40 };
/** Towns of the non-Arab neighbours are kept from this importance up (a town of some 5,000). */
const NEIGHBOUR_MIN_IMPORTANCE = 40;

/** Arabic letters only (harakat, tatweel and the superscript alef dropped): no Persian, Kurdish or Urdu letters. */
function arabicSpelling(name: string): string | null {
  const s = name
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/\u0671/g, 'ا')
    .replace(/\s+/g, ' ')
    .trim();
  return /^[\u0621-\u063A\u0641-\u064A]+( [\u0621-\u063A\u0641-\u064A]+)*$/.test(s) ? s : null;
}

/** 0-100: the admin seat's rank, or the population's (1,000 → 32, 100,000 → 60, 1 million → 74). */
function importanceOf(p: SourcePlace): number {
  const seat = SEAT_IMPORTANCE[p.feature_code] ?? 10;
  const byPopulation = p.population && p.population > 0 ? Math.round(14 * Math.log10(p.population)) - 10 : 0;
  return Math.max(0, Math.min(p.feature_code === 'PPLC' ? 99 : 94, Math.max(seat, byPopulation)));
}

function featureOf(p: SourcePlace): PlaceFeature {
  const pop = p.population ?? 0;
  switch (p.feature_code) {
    case 'PPLC':
    case 'PPLA':
      return 'city';
    case 'PPLX':
    case 'neighbourhood':
      return 'neighbourhood';
    case 'PPLL':
    case 'PPLF':
    case 'locality':
    case 'FRM':
    case 'FRMS':
    case 'HSE':
      return 'hamlet';
    case 'ADM3':
    case 'AREA':
      return 'region';
    case 'MKT':
      return 'landmark';
    default:
      return pop >= 100_000 ? 'city' : pop >= 10_000 || p.feature_code.startsWith('PPLA') ? 'town' : 'village';
  }
}

function slug(s: string | null): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    });
}

const ATTRIBUTION =
  "GeoNames (geonames.org), CC BY 4.0; Who's On First (whosonfirst.org), licence at https://whosonfirst.org/docs/licenses/";

function licenceText(spec: TheatreSpec): string {
  return `# Licence of the ${spec.name} gazetteer

\`places.json.gz\` and \`admin1.json\` in this folder are derived by \`scripts/build-theatre-gazetteers.ts\`
from \`gazetteer-arab-world\` (Marsad's shared datasets), itself compiled from:

- **GeoNames** (geonames.org): populated places, admin1/admin2 code tables, cities5000.
  Licence: Creative Commons Attribution 4.0 (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/
- **Who's On First** (whosonfirst.org): language-tagged names and the admin hierarchy.
  Licence: https://whosonfirst.org/docs/licenses/ (Mapzen's own work CC0; its sources keep
  theirs: GeoNames CC BY, Quattroshapes CC BY, Yahoo GeoPlanet CC BY 3.0 US, Natural Earth
  public domain).

Credit: "${ATTRIBUTION}". Changes made here: places kept only with an Arabic-script name (Arabic
letters), abandoned and historical places dropped, features and a 0-100 importance derived from
GeoNames' feature codes and populations, towns already in \`packs/world/cities.json\` left to that
file, Arabic admin1 names the source lacks added from \`packs/world/admin1-names-ar.json\` (CC0).
The derived files are available under CC BY 4.0 with the same credit.
`;
}

function writeGzipJson(path: string, data: unknown): number {
  // Level 9 and node's fixed gzip header (no name, mtime 0): the same input gives the same bytes.
  const bytes = gzipSync(Buffer.from(JSON.stringify(data) + '\n', 'utf8'), { level: 9 });
  writeFileSync(path, bytes);
  return bytes.length;
}

function main(): void {
  const admin1Source = JSON.parse(readFileSync(join(source, 'admin1.json'), 'utf8')) as SourceAdmin1[];
  const extraNames = (
    JSON.parse(readFileSync(join(repo, 'packs/world/admin1-names-ar.json'), 'utf8')) as {
      names: Record<string, Record<string, string>>;
    }
  ).names;
  const cities = citiesFileSchema.parse(JSON.parse(readFileSync(join(repo, 'packs/world/cities.json'), 'utf8'))).cities;
  const byCountry = new Map<string, SourcePlace[]>();
  for (const p of readJsonl<SourcePlace>(join(source, 'places.jsonl'))) {
    const list = byCountry.get(p.country);
    if (list) list.push(p);
    else byCountry.set(p.country, [p]);
  }
  const log: string[] = [];

  for (const spec of THEATRES) {
    const dir = join(repo, 'packs', spec.folder);
    mkdirSync(dir, { recursive: true });
    const prefix = spec.country.toLowerCase();

    // Admin1 areas: the source's English name is the key places use.
    // Areas without places (the UN zone of the Golan) are no admin1 of anything.
    const areaRows = admin1Source.filter((a) => a.country === spec.country && a.places_assigned > 0);
    const areas = areaRows.map((a) => {
      const name_ar = a.name_ar ?? extraNames[spec.country]?.[a.name];
      if (!name_ar)
        throw new Error(`${spec.country} admin1 "${a.name}" has no Arabic name: add it to admin1-names-ar.json`);
      const aliases = [
        ...new Set(a.name_ar_variants.map(arabicSpelling).filter((v): v is string => !!v && v !== name_ar)),
      ];
      return {
        code: a.admin1_code ?? a.hasc ?? a.iso_3166_2 ?? slug(a.name),
        name: a.name,
        name_ar,
        ...(aliases.length ? { aliases_ar: aliases } : {}),
        ...(a.iso_3166_2 ? { iso_3166_2: a.iso_3166_2 } : {}),
        lat: Math.round(a.centroid.lat * 1e4) / 1e4,
        lon: Math.round(a.centroid.lon * 1e4) / 1e4,
      };
    });
    const areaByName = new Map(areas.map((a) => [a.name, a]));
    const areaByCode = new Map(areaRows.flatMap((row, i) => (row.admin1_code ? [[row.admin1_code, areas[i]]] : [])));
    const areaNames = new Set<string>();
    for (const a of areas) {
      if (areaNames.has(a.name)) throw new Error(`${spec.country}: two admin1 areas named "${a.name}"`);
      areaNames.add(a.name);
    }

    // Each area's seat (its PPLA, or the capital): the point ACLED gives an event coded to the area.
    const seats = new Map<string, { lat: number; lon: number }>();
    for (const p of byCountry.get(spec.country) ?? []) {
      const area =
        (p.admin1_name ? areaByName.get(p.admin1_name) : undefined) ??
        (p.admin1_code ? areaByCode.get(p.admin1_code) : undefined);
      if (area && (p.feature_code === 'PPLA' || (p.feature_code === 'PPLC' && !seats.has(area.name))))
        seats.set(area.name, { lat: Math.round(p.lat * 1e4) / 1e4, lon: Math.round(p.lon * 1e4) / 1e4 });
    }

    // Places.
    const built: (PlaceEntry & { norms: Set<string> })[] = [];
    let dropped = 0;
    for (const p of byCountry.get(spec.country) ?? []) {
      const area =
        (p.admin1_name ? areaByName.get(p.admin1_name) : undefined) ??
        (p.admin1_code ? areaByCode.get(p.admin1_code) : undefined);
      const importance = importanceOf(p);
      const seat = p.feature_code in SEAT_IMPORTANCE;
      if (!area || !p.is_current || DROPPED_FEATURES.has(p.feature_code) || (p.name_ar_suspect && !seat)) {
        dropped++;
        continue;
      }
      if (spec.arabicNamesOnly && importance < NEIGHBOUR_MIN_IMPORTANCE) {
        dropped++;
        continue;
      }
      const sources =
        spec.arabicNamesOnly || p.name_ar_suspect
          ? p.name_ar_arabic_language
          : [...p.name_ar_arabic_language, ...p.name_ar];
      const names = [...new Set(sources.map(arabicSpelling).filter((n): n is string => n !== null))].filter((n) => {
        const norm = normalizeForMatch(n).replace(/ /g, '');
        // No two-letter names (قم، مؤ): short words are everywhere in text; packs/world/cities.json has the few towns.
        return norm.length >= 3;
      });
      if (names.length === 0) {
        dropped++;
        continue;
      }
      const [kind, num] = p.id.split(':');
      const admin2 = p.admin2_name?.trim() || undefined;
      const admin2_ar = (p.admin2_name_ar && arabicSpelling(p.admin2_name_ar)) || undefined;
      built.push({
        id: `${prefix}-${kind === 'gn' ? 'gn' : 'wof'}-${num}`,
        name_ar: names[0],
        aliases_ar: names.slice(1),
        name_en: p.name?.trim() || names[0],
        lat: Math.round(p.lat * 1e5) / 1e5,
        lon: Math.round(p.lon * 1e5) / 1e5,
        country: spec.country,
        admin1: area.name,
        ...(admin2 ? { admin2 } : {}),
        ...(admin2 && admin2_ar ? { admin2_ar } : {}),
        ...(p.population && p.population > 0 ? { population: Math.round(p.population) } : {}),
        feature: featureOf(p),
        importance,
        source: kind === 'gn' ? { geonames: Number(num) } : { wof: Number(num) },
        norms: new Set(names.map(normalizeForMatch)),
      });
    }

    // The same town twice (GeoNames and cities5000 under two ids): the more important one stays.
    built.sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id));
    const kept: typeof built = [];
    const keptByName = new Map<string, (typeof built)[number][]>();
    let duplicates = 0;
    for (const p of built) {
      const twin = [...p.norms].some((n) =>
        (keptByName.get(n) ?? []).some((k) => distanceKm(k.lat, k.lon, p.lat, p.lon) < 3),
      );
      if (twin) {
        duplicates++;
        continue;
      }
      kept.push(p);
      for (const n of p.norms) keptByName.set(n, [...(keptByName.get(n) ?? []), p]);
    }

    // A town of packs/world/cities.json stays there (its press spellings and rank are hand-written);
    // the built entry for it goes, and gives the city its admin areas.
    const worldCities: Record<string, { admin1: string; admin2?: string; admin2_ar?: string }> = {};
    const replaced = new Set<string>();
    for (const city of cities.filter((c) => c.country === spec.country)) {
      const norms = [city.name_ar, ...city.aliases_ar].map(normalizeForMatch);
      const same = kept
        .filter((p) => !replaced.has(p.id) && norms.some((n) => p.norms.has(n)))
        .map((p) => ({ p, km: distanceKm(p.lat, p.lon, city.lat, city.lon) }))
        .filter((x) => x.km < 25)
        .sort((a, b) => a.km - b.km || b.p.importance - a.p.importance);
      const nearest =
        same[0]?.p ??
        kept
          .map((p) => ({ p, km: distanceKm(p.lat, p.lon, city.lat, city.lon) }))
          .sort((a, b) => a.km - b.km)
          .find((x) => x.km < 30)?.p;
      if (same[0]) replaced.add(same[0].p.id);
      if (nearest)
        worldCities[city.id] = {
          admin1: nearest.admin1,
          ...(nearest.admin2 ? { admin2: nearest.admin2 } : {}),
          ...(nearest.admin2_ar ? { admin2_ar: nearest.admin2_ar } : {}),
        };
      else log.push(`${spec.country}: world city ${city.id} has no gazetteer place within 30 km: no admin areas`);
    }

    // Each admin1 area is also a place (محافظة إدلب), at its seat, ranked below the seat of the same name.
    const levelName = spec.admin_levels[0].name_ar;
    const areaPlaces: PlaceEntry[] = areas.map((a) => ({
      id: `${prefix}-admin1-${slug(a.code) || slug(a.name)}`,
      name_ar: `${levelName} ${a.name_ar}`,
      aliases_ar: [...new Set([a.name_ar, ...(a.aliases_ar ?? [])])].filter((n) => n !== `${levelName} ${a.name_ar}`),
      name_en: a.name,
      lat: seats.get(a.name)?.lat ?? a.lat,
      lon: seats.get(a.name)?.lon ?? a.lon,
      country: spec.country,
      admin1: a.name,
      feature: 'district',
      importance: 50,
      source: 'public knowledge',
    }));

    // Sorted by id in code-unit order: the loader finds a row by binary search.
    const places: PlaceEntry[] = [
      ...areaPlaces,
      ...kept.filter((p) => !replaced.has(p.id)).map(({ norms: _norms, ...p }) => p),
    ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Names several entries share are ambiguous: resolution weighs them by context.
    const owners = new Map<string, number>();
    for (const p of places)
      for (const n of new Set([p.name_ar, ...p.aliases_ar].map(normalizeForMatch)))
        owners.set(n, (owners.get(n) ?? 0) + 1);
    for (const p of places)
      if ([p.name_ar, ...p.aliases_ar].some((n) => (owners.get(normalizeForMatch(n)) ?? 0) > 1)) p.ambiguous = true;

    // Every row checked against the place schema before it is written in the compact form.
    for (const p of places) placeSchema.parse(p);
    const features = [...PLACE_FEATURES];
    const admin1Names = areas.map((a) => a.name);
    const rows: PlaceRow[] = places.map((p) => [
      p.id,
      p.name_ar,
      p.aliases_ar,
      p.name_en,
      p.lat,
      p.lon,
      admin1Names.indexOf(p.admin1),
      p.admin2 ?? null,
      p.admin2_ar ?? null,
      p.population ?? null,
      features.indexOf(p.feature),
      p.importance,
      p.ambiguous ? 1 : 0,
      typeof p.source === 'string'
        ? p.source
        : 'geonames' in p.source
          ? `gn:${p.source.geonames}`
          : `wof:${(p.source as { wof: number }).wof}`,
    ]);
    const keyRows = new Map<string, string[]>();
    places.forEach((p, row) => {
      const seen = new Set<string>();
      for (const alias of [p.name_ar, ...p.aliases_ar]) {
        const { words, definite } = nameKeyOf(alias);
        const key = words.join(' ');
        if (!key || seen.has(key)) continue;
        seen.add(key);
        keyRows.set(key, [...(keyRows.get(key) ?? []), `${row}${definite ? 'd' : ''}`]);
      }
    });
    const keys = [...keyRows]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, rs]) => `${key}\t${rs.join(',')}`)
      .join('\n');
    const placesFile = compactPlacesFileSchema.parse({
      $meta: {
        description: `Gazetteer of ${spec.name} in compact form (src/knowledge/place-table.ts): its ${areas.length} admin1 areas and ${places.length - areas.length} populated places (cities, towns, villages, neighbourhoods) with an Arabic name, each with its admin1 (and admin2 where the source knows it); one row a place (columns), and the normalised name keys worked out at build time. Towns of packs/world/cities.json are left to that file; world_cities gives them their admin areas.`,
        version: '1.0.0',
        source: `../shared/datasets/gazetteer-arab-world (GeoNames populated places and Who's On First names), built by scripts/build-theatre-gazetteers.ts`,
        license: 'CC-BY-4.0',
        attribution: ATTRIBUTION,
        generated_by: 'node --import tsx scripts/build-theatre-gazetteers.ts',
        importance:
          'max(admin seat rank: capital 95, admin1 seat 75, admin2 55, admin3 45, admin4 40; 14·log10(population) − 10), 10 when neither is known',
      },
      columns: [...PLACE_COLUMNS],
      features,
      admin1: admin1Names,
      rows: rows.map((r) => JSON.stringify(r)).join('\n'),
      keys,
      world_cities: worldCities,
    });
    const areasFile = adminAreasFileSchema.parse({
      $meta: {
        description: `The ${areas.length} first-level areas of ${spec.name} (${spec.admin_levels[0].name}, ${levelName}), the admin1 of its places, with a representative point.`,
        version: '1.0.0',
        provenance:
          "../shared/datasets/gazetteer-arab-world/admin1.json (GeoNames admin1 codes, Who's On First names and label points); packs/world/admin1-names-ar.json for missing Arabic names",
        licence: 'CC-BY-4.0',
        attribution: ATTRIBUTION,
      },
      areas,
    });
    const bytes = writeGzipJson(join(dir, 'places.json.gz'), placesFile);
    writeFileSync(join(dir, 'admin1.json'), JSON.stringify(areasFile, null, 1) + '\n');
    writeFileSync(join(dir, 'PLACES-LICENSE.md'), licenceText(spec));
    const manifestPath = join(dir, 'theatre.json');
    if (!existsSync(manifestPath)) {
      const manifest = TheatreManifestSchema.parse({
        $meta: {
          description: `The ${spec.name} theatre: its admin areas (admin1.json) and gazetteer (places.json.gz). Actors are to be added (actors.json).`,
          version: '1.0.0',
          provenance: "Marsad project; see each listed file's own $meta.",
          licence: 'MIT',
        },
        country: spec.country,
        name: spec.name,
        name_ar: spec.name_ar,
        actors: [],
        people: [],
        acled_region: spec.acled_region,
        id_prefix: prefix,
        admin_levels: spec.admin_levels,
        admin1: 'admin1.json',
        places: ['places.json.gz'],
      });
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
    }
    log.push(
      `${spec.country}: ${areas.length} admin1, ${places.length - areas.length} places (${dropped} dropped, ${duplicates} duplicates, ${replaced.size} left to world/cities.json), ${bytes} bytes gzipped`,
    );
  }

  // Libya: its districts (packs/libya/districts.json) as the theatre's admin1 areas.
  const districts = JSON.parse(readFileSync(join(repo, 'packs/libya/districts.json'), 'utf8')) as {
    districts: { id: string; name_ar: string; aliases_ar: string[]; name_en: string; capital: string }[];
  };
  const libyaPlaces = placesFileSchema.parse(JSON.parse(readFileSync(join(repo, 'packs/libya/places.json'), 'utf8')));
  const libyaById = new Map(libyaPlaces.places.map((p) => [p.id, p]));
  const libyaAreas = adminAreasFileSchema.parse({
    $meta: {
      description:
        "Libya's 22 districts (شعبيات, 2007 division), ACLED's admin1, in ACLED's spelling; the point is the district capital's.",
      version: '1.0.0',
      provenance: 'packs/libya/districts.json (public knowledge), written by scripts/build-theatre-gazetteers.ts',
      licence: 'CC0-1.0',
    },
    areas: districts.districts.map((d) => {
      const capital = libyaById.get(d.capital);
      if (!capital) throw new Error(`packs/libya/districts.json: ${d.id}: capital ${d.capital} is not in places.json`);
      return {
        code: d.id.replace(/^ly-district-/, ''),
        name: d.name_en,
        name_ar: d.name_ar.replace(/^شعبية /, ''),
        aliases_ar: [d.name_ar],
        lat: capital.lat,
        lon: capital.lon,
      };
    }),
  });
  writeFileSync(join(repo, 'packs/libya/admin1.json'), JSON.stringify(libyaAreas, null, 1) + '\n');
  writeFileSync(join(repo, 'packs/theatre-gazetteers-build.log'), log.join('\n') + '\n');
  process.stdout.write(log.join('\n') + '\n');
}

main();
