/**
 * Builds the web app's offline basemap (web/basemap/) from the gazetteer of the Arab world:
 *
 *   ../shared/datasets/gazetteer-arab-world/admin1-boundaries.geojson   admin1 polygons (WOF)
 *   ../shared/datasets/gazetteer-arab-world/admin1.json                 admin1 names and variants
 *   ../shared/datasets/gazetteer-arab-world/places.jsonl                populated places (GeoNames)
 *   packs/<theatre>/districts.json                                      a theatre's admin1 spellings
 *   packs/world/countries.json                                          country names
 *
 * Output: admin1.geojson (coordinates rounded to 3 decimals, about 100 m, which the map's scale
 * does not show; each area with `aliases`, the other spellings an event's admin1 may carry, so the
 * choropleth finds it), cities.json (capitals, admin1 seats and towns of 100,000 or more, with an
 * Arabic name), countries.json (the names of the countries the areas cover), and LICENCE.md (the credit the gazetteer's licence asks for).
 * Run: node --import tsx scripts/build-basemap.ts [path/to/gazetteer-arab-world]
 * The output depends only on the inputs, so a rerun is byte-identical.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeForMatch } from '../src/text/normalize.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const source = process.argv[2] ?? join(repo, '..', 'shared', 'datasets', 'gazetteer-arab-world');
const out = join(repo, 'web', 'basemap');
const CITY_POPULATION = 100_000;

type Position = [number, number];
interface Area {
  type: 'Feature';
  properties: { country: string; admin1_code: string; iso_3166_2: string | null; name: string; name_ar: string | null };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
interface Admin1Entry {
  country: string;
  admin1_code: string;
  name: string;
  name_en?: string;
  name_geonames?: string;
  name_ar: string | null;
}
interface District {
  name_en: string;
  aliases_en: string[];
  name_ar: string;
  aliases_ar: string[];
}
interface GazetteerPlace {
  name: string;
  name_ar_arabic_language: string[];
  name_ar: string[];
  name_ar_suspect: boolean;
  country: string;
  admin1_name: string | null;
  feature_code: string;
  population: number | null;
  lat: number;
  lon: number;
  is_current: boolean;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** A ring rounded, without the repeated points rounding makes; null when too few are left. */
function roundRing(ring: Position[]): Position[] | null {
  const kept: Position[] = [];
  for (const [lon, lat] of ring) {
    const p: Position = [round(lon), round(lat)];
    const last = kept[kept.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
  }
  return kept.length >= 4 ? kept : null;
}

const roundPolygon = (rings: Position[][]) => rings.map(roundRing).filter((r): r is Position[] => r !== null);

/** Arabic names compared without the district word and the spelling variants the press mixes. */
const arabicKey = (s: string) => normalizeForMatch(s.replace(/^(ال)?شعبية\s+/, ''));

/** Each theatre's district spellings, by country and Arabic name. */
function theatreDistricts(): Map<string, District[]> {
  const byCountry = new Map<string, District[]>();
  const packs = join(repo, 'packs');
  for (const pack of readdirSync(packs)) {
    const theatre = join(packs, pack, 'theatre.json');
    const districts = join(packs, pack, 'districts.json');
    if (!existsSync(theatre) || !existsSync(districts)) continue;
    const { country } = readJson<{ country: string }>(theatre);
    byCountry.set(country, readJson<{ districts: District[] }>(districts).districts);
  }
  return byCountry;
}

function main(): void {
  const boundaries = readJson<{ features: Area[] }>(join(source, 'admin1-boundaries.geojson'));
  const admin1 = readJson<Admin1Entry[]>(join(source, 'admin1.json'));
  const districts = theatreDistricts();
  const names = new Map(admin1.map((a) => [`${a.country}.${a.admin1_code}`, a]));

  const areas = boundaries.features.map((f): Area & { properties: { aliases: string[] } } => {
    const { country, admin1_code, iso_3166_2, name, name_ar } = f.properties;
    const listed = names.get(`${country}.${admin1_code}`);
    const key = name_ar ? arabicKey(name_ar) : null;
    const district = (districts.get(country) ?? []).find(
      (d) => key !== null && [d.name_ar, ...d.aliases_ar].some((n) => arabicKey(n) === key),
    );
    // The two files' codes disagree for a few areas: an entry counts only when its Arabic name agrees.
    const entry = listed && key !== null && listed.name_ar && arabicKey(listed.name_ar) === key ? listed : undefined;
    const aliases = [
      entry?.name,
      entry?.name_en,
      entry?.name_geonames,
      district?.name_en,
      ...(district?.aliases_en ?? []),
    ]
      .filter((n): n is string => typeof n === 'string' && n !== name)
      .filter((n, i, all) => all.indexOf(n) === i);
    const geometry: Area['geometry'] =
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: roundPolygon(f.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(roundPolygon).filter((p) => p.length > 0) };
    return {
      type: 'Feature',
      properties: { country, admin1_code, iso_3166_2, name, name_ar, aliases },
      geometry,
    };
  });

  const cities: {
    name: string;
    name_ar: string;
    country: string;
    lat: number;
    lon: number;
    rank: number;
    population: number;
  }[] = [];
  const places: typeof cities = [];
  for (const line of readFileSync(join(source, 'places.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as GazetteerPlace;
    const capital = p.feature_code === 'PPLC';
    const seat = p.feature_code === 'PPLA';
    const large = (p.population ?? 0) >= CITY_POPULATION;
    const found = p.name_ar_arabic_language[0] ?? (p.name_ar_suspect ? undefined : p.name_ar[0]);
    // Labels without harakat and without the district word some seats carry ("شعبية سرت").
    const name_ar = found?.replace(/[\u064B-\u0652\u0670]/g, '').replace(/^(ال)?شعبية\s+/, '');
    if (!p.is_current || !name_ar || !(capital || seat || large)) continue;
    // Rank: 0 capitals, 1 admin1 seats and cities of a million, 2 the other towns (shown closer in).
    const rank = capital ? 0 : seat || (p.population ?? 0) >= 1_000_000 ? 1 : 2;
    places.push({
      name: p.name,
      name_ar,
      country: p.country,
      lat: round(p.lat),
      lon: round(p.lon),
      rank,
      population: p.population ?? 0,
    });
  }
  places.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.population - a.population ||
      a.country.localeCompare(b.country) ||
      a.name.localeCompare(b.name),
  );
  // One label per town: the gazetteer has a few towns twice, a few hundred metres apart.
  for (const p of places) {
    if (cities.some((c) => c.country === p.country && Math.hypot(c.lat - p.lat, c.lon - p.lon) < 0.1)) continue;
    cities.push(p);
  }

  const covered = new Set(areas.map((a) => a.properties.country));
  const countries = readJson<{ countries: { iso2: string; name_en: string; name_ar: string }[] }>(
    join(repo, 'packs', 'world', 'countries.json'),
  )
    .countries.filter((c) => covered.has(c.iso2))
    .map((c) => ({ code: c.iso2, name: c.name_en, name_ar: c.name_ar }));

  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'countries.json'), JSON.stringify(countries));
  writeFileSync(join(out, 'admin1.geojson'), JSON.stringify({ type: 'FeatureCollection', features: areas }));
  writeFileSync(join(out, 'cities.json'), JSON.stringify(cities.map(({ population: _population, ...c }) => c)));
  writeFileSync(
    join(out, 'LICENCE.md'),
    `# The basemap's data

Built by \`scripts/build-basemap.ts\` from the gazetteer of the Arab world
(\`../shared/datasets/gazetteer-arab-world/\`); the admin1 spellings of a theatre come from its
\`packs/<theatre>/districts.json\`.

- \`admin1.geojson\`: ${areas.length} first-level areas. Boundaries: Who's On First
  (whosonfirst.org), CC0 / CC BY (from Mesoshapes CC0, Quattroshapes CC BY from Natural Earth,
  and Who's On First's own work CC0); licence at https://whosonfirst.org/docs/licenses/.
- \`cities.json\`: ${cities.length} capitals, admin1 seats and towns of ${CITY_POPULATION.toLocaleString('en')} or more.
  Places: GeoNames (geonames.org), CC BY 4.0, through Who's On First
  (https://whosonfirst.org/docs/licenses/).
`,
  );
  process.stdout.write(`build-basemap: ${areas.length} areas, ${cities.length} cities → ${out}\n`);
}

main();
