/**
 * The gazetteer: Libyan places (districts, towns, neighbourhoods, facilities, regions), the
 * world's countries and the region's main cities, read from JSON packs and validated with zod.
 *
 * Nothing is read at import time: call `loadGazetteer()` once and keep the result.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';

/** Libya's 22 districts (2007 division), ACLED's admin1, in ACLED's spelling. */
export const LIBYA_DISTRICTS = [
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
] as const;
export type LibyaDistrict = (typeof LIBYA_DISTRICTS)[number];

export const PLACE_FEATURES = [
  'district',
  'city',
  'town',
  'village',
  'hamlet',
  'neighbourhood',
  'airport',
  'airbase',
  'port',
  'oil_terminal',
  'oil_field',
  'camp',
  'road',
  'bridge',
  'border_crossing',
  'region',
  'landmark',
] as const;
export type PlaceFeature = (typeof PLACE_FEATURES)[number];

const meta = z
  .object({
    description: z.string().min(1),
    version: z.string().min(1),
    source: z.string().min(1),
    license: z.string().min(1),
  })
  .passthrough();

const nonEmpty = z.string().trim().min(1);
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const placeSchema = z
  .object({
    /** Stable id: `ly-<slug>` for hand-named entries, `ly-osm-<type>-<n>` for extract entries. */
    id: z.string().regex(/^ly-[a-z0-9-]+$/),
    name_ar: nonEmpty,
    /** Real spelling variants; alef/hamza, ى/ي, ة/ه and harakat are left to the normaliser. */
    aliases_ar: z.array(nonEmpty),
    name_en: nonEmpty,
    aliases_en: z.array(nonEmpty).optional(),
    lat: latitude,
    lon: longitude,
    country: z.literal('LY'),
    admin1: z.enum(LIBYA_DISTRICTS),
    /** A finer area, e.g. the city a neighbourhood belongs to. */
    admin2: nonEmpty.optional(),
    feature: z.enum(PLACE_FEATURES),
    /** 0-100 rank to break ties between same-named places: capitals and big cities high. */
    importance: z.number().int().min(0).max(100),
    /** Id of the place this one is part of (a neighbourhood's city). */
    parent: z.string().optional(),
    /** For districts: id of the capital. */
    capital: z.string().optional(),
    /** True when another entry shares one of this entry's normalised names. */
    ambiguous: z.boolean().optional(),
    /** True when the coordinates are known only to about 0.03 degrees. */
    approximate: z.boolean().optional(),
    note: z.string().optional(),
    source: z.union([z.literal('public knowledge'), z.object({ osm: nonEmpty })]),
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;

export const placesFileSchema = z
  .object({
    $meta: meta,
    /** Normalised names deliberately shared by several entries. */
    ambiguousNames: z.array(z.string()),
    places: z.array(placeSchema),
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

export interface Gazetteer {
  /** Libyan entries, districts included. */
  readonly places: readonly Place[];
  readonly byId: ReadonlyMap<string, Place>;
  readonly districts: readonly Place[];
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
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Reads and validates the three gazetteer files; throws a zod error naming the bad field. */
export function loadGazetteer(dir: string = defaultPacksDir()): Gazetteer {
  const placesFile = placesFileSchema.parse(readJson(join(dir, 'libya', 'places.json')));
  const countriesFile = countriesFileSchema.parse(readJson(join(dir, 'world', 'countries.json')));
  const citiesFile = citiesFileSchema.parse(readJson(join(dir, 'world', 'cities.json')));
  const byId = new Map<string, Place>();
  for (const place of placesFile.places) {
    if (byId.has(place.id)) throw new Error(`gazetteer: duplicate place id ${place.id}`);
    byId.set(place.id, place);
  }
  return {
    places: placesFile.places,
    byId,
    districts: placesFile.places.filter((p) => p.feature === 'district'),
    countries: countriesFile.countries,
    countryByIso2: new Map(countriesFile.countries.map((c) => [c.iso2, c])),
    cities: citiesFile.cities,
    ambiguousNames: new Set(placesFile.ambiguousNames),
  };
}
