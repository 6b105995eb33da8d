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
import { loadActors, type ActorDictionary } from '../knowledge/actors.js';
import { normalizeForMatch } from '../text/normalize.js';
import { loadNerModel, type NerModel } from '../ner/tagger/index.js';
import { NameIndex, withoutArticle } from './name-index.js';
import type { PatternLexicon } from './patterns.js';
import { z } from 'zod';

export type GeoEntry =
  { kind: 'place'; place: Place } | { kind: 'city'; city: WorldCity } | { kind: 'country'; country: Country };

export interface EntityKnowledge {
  gazetteer: Gazetteer;
  actors: ActorDictionary;
  names: NameIndex;
  patterns: PatternLexicon;
  /** Places, world cities and countries by the ref their name entries carry. */
  geo: ReadonlyMap<string, GeoEntry>;
  /** Single-word place names that are also common words, keyed without ال: they need a place noun before them. */
  commonWordNames: ReadonlySet<string>;
  /** Framing labels (ميليشيات، فلول), keyed by their normalised words without ال. */
  framingLabels: ReadonlyMap<string, { text: string; mayReferTo: string[] }>;
  ner: NerModel | null;
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
  const geo = new Map<string, GeoEntry>();

  for (const place of gazetteer.places) {
    geo.set(place.id, { kind: 'place', place });
    for (const alias of [place.name_ar, ...place.aliases_ar])
      names.add(alias, { kind: 'place', ref: place.id, type: 'LOC' });
  }
  for (const city of gazetteer.cities) {
    geo.set(cityRef(city), { kind: 'city', city });
    for (const alias of [city.name_ar, ...city.aliases_ar])
      names.add(alias, { kind: 'place', ref: cityRef(city), type: 'LOC' });
  }
  for (const country of gazetteer.countries) {
    geo.set(countryRef(country), { kind: 'country', country });
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

  const functionWords = readWordList(join(dir, 'ar', 'function-words.json'), 'words');
  const commonWordNames = new Set(
    [...readWordList(join(dir, 'ar', 'common-word-names.json'), 'names')].map((w) =>
      w.split(' ').map(withoutArticle).join(' '),
    ),
  );
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
    framingLabels: new Map(
      actors.partisanLabels.flatMap((l) =>
        l.norms.map((norm) => [withoutArticle(norm), { text: l.text, mayReferTo: l.may_refer_to }] as const),
      ),
    ),
    ner: options.withTagger === false ? null : loadNerModel(),
  };
  if (useCache) cached.set(withTagger, knowledge);
  return knowledge;
}

function readWordList(path: string, field: string): Set<string> {
  const data = z.object({ [field]: z.array(z.string()) }).parse(JSON.parse(readFileSync(path, 'utf8')));
  return new Set(data[field].map(normalizeForMatch));
}
