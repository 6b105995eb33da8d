/**
 * The knowledge entity recognition and resolution use, loaded once per process: the gazetteer,
 * the actor dictionary, the name index built over both, the pattern word lists and the NER model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadGazetteer,
  defaultPacksDir,
  type Gazetteer,
  type Place,
  type Country,
  type WorldCity,
} from '../knowledge/places.js';
import { loadActors, type ActorDictionary, type PartisanLabel } from '../knowledge/actors.js';
import { normalizeForMatch } from '../text/normalize.js';
import { loadNerModel, type NerModel } from '../ner/tagger/index.js';
import { NameIndex, withoutArticle } from './name-index.js';
import type { PatternLexicon } from './patterns.js';
import { z } from 'zod';
import { PackMeta, readPack } from '../knowledge/pack.js';
import { loadOutlets, type OutletTable } from '../knowledge/outlets.js';

export type GeoEntry =
  { kind: 'place'; place: Place } | { kind: 'city'; city: WorldCity } | { kind: 'country'; country: Country };

export interface EntityKnowledge {
  gazetteer: Gazetteer;
  actors: ActorDictionary;
  names: NameIndex;
  patterns: PatternLexicon;
  /** Places, world cities and countries by the ref their name entries carry (a place is read from its table when first asked for). */
  geo: { get(ref: string): GeoEntry | undefined };
  /** Place names that are also common words, keyed as the name index keys them: they need a place noun or direction before them. */
  commonWordNames: ReadonlySet<string>;
  /** Words before a name that are evidence it is a place (packs/ar/place-cues.json), normalised, without ال. */
  placeCues: {
    nouns: ReadonlySet<string>;
    /** The plural and dual place nouns (قرى، مدن، بلدتي), which head a list of places. */
    listNouns: ReadonlySet<string>;
    prepositions: ReadonlySet<string>;
    genericNouns: ReadonlySet<string>;
    /** The nouns of a town's quarter (حي، أحياء): no cue for a village abroad. */
    quarterNouns: ReadonlySet<string>;
    /** After a country's name, a region of the world (أمريكا الوسطى). */
    regionWords: ReadonlySet<string>;
  };
  /** Framing labels (ميليشيات، فلول), keyed by their normalised words without ال. */
  framingLabels: ReadonlyMap<string, { text: string; mayReferTo: string[] }>;
  ner: NerModel | null;
  /** News outlets and their countries: an article's outlet is a prior of its country. */
  outlets: OutletTable;
}

/** World cities and countries share the name index with Libyan places; their refs are prefixed. */
export const cityRef = (c: WorldCity) => `city:${c.id}`;
export const countryRef = (c: Country) => `country:${c.iso2}`;

export interface KnowledgeOptions {
  packsDir?: string;
  /** Skip the statistical tagger (faster; names the dictionaries lack are then found by patterns only). */
  withTagger?: boolean;
}

/** The repository's packs, loaded once per process, with and without the tagger's model. */
const cached = new Map<boolean, EntityKnowledge>();

export function loadEntityKnowledge(options: KnowledgeOptions = {}): EntityKnowledge {
  const withTagger = options.withTagger !== false;
  const useCache = options.packsDir === undefined;
  const hit = useCache ? cached.get(withTagger) : undefined;
  if (hit) return hit;
  const dir = options.packsDir ?? defaultPacksDir();
  const gazetteer = loadGazetteer(dir);
  const actors = loadActors(dir.endsWith('/') ? dir : `${dir}/`);
  const names = new NameIndex();
  const worldGeo = new Map<string, GeoEntry>();
  const placeGeo = new Map<string, GeoEntry>();
  const geo = {
    get(ref: string): GeoEntry | undefined {
      const hit = worldGeo.get(ref) ?? placeGeo.get(ref);
      if (hit) return hit;
      const place = gazetteer.byId.get(ref);
      if (!place) return undefined;
      const entry: GeoEntry = { kind: 'place', place };
      placeGeo.set(ref, entry);
      return entry;
    },
  };

  for (const table of gazetteer.placeTables) names.addTable(table);
  for (const name of gazetteer.placeNames())
    names.addKey(name.words, name.definite, { kind: 'place', ref: name.id, type: 'LOC', alias: name.words.join(' ') });
  for (const city of gazetteer.cities) {
    worldGeo.set(cityRef(city), { kind: 'city', city });
    for (const alias of [city.name_ar, ...city.aliases_ar])
      names.add(alias, { kind: 'place', ref: cityRef(city), type: 'LOC' });
  }
  for (const country of gazetteer.countries) {
    worldGeo.set(countryRef(country), { kind: 'country', country });
    for (const alias of [country.name_ar, ...country.aliases_ar]) {
      names.add(alias, { kind: 'country', ref: countryRef(country), type: 'LOC' });
    }
    for (const demonym of country.demonyms_ar) {
      names.add(demonym, { kind: 'country', ref: countryRef(country), type: 'MISC', demonym: true });
    }
  }
  for (const actor of actors.actors) {
    for (const alias of [{ text: actor.name_ar }, ...actor.aliases_ar]) {
      names.add(alias.text, { kind: 'actor', ref: actor.id, type: 'ORG' });
      // "قوات X" names X's forces (قوات الجيش الليبي، قوات فجر ليبيا) when the file lacks it.
      if (!/^(ال)?قوات\s/.test(normalizeForMatch(alias.text)))
        names.add(`قوات ${alias.text}`, { kind: 'actor', ref: actor.id, type: 'ORG', baseAlias: alias.text });
    }
  }
  for (const person of actors.people) {
    for (const alias of [{ text: person.name_ar }, ...person.aliases_ar])
      names.add(alias.text, { kind: 'person', ref: person.id, type: 'PER' });
  }
  names.prepare();

  const functionWords = readWordList(join(dir, 'ar', 'function-words.json'), 'words');
  const commonWordNames = new Set([
    ...[...readWordList(join(dir, 'ar', 'common-word-names.json'), 'names')].map((w) =>
      w.split(' ').map(withoutArticle).join(' '),
    ),
    ...readPack(join(dir, 'ar', 'common-word-names-corpus.json'), CorpusCommonWords).names.map((n) => n.name),
  ]);
  const placeCueWords = readPack(join(dir, 'ar', 'place-cues.json'), PlaceCueWords);
  const placeCues = {
    nouns: new Set(placeCueWords.place_nouns.map((w) => withoutArticle(normalizeForMatch(w)))),
    listNouns: new Set(placeCueWords.list_nouns.map((w) => withoutArticle(normalizeForMatch(w)))),
    prepositions: new Set(placeCueWords.prepositions.map(normalizeForMatch)),
    quarterNouns: new Set(placeCueWords.quarter_nouns.map((w) => withoutArticle(normalizeForMatch(w)))),
    regionWords: new Set(placeCueWords.region_words.map((w) => withoutArticle(normalizeForMatch(w)))),
    // Month and weekday names (مايو، الجمعة) are no places either, whatever village bears them.
    genericNouns: new Set(
      [...placeCueWords.generic_nouns, ...calendarWords(dir)].map((w) => withoutArticle(normalizeForMatch(w))),
    ),
  };
  const personTitles = new Set<string>();
  const unitTitles = new Set<string>();
  for (const title of actors.titles) {
    if (title.kind === 'office') continue;
    for (const norm of [title.norm, ...title.variantNorms]) {
      // إمام normalises to امام ("in front of"): a title that is also a function word is no cue.
      if (norm.includes(' ') || functionWords.has(withoutArticle(norm))) continue;
      personTitles.add(withoutArticle(norm));
      if (title.ambiguous_with_unit) unitTitles.add(withoutArticle(norm));
    }
  }
  const knowledge: EntityKnowledge = {
    gazetteer,
    actors,
    names,
    patterns: { personTitles, unitTitles, functionWords },
    geo,
    commonWordNames,
    placeCues,
    framingLabels: framingLabelsOf(actors.partisanLabels),
    ner: options.withTagger === false ? null : loadNerModel(),
    outlets: loadOutlets(dir),
  };
  if (useCache) cached.set(withTagger, knowledge);
  return knowledge;
}

/**
 * Framing labels by their normalised words. Two theatres may use one word (الانقلابيين: Libya's
 * for the LNA, Yemen's for the Houthis): the word may refer to the actors of both, and the
 * extractor chooses among them by the article's names, country and date.
 */
function framingLabelsOf(labels: readonly PartisanLabel[]): Map<string, { text: string; mayReferTo: string[] }> {
  const byWord = new Map<string, { text: string; mayReferTo: string[] }>();
  for (const l of labels)
    for (const norm of l.norms) {
      const key = withoutArticle(norm);
      const known = byWord.get(key);
      // An empty list refers to any actor; it stays so.
      if (!known) {
        byWord.set(key, { text: l.text, mayReferTo: [...l.may_refer_to] });
      } else if (known.mayReferTo.length && l.may_refer_to.length) {
        for (const id of l.may_refer_to) if (!known.mayReferTo.includes(id)) known.mayReferTo.push(id);
      } else {
        known.mayReferTo = [];
      }
    }
  return byWord;
}

const CorpusCommonWords = z.object({
  $meta: PackMeta,
  names: z.array(
    z.strictObject({
      name: z.string().min(1),
      uses: z.number().int(),
      after_place_noun: z.number().int(),
      after_preposition: z.number().int(),
    }),
  ),
});
const PlaceCueWords = z.object({
  $meta: PackMeta,
  place_nouns: z.array(z.string().min(1)),
  list_nouns: z.array(z.string().min(1)),
  prepositions: z.array(z.string().min(1)),
  generic_nouns: z.array(z.string().min(1)),
  quarter_nouns: z.array(z.string().min(1)),
  /** Read by scripts/build-common-word-names.ts alone. */
  facility_nouns: z.array(z.string().min(1)),
  region_words: z.array(z.string().min(1)),
});

/** The month and weekday names of packs/ar/months.json and weekdays.json. */
function calendarWords(dir: string): string[] {
  const months = readPack(
    join(dir, 'ar', 'months.json'),
    z.object({ $meta: PackMeta, families: z.record(z.string(), z.record(z.string(), z.unknown())) }),
  );
  const weekdays = readPack(
    join(dir, 'ar', 'weekdays.json'),
    z.object({ $meta: PackMeta, weekdays: z.record(z.string(), z.unknown()) }),
  );
  return [...Object.values(months.families).flatMap((f) => Object.keys(f)), ...Object.keys(weekdays.weekdays)];
}

function readWordList(path: string, field: string): Set<string> {
  const data = z.object({ [field]: z.array(z.string()) }).parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Set(data[field].map(normalizeForMatch));
}
