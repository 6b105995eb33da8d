/**
 * The actor dictionary: Libya's armed and political actors, the people who lead or speak for
 * them, and the titles written before names. Knowledge lives in `packs/` (actors.json,
 * people.json, ar/titles.json); this module validates it, normalises aliases, and answers
 * "who can this label mean on this date".
 *
 * Dates are ISO strings of year, month or day precision ("2014", "2014-08", "2014-08-24").
 * A range's `from` starts at the first day of its period and `to` ends at the last day of its
 * period, both inclusive; null is open.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { normalizeForMatch } from '../text/normalize.js';
import { readPack } from './pack.js';
import { loadTheatres } from './theatres.js';

const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'ISO date of year, month or day precision');
const openDate = isoDate.nullable();
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase slug');

const meta = z
  .object({
    description: z.string().min(1),
    version: z.string().min(1),
    provenance: z.string().min(1),
    licence: z.string().min(1),
  })
  .passthrough();

/** An alias as written in the pack: a plain string, or an object narrowing when/how it applies. */
const aliasInput = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().min(1),
      from: openDate.optional(),
      to: openDate.optional(),
      ambiguous: z.boolean().optional(),
      preferred: z.boolean().optional(),
      note: z.string().optional(),
    })
    .strict(),
]);

export const INTER_CODES = {
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;

export const ACTOR_KINDS = [
  'state_forces',
  'police',
  'government',
  'legislature',
  'institution',
  'political_body',
  'militia',
  'communal_militia',
  'jihadist',
  'rebel_group',
  'religious_movement',
  'foreign_state',
  'foreign_forces',
  'pmc',
  'mercenaries',
  'international_org',
  'international_force',
  'political_party',
  'tribe',
  'civilians',
  'protesters',
  'rioters',
  'media',
  'humanitarian',
  'unidentified',
] as const;

export const RELATIONS = ['part_of', 'allied_with', 'aligned_with', 'supports'] as const;

const affiliationSchema = z
  .object({
    actor: id,
    relation: z.enum(RELATIONS),
    from: openDate,
    to: openDate,
    note: z.string().optional(),
  })
  .strict();

const actorInput = z
  .object({
    id,
    name: z.string().min(1),
    name_ar: z.string().min(1),
    aliases_ar: z.array(aliasInput),
    aliases_en: z.array(z.string().min(1)).optional(),
    inter: z.number().int().min(1).max(8),
    kind: z.enum(ACTOR_KINDS),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    valid_from: openDate,
    valid_to: openDate,
    affiliations: z.array(affiliationSchema).default([]),
    ambiguous: z.boolean().optional(),
    source: z.string().min(1),
    note: z.string().optional(),
    /**
     * ACLED names this actor for the country its event happens in: the base name, as in
     * "Civilians" → "Civilians (Syria)", "Islamic State" → "Islamic State (Yemen)".
     */
    per_country: z.string().min(1).optional(),
  })
  .strict();

const roleSchema = z
  .object({
    title_ar: z.string().min(1),
    title_en: z.string().min(1),
    actor: id,
    from: openDate,
    to: openDate,
    note: z.string().optional(),
  })
  .strict();

const rankSchema = z
  .object({
    rank: z.string().min(1),
    from: openDate,
    to: openDate,
    note: z.string().optional(),
  })
  .strict();

const personInput = z
  .object({
    id,
    name_ar: z.string().min(1),
    aliases_ar: z.array(aliasInput),
    name_en: z.string().min(1),
    aliases_en: z.array(z.string().min(1)).optional(),
    roles: z.array(roleSchema),
    ranks: z.array(rankSchema).optional(),
    died: openDate.optional(),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

const partisanLabelSchema = z
  .object({
    text: z.string().min(1),
    variants: z.array(z.string().min(1)).optional(),
    kind: z.enum(['pejorative', 'self_label', 'generic']),
    may_refer_to: z.array(id),
    note: z.string().min(1),
  })
  .strict();

const titleSchema = z
  .object({
    text: z.string().min(1),
    variants: z.array(z.string().min(1)).optional(),
    en: z.string().min(1),
    kind: z.enum(['rank', 'honorific', 'office']),
    ambiguous_with_unit: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

export const ActorsFileSchema = z
  .object({
    $meta: meta,
    actors: z.array(actorInput),
    partisan_labels: z.array(partisanLabelSchema).default([]),
  })
  .strict();

export const PeopleFileSchema = z.object({ $meta: meta, people: z.array(personInput) }).strict();
export const TitlesFileSchema = z.object({ $meta: meta, titles: z.array(titleSchema) }).strict();

/** An alias after loading: normalised key and the validity window it adds, flags made explicit. */
export interface Alias {
  text: string;
  norm: string;
  from: string | null;
  to: string | null;
  ambiguous: boolean;
  preferred: boolean;
  note?: string;
}

export type Affiliation = z.infer<typeof affiliationSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Title = z.infer<typeof titleSchema> & { norm: string; variantNorms: string[] };
export type PartisanLabel = z.infer<typeof partisanLabelSchema> & { norms: string[] };

export type Actor = Omit<z.infer<typeof actorInput>, 'aliases_ar'> & { type: 'actor'; aliases_ar: Alias[] };
export type Person = Omit<z.infer<typeof personInput>, 'aliases_ar'> & { type: 'person'; aliases_ar: Alias[] };
export type DictionaryEntry = Actor | Person;

export interface Candidate {
  entry: DictionaryEntry;
  alias: Alias;
  /** Whether entry and alias are valid at the asked date; null when no date was given. */
  validAtDate: boolean | null;
  score: number;
  /** Why the candidate ranks where it does, for debugging the resolver. */
  why: string[];
}

export interface ActiveAffiliation extends Affiliation {
  /** 'out': the asked actor relates to `actor`; 'in': `actor` relates to the asked actor. */
  direction: 'out' | 'in';
}

export interface ActorDictionary {
  actors: Actor[];
  people: Person[];
  titles: Title[];
  byId: ReadonlyMap<string, DictionaryEntry>;
  partisanLabels: PartisanLabel[];
  /** Entries whose alias normalises to `normalizedAlias`, those valid at `date` first. */
  candidatesFor(normalizedAlias: string, date: string | null): Candidate[];
  /** Affiliations of an actor (both directions) in force at `date`; all of them when date is null. */
  affiliationsAt(actorId: string, date: string | null): ActiveAffiliation[];
}

/** First and last day covered by a date of year, month or day precision. */
function dayRange(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

/** True when the period [from, to] (inclusive, null open) overlaps the period named by `date`. */
export function rangeCovers(from: string | null, to: string | null, date: string): boolean {
  const [dateStart, dateEnd] = dayRange(date);
  if (from !== null && dayRange(from)[0] > dateEnd) return false;
  if (to !== null && dayRange(to)[1] < dateStart) return false;
  return true;
}

/** True when two inclusive ranges share at least one day. */
export function rangesOverlap(
  aFrom: string | null,
  aTo: string | null,
  bFrom: string | null,
  bTo: string | null,
): boolean {
  const aStart = aFrom === null ? '0000-00-00' : dayRange(aFrom)[0];
  const aEnd = aTo === null ? '9999-99-99' : dayRange(aTo)[1];
  const bStart = bFrom === null ? '0000-00-00' : dayRange(bFrom)[0];
  const bEnd = bTo === null ? '9999-99-99' : dayRange(bTo)[1];
  return aStart <= bEnd && bStart <= aEnd;
}

/** Whether an actor exists at `date`. A null date (unknown publication date) accepts every actor. */
export function actorValidAt(actor: Pick<Actor, 'valid_from' | 'valid_to'>, date: string | null): boolean {
  return date === null || rangeCovers(actor.valid_from, actor.valid_to, date);
}

/** The days on which an alias can name its entry: the alias's own window within the entry's. */
export function aliasWindow(entry: DictionaryEntry, alias: Alias): { from: string | null; to: string | null } {
  if (entry.type === 'person') return { from: alias.from, to: alias.to };
  const later = (a: string | null, b: string | null) =>
    a === null ? b : b === null ? a : dayRange(a)[0] >= dayRange(b)[0] ? a : b;
  const earlier = (a: string | null, b: string | null) =>
    a === null ? b : b === null ? a : dayRange(a)[1] <= dayRange(b)[1] ? a : b;
  return { from: later(entry.valid_from, alias.from), to: earlier(entry.valid_to, alias.to) };
}

/** A person is "current" at a date when one of their roles covers it; people without roles always are. */
function personActiveAt(person: Person, date: string): boolean {
  return person.roles.length === 0 || person.roles.some((r) => rangeCovers(r.from, r.to, date));
}

function toAlias(input: z.infer<typeof aliasInput>): Alias {
  const a = typeof input === 'string' ? { text: input } : input;
  const alias: Alias = {
    text: a.text,
    norm: normalizeForMatch(a.text),
    from: a.from ?? null,
    to: a.to ?? null,
    ambiguous: a.ambiguous ?? false,
    preferred: a.preferred ?? false,
  };
  if (a.note !== undefined) alias.note = a.note;
  return alias;
}

/**
 * An entry's aliases with its canonical Arabic name first (so a lookup by full name works),
 * one per normalised form. A listed alias with the name's form replaces the name's plain
 * alias, so its dates and flags apply; among listed aliases the first spelling of a form wins.
 */
function withName(nameAr: string, inputs: z.infer<typeof aliasInput>[]): Alias[] {
  const byNorm = new Map<string, Alias>();
  const name = toAlias(nameAr);
  byNorm.set(name.norm, name);
  for (const alias of inputs.map(toAlias)) {
    const existing = byNorm.get(alias.norm);
    if (existing === undefined || existing === name) byNorm.set(alias.norm, alias);
  }
  return [...byNorm.values()];
}

/** The repository's `packs/`, found from this module so it works from src/ (tsx) and dist/. */
function defaultPacksDir(): URL {
  return new URL('../../packs/', import.meta.url);
}

function dirUrl(dir: string | URL): URL {
  if (dir instanceof URL) return dir.href.endsWith('/') ? dir : new URL(`${dir.href}/`);
  return pathToFileURL(`${resolve(dir)}/`);
}

/** Builds the dictionary from parsed pack contents (several actor and people files); throws a zod error naming the bad field. */
export function buildActorDictionary(
  actorsJsons: readonly unknown[],
  peopleJsons: readonly unknown[],
  titlesJson: unknown,
): ActorDictionary {
  const actorsFiles = actorsJsons.map((json) => ActorsFileSchema.parse(json));
  const peopleFiles = peopleJsons.map((json) => PeopleFileSchema.parse(json));
  const titlesFile = TitlesFileSchema.parse(titlesJson);

  const actors: Actor[] = actorsFiles
    .flatMap((f) => f.actors)
    .map((a) => ({
      ...a,
      type: 'actor',
      aliases_ar: withName(a.name_ar, a.aliases_ar),
    }));
  const people: Person[] = peopleFiles
    .flatMap((f) => f.people)
    .map((p) => ({
      ...p,
      type: 'person',
      aliases_ar: withName(p.name_ar, p.aliases_ar),
    }));
  const titles: Title[] = titlesFile.titles.map((t) => ({
    ...t,
    norm: normalizeForMatch(t.text),
    variantNorms: (t.variants ?? []).map(normalizeForMatch),
  }));
  const partisanLabels: PartisanLabel[] = actorsFiles
    .flatMap((f) => f.partisan_labels)
    .map((l) => ({
      ...l,
      norms: [l.text, ...(l.variants ?? [])].map(normalizeForMatch),
    }));

  const byId = new Map<string, DictionaryEntry>();
  for (const entry of [...actors, ...people]) {
    if (byId.has(entry.id)) throw new Error(`actor dictionary: duplicate id ${entry.id}`);
    byId.set(entry.id, entry);
  }

  const byAlias = new Map<string, { entry: DictionaryEntry; alias: Alias }[]>();
  for (const entry of byId.values()) {
    for (const alias of entry.aliases_ar) {
      if (alias.norm === '') continue;
      const list = byAlias.get(alias.norm) ?? [];
      list.push({ entry, alias });
      byAlias.set(alias.norm, list);
    }
  }

  const affiliationIndex = new Map<string, ActiveAffiliation[]>();
  const addAffiliation = (key: string, a: ActiveAffiliation) => {
    const list = affiliationIndex.get(key) ?? [];
    list.push(a);
    affiliationIndex.set(key, list);
  };
  for (const actor of actors) {
    for (const a of actor.affiliations) {
      addAffiliation(actor.id, { ...a, direction: 'out' });
      addAffiliation(a.actor, { ...a, actor: actor.id, direction: 'in' });
    }
  }

  function candidatesFor(normalizedAlias: string, date: string | null): Candidate[] {
    const found = byAlias.get(normalizedAlias) ?? [];
    const ranked = found.map(({ entry, alias }, order) => {
      const why: string[] = [];
      let score = 0;
      let validAtDate: boolean | null = null;
      if (date !== null) {
        const window = aliasWindow(entry, alias);
        validAtDate =
          rangeCovers(window.from, window.to, date) && (entry.type === 'actor' || personActiveAt(entry, date));
        if (validAtDate) {
          score += 4;
          why.push(`valid at ${date}`);
        } else why.push(`not valid at ${date}`);
      }
      if (alias.preferred) {
        score += 2;
        why.push('preferred reading of a shared alias');
      }
      if (alias.ambiguous || (entry.type === 'actor' && entry.ambiguous)) {
        score -= 1;
        why.push('alias is ambiguous');
      }
      return { candidate: { entry, alias, validAtDate, score, why }, order };
    });
    ranked.sort((a, b) => b.candidate.score - a.candidate.score || a.order - b.order);
    return ranked.map((r) => r.candidate);
  }

  function affiliationsAt(actorId: string, date: string | null): ActiveAffiliation[] {
    const all = affiliationIndex.get(actorId) ?? [];
    return date === null ? all : all.filter((a) => rangeCovers(a.from, a.to, date));
  }

  return { actors, people, titles, byId, partisanLabels, candidatesFor, affiliationsAt };
}

const loaded = new Map<string, ActorDictionary>();

/**
 * Loads and validates the actor dictionary from `dir` (a `packs/` directory; default: the
 * repository's). Cached per directory: the packs are read once per process.
 */
export function loadActors(dir?: string | URL): ActorDictionary {
  const base = dir === undefined ? defaultPacksDir() : dirUrl(dir);
  const cached = loaded.get(base.href);
  if (cached) return cached;
  // The generic categories every theatre shares, then each theatre's own actors and people.
  const theatres = loadTheatres(fileURLToPath(base));
  const dictionary = buildActorDictionary(
    [
      readPack(fileURLToPath(new URL('world/actors.json', base)), ActorsFileSchema),
      ...theatres.flatMap((t) => t.actors.map((f) => readPack(join(t.dir, f), ActorsFileSchema))),
    ],
    theatres.flatMap((t) => t.people.map((f) => readPack(join(t.dir, f), PeopleFileSchema))),
    readPack(fileURLToPath(new URL('ar/titles.json', base)), TitlesFileSchema),
  );
  loaded.set(base.href, dictionary);
  return dictionary;
}
