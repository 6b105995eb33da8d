/**
 * The schema of a gazetteer place, shared by the places files and their compact form
 * (place-table.ts), and the kinds of place it knows.
 */
import { z } from 'zod';

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

export const gazetteerMeta = z
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
    /**
     * Stable id starting with the theatre's `id_prefix` and a dash: `<prefix>-<slug>` for
     * hand-named entries, `<prefix>-osm-<type>-<n>`, `<prefix>-gn-<n>`, `<prefix>-wof-<n>` for built ones.
     */
    id: z.string().regex(/^[a-z]{2,3}-[a-z0-9-]+$/),
    name_ar: nonEmpty,
    /** Real spelling variants; alef/hamza, ى/ي, ة/ه and harakat are left to the normaliser. */
    aliases_ar: z.array(nonEmpty),
    name_en: nonEmpty,
    aliases_en: z.array(nonEmpty).optional(),
    lat: latitude,
    lon: longitude,
    /** ISO 3166-1 alpha-2: the theatre's country (checked on load). */
    country: z.string().regex(/^[A-Z]{2}$/),
    /** The English name of one of the theatre's admin1 areas (checked on load, which adds its Arabic name). */
    admin1: nonEmpty,
    /** A finer area: the second-level division, or the city a neighbourhood belongs to. */
    admin2: nonEmpty.optional(),
    admin2_ar: nonEmpty.optional(),
    /** Inhabitants, where the source knows them. */
    population: z.number().int().positive().optional(),
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
    source: z.union([
      z.literal('public knowledge'),
      z.object({ osm: nonEmpty }).strict(),
      z.object({ geonames: z.number().int().positive() }).strict(),
      z.object({ wof: z.number().int().positive() }).strict(),
    ]),
  })
  .strict();
/** A place as its file holds it. */
export type PlaceEntry = z.infer<typeof placeSchema>;
/** A place as loaded: its admin1's Arabic name added from the theatre's admin areas. */
export type Place = PlaceEntry & { admin1_ar: string };
