/**
 * A theatre gazetteer in its compact form (built by scripts/build-theatre-gazetteers.ts): its
 * rows (one JSON array a place, a line, sorted by id) and its normalised name keys (a line a
 * key, sorted), each kept as one string. Loading costs a JSON parse of a few strings and a scan
 * for line ends: no normalising, no object a place. A name is looked up by binary search over
 * the key lines; a row becomes a `Place` (validated by `placeSchema`, see place-row.ts) when first asked for,
 * which a run over a few articles does for the few places they name.
 */
import { z } from 'zod';
import { PLACE_FEATURES, placeSchema, type Place, type PlaceEntry } from './places-schema.js';
import { placeEntryAsWritten, placeObjectOf } from './place-row.js';

/** The row's columns, in order (the file repeats them in `columns`, checked on load). */
export const PLACE_COLUMNS = [
  'id',
  'name_ar',
  'aliases_ar',
  'name_en',
  'lat',
  'lon',
  'admin1',
  'admin2',
  'admin2_ar',
  'population',
  'feature',
  'importance',
  'ambiguous',
  'source',
] as const;

export type PlaceRow = [
  id: string,
  name_ar: string,
  aliases_ar: string[],
  name_en: string,
  lat: number,
  lon: number,
  /** Index into the file's `admin1`. */
  admin1: number,
  admin2: string | null,
  admin2_ar: string | null,
  population: number | null,
  /** Index into the file's `features`. */
  feature: number,
  importance: number,
  ambiguous: 0 | 1,
  /** "gn:<geonameid>", "wof:<id>" or "public knowledge". */
  source: string,
];

const nonEmpty = z.string().trim().min(1);

export const compactPlacesFileSchema = z
  .object({
    $meta: z.looseObject({
      description: nonEmpty,
      version: nonEmpty,
      source: nonEmpty,
      license: nonEmpty,
    }),
    columns: z.array(z.string()),
    features: z.array(z.enum(PLACE_FEATURES)),
    /** The English names of the admin1 areas rows point to. */
    admin1: z.array(nonEmpty),
    /** One JSON array (a PlaceRow) a line, sorted by id; each is validated as a place when read. */
    rows: z.string(),
    /**
     * One line a normalised name key (its words, the first without ال), sorted: the key, a tab,
     * and the rows that carry it, comma-separated, each followed by "d" when the name has the article.
     */
    keys: z.string(),
    world_cities: z
      .record(
        z.string(),
        z.object({ admin1: nonEmpty, admin2: nonEmpty.optional(), admin2_ar: nonEmpty.optional() }).strict(),
      )
      .optional(),
  })
  .strict();
export type CompactPlacesFile = z.infer<typeof compactPlacesFileSchema>;

/** Where each line of `text` starts (a last empty line left out). */
function lineStarts(text: string): Int32Array {
  let n = text.length ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n);
  let k = 0;
  if (text.length) starts[k++] = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** A row of a table as the name index sees it. */
export interface TableHit {
  row: number;
  definite: boolean;
}

export class PlaceTable {
  private readonly cache = new Map<number, Place>();
  private readonly rowStarts: Int32Array;
  private readonly keyStarts: Int32Array;

  constructor(
    private readonly file: CompactPlacesFile,
    private readonly path: string,
    private readonly country: string,
    /** The Arabic name of each admin1 area, by English name (the theatre's admin areas). */
    private readonly admin1Ar: ReadonlyMap<string, string>,
  ) {
    if (file.columns.join(',') !== PLACE_COLUMNS.join(','))
      throw new Error(`${path}: columns ${file.columns.join(',')} are not ${PLACE_COLUMNS.join(',')}`);
    file.admin1.forEach((name, i) => {
      if (!admin1Ar.has(name)) throw new Error(`${path}: admin1[${i}] "${name}" is not an admin area of ${country}`);
    });
    this.rowStarts = lineStarts(file.rows);
    this.keyStarts = lineStarts(file.keys);
  }

  get size(): number {
    return this.rowStarts.length;
  }

  private line(text: string, starts: Int32Array, i: number): string {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
    return text.slice(starts[i], end > starts[i] && text[end - 1] === '\n' ? end - 1 : end);
  }

  /** The id of a row: the first string of its line. */
  idAt(row: number): string {
    const at = this.rowStarts[row] + 2; // after '["'
    return this.file.rows.slice(at, this.file.rows.indexOf('"', at));
  }

  /** The row of a place id (binary search: rows are sorted by id), or -1. */
  rowOf(id: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.idAt(mid);
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The key of each line (before its tab), cut once at the first look-up: a search then compares
   * strings instead of cutting one per step (look-ups run for every word of every article).
   */
  private keyNames: string[] | null = null;

  /** Every key, sorted (as the file holds them). */
  sortedKeys(): readonly string[] {
    const keys = this.file.keys;
    return (this.keyNames ??= Array.from(this.keyStarts, (start) => keys.slice(start, keys.indexOf('\t', start))));
  }

  /** The index of the first key line not before `key`. */
  private lowerKey(key: string): number {
    const names = this.sortedKeys();
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The rows named by a whole key ("word word"), or null. */
  lookup(key: string): TableHit[] | null {
    const i = this.lowerKey(key);
    if (i >= this.keyStarts.length) return null;
    const line = this.line(this.file.keys, this.keyStarts, i);
    const tab = line.indexOf('\t');
    if (line.slice(0, tab) !== key) return null;
    return line
      .slice(tab + 1)
      .split(',')
      .map((cell) => {
        const definite = cell.endsWith('d');
        const row = Number(definite ? cell.slice(0, -1) : cell);
        if (!Number.isInteger(row) || row < 0 || row >= this.size)
          throw new Error(`${this.path}: keys line ${i + 1}: no row "${cell}"`);
        return { row, definite };
      });
  }

  /** True when some key starts with `key` and a space: a longer name may follow. */
  continues(key: string): boolean {
    const prefix = `${key} `;
    const i = this.lowerKey(prefix);
    return i < this.keyStarts.length && this.file.keys.startsWith(prefix, this.keyStarts[i]);
  }

  /** The place of a row, validated the first time it is read; an error names the file and row. */
  place(row: number): Place {
    const hit = this.cache.get(row);
    if (hit) return hit;
    const cells = this.cells(row);
    const entry = this.asWritten(cells) ?? this.bySchema(cells, row);
    const place = { ...entry, admin1_ar: this.admin1Ar.get(entry.admin1)! };
    this.cache.set(row, place);
    return place;
  }

  /** A row's place entry read without zod (null when the schema must read it), and by the schema: for tests. */
  entryReadings(row: number): { asWritten: PlaceEntry | null; bySchema: PlaceEntry } {
    const cells = this.cells(row);
    return { asWritten: this.asWritten(cells), bySchema: this.bySchema(cells, row) };
  }

  /** A row's cells (PLACE_COLUMNS); an error names the file and row. */
  private cells(row: number): unknown[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.line(this.file.rows, this.rowStarts, row));
    } catch (e) {
      throw new Error(`${this.path}: rows line ${row + 1}: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    if (!Array.isArray(parsed) || parsed.length !== PLACE_COLUMNS.length)
      throw new Error(`${this.path}: rows line ${row + 1}: not an array of ${PLACE_COLUMNS.length} values`);
    return parsed;
  }

  private asWritten(cells: readonly unknown[]): PlaceEntry | null {
    return placeEntryAsWritten(cells, this.country, this.file.admin1, this.file.features);
  }

  /** A row's cells checked by the place schema; an error names the file and row. */
  private bySchema(cells: readonly unknown[], row: number): PlaceEntry {
    const result = placeSchema.safeParse(placeObjectOf(cells, this.country, this.file.admin1, this.file.features));
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
      throw new Error(`${this.path}: rows line ${row + 1} (${String(cells[0])}) is not a valid place: ${problems}`);
    }
    return result.data;
  }

  /** Every key line as words and rows (for tests and tools; matching uses lookup). */
  *keys(): Generator<{ words: string[]; rows: TableHit[] }> {
    for (let i = 0; i < this.keyStarts.length; i++) {
      const line = this.line(this.file.keys, this.keyStarts, i);
      const key = line.slice(0, line.indexOf('\t'));
      yield { words: key.split(' '), rows: this.lookup(key) ?? [] };
    }
  }
}
