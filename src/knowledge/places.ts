/**
 * The gazetteer: each theatre's places (admin areas, towns, villages, neighbourhoods,
 * facilities, regions) named by its manifest, the world's countries and the region's main
 * cities, read from JSON packs and validated with zod. Nothing about a country is in this code:
 * a place's country, id prefix and admin areas come from its theatre's manifest and files.
 *
 * Nothing is read at import time: call `loadGazetteer()` once and keep the result.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { readPack } from './pack.js';
import { loadTheatres, type Theatre } from './theatres.js';

export { PLACE_FEATURES, placeSchema, type PlaceFeature, type PlaceEntry, type Place } from './places-schema.js';
import { gazetteerMeta as meta, placeSchema, type Place } from './places-schema.js';
import { compactPlacesFileSchema, PlaceTable } from './place-table.js';
import { placeAdditionsFileSchema } from './place-additions.js';
export { PlaceTable } from './place-table.js';
import { normalizeForMatch } from '../text/normalize.js';

const nonEmpty = z.string().trim().min(1);
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** What a world city of a theatre country lacks, taken from the theatre's gazetteer entry for it. */
const cityAdminSchema = z
  .object({ admin1: nonEmpty, admin2: nonEmpty.optional(), admin2_ar: nonEmpty.optional() })
  .strict();

export const placesFileSchema = z
  .object({
    $meta: meta,
    /** Normalised names deliberately shared by several entries. */
    ambiguousNames: z.array(z.string()),
    places: z.array(placeSchema),
    /** World cities (packs/world/cities.json ids) of the country, with their admin areas. */
    world_cities: z.record(z.string(), cityAdminSchema).optional(),
  })
  .strict();

/** A theatre's first-level areas (governorates, states, districts): the admin1 of its places. */
export const adminAreaSchema = z
  .object({
    /** The code in the area's source (GeoNames admin1 code, or a slug). */
    code: nonEmpty,
    /** English name, as ACLED spells it where it differs from the source. */
    name: nonEmpty,
    name_ar: nonEmpty,
    aliases_ar: z.array(nonEmpty).optional(),
    iso_3166_2: z.string().optional(),
    lat: latitude,
    lon: longitude,
  })
  .strict();
export type AdminArea = z.infer<typeof adminAreaSchema> & { country: string };

export const adminAreasFileSchema = z
  .object({
    $meta: z.looseObject({
      description: z.string().min(1),
      version: z.string().min(1),
      provenance: z.string().min(1),
      licence: z.string().min(1),
    }),
    areas: z.array(adminAreaSchema).min(1),
  })
  .strict();

export const countrySchema = z
  .object({
    iso2: z.string().regex(/^[A-Z]{2}$/),
    iso3: z.string().regex(/^[A-Z]{3}$/),
    /** ISO 3166-1 numeric code, the `iso` field of ACLED rows. */
    isoNumeric: z.number().int().min(0).max(999),
    name_ar: nonEmpty,
    aliases_ar: z.array(nonEmpty),
    /** Adjective forms naming the state ("السلطات اليونانية" → Greece). */
    demonyms_ar: z.array(nonEmpty),
    name_en: nonEmpty,
    aliases_en: z.array(nonEmpty),
    /** Representative point: the capital, or the main settlement of a territory. */
    lat: latitude,
    lon: longitude,
  })
  .strict();
export type Country = z.infer<typeof countrySchema>;

export const countriesFileSchema = z.object({ $meta: meta, countries: z.array(countrySchema) }).strict();

export const citySchema = z
  .object({
    id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/),
    name_ar: nonEmpty,
    aliases_ar: z.array(nonEmpty),
    name_en: nonEmpty,
    aliases_en: z.array(nonEmpty).optional(),
    /** ISO alpha-2 of the city's country. */
    country: z.string().regex(/^[A-Z]{2}$/),
    admin1: nonEmpty.optional(),
    lat: latitude,
    lon: longitude,
    feature: z.enum(['city', 'town', 'island']),
    importance: z.number().int().min(0).max(100),
  })
  .strict();
export type WorldCity = z.infer<typeof citySchema>;

export const citiesFileSchema = z.object({ $meta: meta, cities: z.array(citySchema) }).strict();

/** World-city admin areas taken from a theatre's gazetteer. */
export interface CityAdmin {
  admin1: string;
  admin1_ar: string;
  admin2?: string;
  admin2_ar?: string;
}

/** A gazetteer name: its normalised words (the first without ال), the place and whether the name has the article. */
export interface PlaceName {
  words: string[];
  id: string;
  definite: boolean;
}

export interface Gazetteer {
  /** Every theatre's entries, admin areas included: built on first read (tens of thousands). */
  readonly places: readonly Place[];
  /** A place by id; a compact table's row becomes a Place (validated) when first asked for. */
  readonly byId: { get(id: string): Place | undefined; has(id: string): boolean };
  /** The names of the places held as objects (hand-sized files and additions), and the additions' spellings of the tables' places, keyed for the name index. */
  placeNames(): Generator<PlaceName>;
  /** The compact tables of built gazetteers: their names are looked up in them, by key. */
  readonly placeTables: readonly PlaceTable[];
  /** Number of places over every theatre. */
  readonly size: number;
  /** Every theatre's admin1 areas. */
  readonly adminAreas: readonly AdminArea[];
  /** Admin areas of the world cities in theatre countries, by city id. */
  readonly cityAdmin: ReadonlyMap<string, CityAdmin>;
  readonly countries: readonly Country[];
  readonly countryByIso2: ReadonlyMap<string, Country>;
  readonly cities: readonly WorldCity[];
  readonly ambiguousNames: ReadonlySet<string>;
}

/** `<repo>/packs/`, from `src/knowledge/` and `dist/knowledge/` alike. */
export function defaultPacksDir(): string {
  return fileURLToPath(new URL('../../packs/', import.meta.url));
}

function readJson(path: string): unknown {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
}

function parseOrThrow<T>(path: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`${path} is not a valid gazetteer file:\n${problems.join('\n')}`);
}

/** A theatre's places, as objects (hand-sized files) or compact tables (built files). */
interface TheatrePlaces {
  objects: Place[];
  tables: { table: PlaceTable; prefix: string }[];
  ambiguousNames: string[];
  /** Spellings the additions give places of the tables, by id. */
  tableAliases: Map<string, { ar: string[]; en: string[] }>;
}

function loadTheatrePlaces(theatre: Theatre, areas: ReadonlyMap<string, AdminArea>, cityAdmin: Map<string, CityAdmin>) {
  const loaded: TheatrePlaces = { objects: [], tables: [], ambiguousNames: [], tableAliases: new Map() };
  const prefix = `${theatre.id_prefix}-`;
  const addCityAdmin = (
    path: string,
    cities: Record<string, { admin1: string; admin2?: string; admin2_ar?: string }>,
  ) => {
    for (const [city, admin] of Object.entries(cities)) {
      const area = areas.get(admin.admin1);
      if (!area) throw new Error(`${path}: world_cities.${city}: admin1 "${admin.admin1}" is unknown`);
      cityAdmin.set(city, { ...admin, admin1_ar: area.name_ar });
    }
  };
  for (const file of theatre.places) {
    const path = join(theatre.dir, file);
    const data = readJson(path);
    if (typeof data === 'object' && data !== null && 'rows' in data) {
      const compact = parseOrThrow(path, compactPlacesFileSchema, data);
      const admin1Ar = new Map([...areas].map(([name, a]) => [name, a.name_ar]));
      const table = new PlaceTable(compact, path, theatre.country, admin1Ar);
      for (let row = 0; row < table.size; row++)
        if (!table.idAt(row).startsWith(prefix))
          throw new Error(
            `${path}: rows[${row}] (${table.idAt(row)}): id does not start with the theatre's "${prefix}"`,
          );
      loaded.tables.push({ table, prefix });
      addCityAdmin(path, compact.world_cities ?? {});
      continue;
    }
    const parsed = parseOrThrow(path, placesFileSchema, data);
    parsed.places.forEach((place, i) => {
      const where = `${path}: places[${i}] (${place.id})`;
      if (place.country !== theatre.country)
        throw new Error(`${where}: country ${place.country}, but the theatre is ${theatre.country}`);
      if (!place.id.startsWith(prefix)) throw new Error(`${where}: id does not start with the theatre's "${prefix}"`);
      const area = areas.get(place.admin1);
      if (!area) throw new Error(`${where}: admin1 "${place.admin1}" is not an admin area of ${theatre.country}`);
      loaded.objects.push({ ...place, admin1_ar: area.name_ar });
    });
    addCityAdmin(path, parsed.world_cities ?? {});
    loaded.ambiguousNames.push(...parsed.ambiguousNames);
  }
  for (const file of theatre.places_additions) addPlaceAdditions(theatre, join(theatre.dir, file), areas, loaded);
  return loaded;
}

/** A theatre's additions file: its new places join the objects, its spellings the places they name. */
function addPlaceAdditions(
  theatre: Theatre,
  path: string,
  areas: ReadonlyMap<string, AdminArea>,
  loaded: TheatrePlaces,
): void {
  const prefix = `${theatre.id_prefix}-`;
  const additions = readPack(path, placeAdditionsFileSchema);
  const inTables = (id: string) => loaded.tables.some(({ table }) => table.rowOf(id) >= 0);
  additions.places.forEach(({ evidence: _evidence, ...place }, i) => {
    const where = `${path}: places[${i}] (${place.id})`;
    if (place.country !== theatre.country)
      throw new Error(`${where}: country ${place.country}, but the theatre is ${theatre.country}`);
    if (!place.id.startsWith(prefix)) throw new Error(`${where}: id does not start with the theatre's "${prefix}"`);
    if (inTables(place.id)) throw new Error(`${where}: the gazetteer already has a place of this id: add a fix`);
    const area = areas.get(place.admin1);
    if (!area) throw new Error(`${where}: admin1 "${place.admin1}" is not an admin area of ${theatre.country}`);
    loaded.objects.push({ ...place, admin1_ar: area.name_ar });
  });
  additions.fixes.forEach((fix, i) => {
    const where = `${path}: fixes[${i}] (${fix.id})`;
    const object = loaded.objects.find((p) => p.id === fix.id);
    if (object) {
      object.aliases_ar = [...new Set([...object.aliases_ar, ...fix.aliases_ar])];
      if (fix.aliases_en) object.aliases_en = [...new Set([...(object.aliases_en ?? []), ...fix.aliases_en])];
      return;
    }
    if (!inTables(fix.id)) throw new Error(`${where}: no place of ${theatre.country} has this id`);
    const extra = loaded.tableAliases.get(fix.id) ?? { ar: [], en: [] };
    extra.ar.push(...fix.aliases_ar);
    extra.en.push(...(fix.aliases_en ?? []));
    loaded.tableAliases.set(fix.id, extra);
  });
}

/**
 * The key a name is indexed under: its normalised words, the first without the article ال
 * (the clitic analyser strips it with the prepositions glued before it), and whether it has it.
 */
export function nameKeyOf(alias: string): { words: string[]; definite: boolean } {
  const norm = normalizeForMatch(alias);
  const words = norm
    .replace(/["'«»()]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  const first = norm.split(' ')[0];
  const definite = first.startsWith('ال') && first.length >= 4;
  if (words.length && words[0].startsWith('ال') && words[0].length >= 4) words[0] = words[0].slice(2);
  return { words, definite };
}

/** Reads and validates every theatre's gazetteer and the world files; throws an error naming the bad file and field. */
export function loadGazetteer(dir: string = defaultPacksDir()): Gazetteer {
  const countriesFile = countriesFileSchema.parse(readJson(join(dir, 'world', 'countries.json')));
  const citiesFile = citiesFileSchema.parse(readJson(join(dir, 'world', 'cities.json')));
  const objects: Place[] = [];
  const tables: { table: PlaceTable; prefix: string }[] = [];
  const adminAreas: AdminArea[] = [];
  const ambiguousNames = new Set<string>();
  const cityAdmin = new Map<string, CityAdmin>();
  const tableAliases = new Map<string, { ar: string[]; en: string[] }>();
  for (const theatre of loadTheatres(dir)) {
    if (theatre.places.length === 0) continue;
    if (!theatre.admin1 || !theatre.id_prefix)
      throw new Error(`${theatre.dir}/theatre.json: a theatre with places needs "admin1" and "id_prefix"`);
    const areas = readPack(join(theatre.dir, theatre.admin1), adminAreasFileSchema).areas.map((a) => ({
      ...a,
      country: theatre.country,
    }));
    adminAreas.push(...areas);
    const loaded = loadTheatrePlaces(theatre, new Map(areas.map((a) => [a.name, a])), cityAdmin);
    for (const p of loaded.objects) objects.push(p);
    tables.push(...loaded.tables);
    for (const n of loaded.ambiguousNames) ambiguousNames.add(n);
    for (const [id, extra] of loaded.tableAliases) tableAliases.set(id, extra);
  }
  const objectById = new Map<string, Place>();
  for (const place of objects) {
    if (objectById.has(place.id)) throw new Error(`gazetteer: duplicate place id ${place.id}`);
    objectById.set(place.id, place);
  }
  const tableOf = (id: string) => tables.find((t) => id.startsWith(t.prefix) && t.table.rowOf(id) >= 0)?.table;
  // A table's place with the spellings of the additions, made once.
  const withAdditions = new Map<string, Place>();
  const tablePlace = (table: PlaceTable, row: number): Place => {
    const place = table.place(row);
    const extra = tableAliases.get(place.id);
    if (!extra) return place;
    let merged = withAdditions.get(place.id);
    if (!merged) {
      merged = {
        ...place,
        aliases_ar: [...new Set([...place.aliases_ar, ...extra.ar])],
        ...(extra.en.length ? { aliases_en: [...new Set([...(place.aliases_en ?? []), ...extra.en])] } : {}),
      };
      withAdditions.set(place.id, merged);
    }
    return merged;
  };
  const byId = {
    get(id: string): Place | undefined {
      const hit = objectById.get(id);
      if (hit) return hit;
      const table = tableOf(id);
      return table ? tablePlace(table, table.rowOf(id)) : undefined;
    },
    has: (id: string) => objectById.has(id) || tableOf(id) !== undefined,
  };
  let all: Place[] | null = null;
  return {
    get places() {
      all ??= [
        ...objects,
        ...tables.flatMap(({ table }) => Array.from({ length: table.size }, (_, i) => tablePlace(table, i))),
      ];
      return all;
    },
    byId,
    size: objects.length + tables.reduce((n, t) => n + t.table.size, 0),
    *placeNames() {
      for (const place of objects)
        for (const alias of [place.name_ar, ...place.aliases_ar]) yield { ...nameKeyOf(alias), id: place.id };
      // The additions' spellings of the tables' places (their own names are looked up in the tables).
      for (const [id, extra] of tableAliases) for (const alias of extra.ar) yield { ...nameKeyOf(alias), id };
    },
    placeTables: tables.map((t) => t.table),
    adminAreas,
    cityAdmin,
    countries: countriesFile.countries,
    countryByIso2: new Map(countriesFile.countries.map((c) => [c.iso2, c])),
    cities: citiesFile.cities,
    ambiguousNames,
  };
}
