/**
 * Theatres: a country the packs know in depth. A theatre is a folder of `packs/` holding a
 * `theatre.json` manifest that names the country and lists the folder's actor and people files;
 * adding a country adds a folder, never code. The generic categories every theatre shares
 * (civilians, unidentified armed groups, protesters...) live in `packs/world/actors.json`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PackMeta, readPack } from './pack.js';

const fileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.json(\.gz)?$/, 'a JSON file name (gzipped or not) in the theatre folder');

/** A level of the country's administrative division, as ACLED codes it (admin1, admin2). */
const AdminLevel = z.strictObject({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  name: z.string().min(1),
  name_ar: z.string().min(1),
});

export const TheatreManifestSchema = z.strictObject({
  $meta: PackMeta,
  /** ISO 3166-1 alpha-2, as in packs/world/countries.json. */
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code'),
  name: z.string().min(1),
  name_ar: z.string().min(1),
  /** Actor files (the schema of src/knowledge/actors.ts), relative to the theatre folder. */
  actors: z.array(fileName).default([]),
  /** People files (leaders and spokesmen with their roles over time). */
  people: z.array(fileName).default([]),
  /** ACLED's region of the country ("Middle East", "Northern Africa"...). */
  acled_region: z.string().min(1).optional(),
  /** The prefix (and a dash) every place id of the theatre starts with: "ly" for "ly-tripoli". */
  id_prefix: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'two or three lower-case letters')
    .optional(),
  /** The levels of the administrative division, named in English and Arabic. */
  admin_levels: z.array(AdminLevel).default([]),
  /** The admin1 areas file (src/knowledge/places.ts, adminAreasFileSchema); needed with places. */
  admin1: fileName.optional(),
  /** Gazetteer files (src/knowledge/places.ts, placesFileSchema), gzipped when large. */
  places: z.array(fileName).default([]),
  /**
   * Hand-written additions to those gazetteers (src/knowledge/place-additions.ts): press
   * spellings of their places and places they lack, each with its evidence; read on load.
   */
  places_additions: z.array(fileName).default([]),
});

export type TheatreManifest = z.infer<typeof TheatreManifestSchema>;

export interface Theatre extends TheatreManifest {
  /** The theatre's folder: its files are read from here. */
  dir: string;
}

const MANIFEST = 'theatre.json';

/** Every theatre of `packsDir` (folders holding a theatre.json), in folder-name order. */
export function loadTheatres(packsDir: string): Theatre[] {
  const theatres = readdirSync(packsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(packsDir, e.name, MANIFEST)))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(packsDir, name);
      return { ...readPack(join(dir, MANIFEST), TheatreManifestSchema), dir };
    });
  const seen = new Map<string, string>();
  for (const t of theatres) {
    const other = seen.get(t.country);
    if (other !== undefined)
      throw new Error(`${t.dir}/${MANIFEST}: country ${t.country} is also the theatre of ${other}`);
    seen.set(t.country, t.dir);
  }
  return theatres;
}
